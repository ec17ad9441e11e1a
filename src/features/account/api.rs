//! Server functions for signing in and out.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{InvitationDetails, SessionSummary, Viewer};

/// Anyone: signs in with e-mail address or username and password, then goes
/// to `next` (a path on this site) or the start page of the account — by
/// way of `/login/verify` when the account has a second factor. Too many
/// failures answer 429 with the time to wait.
#[server(endpoint = "sign_in")]
pub async fn sign_in(identifier: String, password: String, next: String) -> Result<(), AppError> {
    use crate::server::auth::session::session_cookie;
    use crate::server::auth::sign_in::sign_in;
    use crate::server::{AppState, http};

    let state = AppState::current()?;
    let origin = http::origin();
    let now = chrono::Utc::now();
    let signed_in = sign_in(&state.db, &state.config.security, &identifier, &password, &origin, now).await?;
    http::set_cookie(&session_cookie(&signed_in.token, state.config.served_over_https()));
    continue_sign_in(&signed_in, &next);
    Ok(())
}

/// Anyone whose password was just accepted: the code from their
/// authenticator app or a recovery code, which completes the sign-in.
#[server(endpoint = "sign_in/second_factor")]
pub async fn verify_second_factor(code: String, next: String) -> Result<(), AppError> {
    use crate::server::auth::session::session_cookie;
    use crate::server::auth::sign_in::complete_second_factor;
    use crate::server::{AppState, auth, http};

    let state = AppState::current()?;
    let https = state.config.served_over_https();
    let pending = auth::scope::request_token(https).ok_or(AppError::SecondFactorExpired)?;
    let origin = http::origin();
    let now = chrono::Utc::now();
    let signed_in = complete_second_factor(
        &state.db,
        &state.keys.kek,
        &state.config.security,
        &pending,
        &code,
        &origin,
        now,
    )
    .await?;
    http::set_cookie(&session_cookie(&signed_in.token, https));
    leptos_axum::redirect(&after_sign_in(signed_in.holder, &next));
    Ok(())
}

/// Anyone: sends a one-time sign-in code to the accounts with this e-mail
/// address (by e-mail) or username (by text message, else e-mail). The
/// answer is the same whether or not one exists.
#[server(endpoint = "sign_in/request_code")]
pub async fn request_sign_in_code(identifier: String) -> Result<(), AppError> {
    use crate::server::auth::sign_in_code;
    use crate::server::{AppState, http};

    let state = AppState::current()?;
    let public_url = state.config.site.public_url.as_str();
    sign_in_code::request(&state.db, public_url, &identifier, &http::origin(), chrono::Utc::now()).await?;
    state.outbox.notify();
    leptos_axum::redirect("/login/code?sent=1");
    Ok(())
}

/// Anyone holding a one-time code: signs in with it, by way of
/// `/login/verify` when the account has a second factor.
#[server(endpoint = "sign_in/code")]
pub async fn sign_in_with_code(code: String, next: String) -> Result<(), AppError> {
    use crate::server::auth::session::session_cookie;
    use crate::server::auth::sign_in_code;
    use crate::server::{AppState, http};

    let state = AppState::current()?;
    let now = chrono::Utc::now();
    let signed_in =
        sign_in_code::sign_in_with_code(&state.db, &state.config.security, &code, &http::origin(), now)
            .await?;
    http::set_cookie(&session_cookie(&signed_in.token, state.config.served_over_https()));
    continue_sign_in(&signed_in, &next);
    Ok(())
}

/// Sends a browser whose first factor passed on: to the second factor, or
/// to where it was going.
#[cfg(feature = "ssr")]
fn continue_sign_in(signed_in: &crate::server::auth::sign_in::SignedIn, next: &str) {
    if signed_in.awaiting_second_factor {
        let next = crate::domain::validation::encode_query_value(next);
        leptos_axum::redirect(&format!("/login/verify?next={next}"));
    } else {
        leptos_axum::redirect(&after_sign_in(signed_in.holder, next));
    }
}

/// Where a completed sign-in goes: `next` when it is a page of this site
/// (not the sign-in pages), else the account's start page.
#[cfg(feature = "ssr")]
fn after_sign_in(holder: crate::server::auth::session::Holder, next: &str) -> String {
    use crate::server::auth::session::Holder;
    let home = match holder {
        Holder::User { .. } => "/",
        Holder::Operator { .. } => "/operator",
    };
    let next = crate::domain::validation::local_path_or_home(next);
    if next == "/" || next.starts_with("/login") { home } else { next }.to_owned()
}

/// Anyone: ends the current session (if any) and forgets its cookie.
#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::server::auth::session;
    use crate::server::{AppState, auth, http};

    let state = AppState::current()?;
    let https = state.config.served_over_https();
    if let Some(token) = auth::scope::request_token(https) {
        if let Ok(Some(account)) = auth::current_account().await {
            crate::server::service::accounts::record_sign_out(
                &state.db,
                &account.principal,
                http::request_id(),
            )
            .await?;
        }
        session::end(&state.db, &token).await.map_err(|error| {
            tracing::error!(%error, "session could not be ended");
            AppError::Internal
        })?;
    }
    http::set_cookie(&session::clearing_cookie(https));
    leptos_axum::redirect("/login");
    Ok(())
}

