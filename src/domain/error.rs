//! The one error type that crosses the wire.
//!
//! Each variant is a stable snake_case code; the browser shows its translated
//! message. Causes of internal errors stay in the server log: the browser only
//! ever learns `internal`.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::domain::validation::FieldError;
use crate::i18n::{Key, Lang};

#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum AppError {
    /// Something failed on the server; the cause is logged, not shown.
    #[error("internal")]
    Internal,
    /// The object does not exist, or exists where the caller may not know of it.
    #[error("not_found")]
    NotFound,
    #[error("unauthenticated")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    /// The request could not be read (missing or malformed arguments).
    #[error("bad_request")]
    BadRequest,
    /// The browser could not reach the server.
    #[error("unreachable")]
    Unreachable,
    #[error("invalid_language")]
    InvalidLanguage,
    /// Unknown account or wrong password: deliberately the same answer.
    #[error("invalid_credentials")]
    InvalidCredentials,
    /// Too many failed attempts; try again after this many seconds.
    #[error("rate_limited")]
    RateLimited { retry_after_seconds: u32 },
    #[error("password_too_short")]
    PasswordTooShort { min: u32 },
    #[error("password_too_long")]
    PasswordTooLong { max: u32 },
    /// Common, breached, or too easy to guess (also from the user's own name).
    #[error("password_too_weak")]
    PasswordTooWeak,
    /// A password link that expired or was used already.
    #[error("reset_link_invalid")]
    ResetLinkInvalid,
    /// An invitation link that expired or was used already.
    #[error("invitation_invalid")]
    InvitationInvalid,
    /// A feedback request's link that was used, expired or was withdrawn.
    #[error("feedback_link_invalid")]
    FeedbackLinkInvalid,
    /// Some fields of a form are not acceptable; each says why.
    #[error("invalid")]
    Invalid { errors: Vec<FieldError> },
    /// A wrong, expired or already used code from the authenticator app, or
    /// a wrong or used recovery code.
    #[error("second_factor_invalid")]
    SecondFactorInvalid,
    /// Admins and operator staff must set up a second factor before anything else.
    #[error("second_factor_setup_required")]
    SecondFactorSetupRequired,
    /// This account may not go without a second factor.
    #[error("second_factor_mandatory")]
    SecondFactorMandatory,
    /// The sign-in waiting for its second factor took too long; start again.
    #[error("second_factor_expired")]
    SecondFactorExpired,
    /// A one-time sign-in code that is wrong, used or expired.
    #[error("sign_in_code_invalid")]
    SignInCodeInvalid,
    /// An import file with problems: nothing was imported; each problem
    /// names its row and column.
    #[error("import_rejected")]
    ImportRejected { problems: Vec<crate::domain::dto::ImportProblem> },
    /// The organisation's contract has ended: it can read and export its
    /// data until `until` (`YYYY-MM-DD`), and change nothing (DPA 8.B).
    #[error("contract_ended")]
    ContractEnded { until: String },
    /// The audit log's hash chain does not check out from this entry on.
    #[error("audit_chain_broken")]
    AuditChainBroken { seq: i64 },
    /// A download link of a full export that has expired (DPA 8.B).
    #[error("export_expired")]
    ExportExpired,
}

impl AppError {
    /// One field of a form is not acceptable.
    pub fn invalid(field: &str, problem: crate::domain::validation::Problem) -> AppError {
        AppError::Invalid { errors: vec![FieldError { field: field.into(), problem }] }
    }

    /// The stable code, as sent to the browser.
    pub fn code(&self) -> String {
        self.to_string()
    }

