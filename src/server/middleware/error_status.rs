//! Server functions answer every error with status 500; this layer gives
//! each `AppError` its proper HTTP status (and `Retry-After` for 429), so
//! clients, proxies and logs see a wrong password as 401, not as a crash.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::domain::AppError;

/// Error bodies are a code and a few fields; anything longer is not ours.
const MAX_ERROR_BODY: usize = 4096;

pub async fn app_error_status(request: Request, next: Next) -> Response {
    let is_server_function = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !is_server_function || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = status_of(&error);
        if let AppError::RateLimited { retry_after_seconds } = error {
            parts.headers.insert(header::RETRY_AFTER, HeaderValue::from(retry_after_seconds));
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

pub fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::Internal | AppError::Unreachable | AppError::AuditChainBroken { .. } => {
            StatusCode::INTERNAL_SERVER_ERROR
        }
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::ResetLinkInvalid
        | AppError::InvitationInvalid
        | AppError::FeedbackLinkInvalid
        | AppError::ExportExpired => StatusCode::GONE,
        AppError::Unauthenticated
        | AppError::InvalidCredentials
        | AppError::SecondFactorInvalid
        | AppError::SecondFactorExpired
        | AppError::SignInCodeInvalid => StatusCode::UNAUTHORIZED,
        AppError::Forbidden | AppError::SecondFactorSetupRequired => StatusCode::FORBIDDEN,
        AppError::SecondFactorMandatory => StatusCode::CONFLICT,
        AppError::ContractEnded { .. } => StatusCode::LOCKED,
        AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::BadRequest
        | AppError::InvalidLanguage
        | AppError::PasswordTooShort { .. }
        | AppError::PasswordTooLong { .. }
        | AppError::PasswordTooWeak
        | AppError::Invalid { .. }
        | AppError::ImportRejected { .. } => StatusCode::UNPROCESSABLE_ENTITY,
    }
}
