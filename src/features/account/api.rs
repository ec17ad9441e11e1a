//! Server functions for signing in and out.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::Viewer;

/// Anyone: signs in with e-mail and password, then goes to `next` (a path
/// on this site) or the start page of the account. Too many failures answer
/// 429 with the time to wait.
#[server(endpoint = "sign_in")]
pub async fn sign_in(email: String, password: String, next: String) -> Result<(), AppError> {
    use crate::server::auth::session::{Holder, session_cookie};
    use crate::server::auth::sign_in::{Origin, sign_in};
    use crate::server::{AppState, http};

    let state = AppState::current()?;
    let origin = Origin {
        address: http::client_address(),
        user_agent: http::request_header(axum::http::header::USER_AGENT).unwrap_or_default(),
        request_id: http::request_id(),
    };
    let now = chrono::Utc::now();
    let signed_in = sign_in(&state.db, &state.config.security, &email, &password, &origin, now).await?;
    http::set_cookie(&session_cookie(&signed_in.token, state.config.served_over_https()));
    let home = match signed_in.holder {
        Holder::User { .. } => "/",
        Holder::Operator { .. } => "/operator",
    };
    let next = crate::domain::validation::local_path_or_home(&next);
    leptos_axum::redirect(if next == "/" || next.starts_with("/login") { home } else { next });
    Ok(())
}

/// Anyone: ends the current session (if any) and forgets its cookie.
#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::server::auth::session;
    use crate::server::{AppState, auth, http};

    let state = AppState::current()?;
    let https = state.config.served_over_https();
    if let Some(token) = auth::scope::request_token(https) {
        if let Ok(Some(principal)) = auth::current_principal().await {
            crate::server::service::accounts::record_sign_out(&state.db, &principal, http::request_id())
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
    match auth::current_principal().await? {
        Some(principal) => service::accounts::viewer(&state.db, &principal).await.map(Some),
        None => Ok(None),
    }
}