/// Anyone: who is signed in, or `None`.
#[server(endpoint = "current_viewer")]
pub async fn current_viewer() -> Result<Option<Viewer>, AppError> {
    use crate::server::{AppState, auth, service};

    let state = AppState::current()?;
    match auth::current_account().await? {
        Some(account) => {
            let today = chrono::Utc::now().with_timezone(&state.config.site.time_zone).date_naive();
            service::accounts::viewer(&state.db, &account, today).await.map(Some)
        }
        None => Ok(None),
    }
}

/// Anyone: sends a link to choose a new password to every active account
/// with this sign-in name — by e-mail, or by text message for a username
/// with a mobile number. The answer is the same whether or not one exists.
#[server(endpoint = "password_reset/request")]
pub async fn request_password_reset(identifier: String) -> Result<(), AppError> {
    use crate::server::auth::sign_in::Origin;
    use crate::server::{AppState, http, service};

    let state = AppState::current()?;
    let origin =
        Origin { address: http::client_address(), user_agent: String::new(), request_id: http::request_id() };
    let public_url = state.config.site.public_url.as_str();
    service::password_reset::request(&state.db, public_url, &identifier, &origin, chrono::Utc::now()).await?;
    state.outbox.notify();
    leptos_axum::redirect("/reset?sent=1");
    Ok(())
}

/// Anyone holding a link: whether it can still be used.
#[server(endpoint = "password_reset/check")]
pub async fn password_reset_usable(token: String) -> Result<bool, AppError> {
    use crate::server::{AppState, service};

    let state = AppState::current()?;
    service::password_reset::is_usable(&state.db, &token, chrono::Utc::now()).await
}

/// Anyone holding an unused, unexpired link: sets the new password, which
/// must pass the strength rule, and ends every session of the account.
#[server(endpoint = "password_reset/complete")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use crate::server::{AppState, http, service};

    let state = AppState::current()?;
    let now = chrono::Utc::now();
    service::password_reset::complete(&state.db, &token, &password, http::request_id(), now).await?;
    leptos_axum::redirect("/login?password=changed");
    Ok(())
}

/// Anyone holding an invitation link: who it is for, or `None` when it
/// expired or was used.
#[server(endpoint = "invitation/details")]
pub async fn invitation_for(token: String) -> Result<Option<InvitationDetails>, AppError> {
    use crate::server::{AppState, service};

    let state = AppState::current()?;
    service::invitations::details(&state.db, &token, chrono::Utc::now()).await
}

/// Anyone holding an unused invitation link: sets the first password (which
/// must pass the strength rule) and signs the new user in.
#[server(endpoint = "invitation/accept")]
pub async fn accept_invitation(token: String, password: String) -> Result<(), AppError> {
    use crate::server::auth::session::{self, Holder, session_cookie};
    use crate::server::{AppState, http, service};

    let state = AppState::current()?;
    let now = chrono::Utc::now();
    let (user, org) =
        service::invitations::accept(&state.db, &token, &password, http::request_id(), now).await?;
    let holder = Holder::User { user: user.0, org: org.0 };
    let user_agent = http::request_header(axum::http::header::USER_AGENT).unwrap_or_default();
    let token = session::start(&state.db, holder, &user_agent, &state.config.security, now).await.map_err(
        |error| {
            tracing::error!(%error, "session could not be started");
            AppError::Internal
        },
    )?;
    http::set_cookie(&session_cookie(&token, state.config.served_over_https()));
    leptos_axum::redirect("/");
    Ok(())
}

/// Anyone signed in: the signed-in browsers of their own account.
#[server(endpoint = "account/sessions")]
pub async fn my_sessions() -> Result<Vec<SessionSummary>, AppError> {
    use crate::server::{AppState, auth, service};

    let state = AppState::current()?;
    let principal = auth::current_principal().await?.ok_or(AppError::Unauthenticated)?;
    let current =
        auth::scope::request_token(state.config.served_over_https()).map(|t| t.hash()).unwrap_or_default();
    service::sessions::list(&state.db, &principal, &current).await
}

/// Anyone signed in: changes their password, confirming the current one.
/// Their other sessions end; this one stays.
#[server(endpoint = "account/change_password")]
pub async fn change_password(current_password: String, password: String) -> Result<(), AppError> {
    use crate::server::{AppState, auth, http, service};

    let state = AppState::current()?;
    let principal = auth::current_principal().await?.ok_or(AppError::Unauthenticated)?;
    let this_session =
        auth::scope::request_token(state.config.served_over_https()).map(|t| t.hash()).unwrap_or_default();
    let now = chrono::Utc::now();
    service::accounts::change_password(
        &state.db,
        &principal,
        &current_password,
        &password,
        &this_session,
        &http::origin(),
        now,
    )
    .await
}

/// Anyone signed in: ends one of their own sessions (another browser).
#[server(endpoint = "account/end_session")]
pub async fn end_session(id: String) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let principal = auth::current_principal().await?.ok_or(AppError::Unauthenticated)?;
    service::sessions::end_one(&AppState::current()?.db, &principal, &id).await
}

/// Anyone signed in: ends every session of their account, this one too.
#[server(endpoint = "account/sign_out_everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    use crate::server::auth::session;
    use crate::server::{AppState, auth, http, service};

    let state = AppState::current()?;
    let principal = auth::current_principal().await?.ok_or(AppError::Unauthenticated)?;
    service::accounts::record_sign_out(&state.db, &principal, http::request_id()).await?;
    service::sessions::end_all(&state.db, &principal).await?;
    http::set_cookie(&session::clearing_cookie(state.config.served_over_https()));
    leptos_axum::redirect("/login");
    Ok(())
}