    /// The translated message a user sees for this error.
    pub fn message_key(&self) -> Key {
        match self {
            AppError::Internal => Key::ErrorInternal,
            AppError::NotFound => Key::ErrorNotFound,
            AppError::Unauthenticated => Key::ErrorUnauthenticated,
            AppError::Forbidden => Key::ErrorForbidden,
            AppError::BadRequest => Key::ErrorBadRequest,
            AppError::Unreachable => Key::ErrorUnreachable,
            AppError::InvalidLanguage => Key::ErrorInvalidLanguage,
            AppError::InvalidCredentials => Key::ErrorInvalidCredentials,
            AppError::RateLimited { .. } => Key::ErrorRateLimited,
            AppError::PasswordTooShort { .. } => Key::ErrorPasswordTooShort,
            AppError::PasswordTooLong { .. } => Key::ErrorPasswordTooLong,
            AppError::PasswordTooWeak => Key::ErrorPasswordTooWeak,
            AppError::ResetLinkInvalid => Key::ErrorResetLinkInvalid,
            AppError::InvitationInvalid => Key::ErrorInvitationInvalid,
            AppError::FeedbackLinkInvalid => Key::ErrorFeedbackLinkInvalid,
            AppError::Invalid { .. } => Key::ErrorInvalid,
            AppError::ImportRejected { .. } => Key::ErrorImportRejected,
            AppError::AuditChainBroken { .. } => Key::ErrorAuditChainBroken,
            AppError::ContractEnded { .. } => Key::ErrorContractEnded,
            AppError::SecondFactorInvalid => Key::ErrorSecondFactorInvalid,
            AppError::SecondFactorSetupRequired => Key::ErrorSecondFactorSetupRequired,
            AppError::SecondFactorMandatory => Key::ErrorSecondFactorMandatory,
            AppError::SecondFactorExpired => Key::ErrorSecondFactorExpired,
            AppError::SignInCodeInvalid => Key::ErrorSignInCodeInvalid,
            AppError::ExportExpired => Key::ErrorExportExpired,
        }
    }

    /// The message a user sees, in `lang`, with the error's details filled in.
    pub fn message(&self, lang: Lang) -> String {
        let key = self.message_key();
        match self {
            AppError::RateLimited { retry_after_seconds } => {
                let minutes = retry_after_seconds.div_ceil(60).max(1).to_string();
                crate::i18n::format(lang, key, &[("minutes", &minutes)])
            }
            AppError::PasswordTooShort { min } => {
                crate::i18n::format(lang, key, &[("min", &min.to_string())])
            }
            AppError::PasswordTooLong { max } => crate::i18n::format(lang, key, &[("max", &max.to_string())]),
            AppError::AuditChainBroken { seq } => {
                crate::i18n::format(lang, key, &[("seq", &seq.to_string())])
            }
            AppError::ContractEnded { until } => crate::i18n::format(lang, key, &[("date", until)]),
            _ => crate::i18n::text(lang, key).to_owned(),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
        match error {
            ServerFnErrorErr::Request(_) => AppError::Unreachable,
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::BadRequest,
            _ => AppError::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_travel_as_their_code_only() {
        let json = serde_json::to_string(&AppError::Forbidden).unwrap_or_default();
        assert_eq!(json, r#"{"code":"forbidden"}"#);
        assert_eq!(AppError::InvalidLanguage.code(), "invalid_language");
        let limited =
            serde_json::to_string(&AppError::RateLimited { retry_after_seconds: 90 }).unwrap_or_default();
        assert_eq!(limited, r#"{"code":"rate_limited","retry_after_seconds":90}"#);
    }

    #[test]
    fn messages_fill_in_their_details() {
        assert_eq!(
            AppError::RateLimited { retry_after_seconds: 90 }.message(Lang::En),
            "Too many failed attempts. Try again in 2 minutes."
        );
        assert_eq!(
            AppError::PasswordTooShort { min: 10 }.message(Lang::Nl),
            "Kies een wachtwoord van minstens 10 tekens."
        );
    }

    #[test]
    fn transport_failures_become_codes_without_their_text() {
        let from = AppError::from_server_fn_error;
        assert_eq!(from(ServerFnErrorErr::Request("connection refused".into())), AppError::Unreachable);
        assert_eq!(from(ServerFnErrorErr::MissingArg("lang".into())), AppError::BadRequest);
        assert_eq!(from(ServerFnErrorErr::ServerError("database is locked".into())), AppError::Internal);
    }
}
