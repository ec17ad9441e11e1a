//! Server functions for one's own second factor. They use the signed-in
//! account also before a mandatory second factor is set up — that is what
//! they are for.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{SecondFactorEnrolment, SecondFactorOverview};

/// Anyone signed in: whether their second factor is on, and how many recovery codes are left.
#[server(endpoint = "second_factor/overview")]
pub async fn my_second_factor() -> Result<SecondFactorOverview, AppError> {
    use crate::server::{AppState, auth, service};

    let account = auth::current_account().await?.ok_or(AppError::Unauthenticated)?;
    service::second_factor::overview(&AppState::current()?.db, &account).await
}

/// Anyone signed in: a new secret for an authenticator app, to scan; it is
/// not in force until confirmed with a code from the app.
#[server(endpoint = "second_factor/begin")]
pub async fn begin_second_factor_setup() -> Result<SecondFactorEnrolment, AppError> {
    use crate::server::{AppState, auth, service};

    let state = AppState::current()?;
    let account = auth::current_account().await?.ok_or(AppError::Unauthenticated)?;
    service::second_factor::begin_setup(&state.db, &state.keys.kek, &account, chrono::Utc::now()).await
}

/// Anyone signed in, with a first code from the app being set up: puts it
/// in force and returns the new recovery codes, shown once.
#[server(endpoint = "second_factor/confirm")]
pub async fn confirm_second_factor_setup(code: String) -> Result<Vec<String>, AppError> {
    use crate::server::{AppState, auth, http, service};

    let state = AppState::current()?;
    let account = auth::current_account().await?.ok_or(AppError::Unauthenticated)?;
    let origin = http::origin();
    service::second_factor::confirm_setup(
        &state.db,
        &state.keys.kek,
        &account,
        &code,
        &origin,
        chrono::Utc::now(),
    )
    .await
}

/// Anyone with a second factor, with a current code: a fresh set of recovery codes.
#[server(endpoint = "second_factor/renew_recovery_codes")]
pub async fn renew_recovery_codes(code: String) -> Result<Vec<String>, AppError> {
    use crate::server::{AppState, auth, http, service};

    let state = AppState::current()?;
    let account = auth::current_account().await?.ok_or(AppError::Unauthenticated)?;
    let origin = http::origin();
    service::second_factor::renew_recovery_codes(
        &state.db,
        &state.keys.kek,
        &account,
        &code,
        &origin,
        chrono::Utc::now(),
    )
    .await
}

/// Anyone with a second factor who may go without (not admins, not
/// operator staff), with a current code: removes it.
#[server(endpoint = "second_factor/turn_off")]
pub async fn turn_off_second_factor(code: String) -> Result<(), AppError> {
    use crate::server::{AppState, auth, http, service};

    let state = AppState::current()?;
    let account = auth::current_account().await?.ok_or(AppError::Unauthenticated)?;
    let origin = http::origin();
    service::second_factor::turn_off(&state.db, &state.keys.kek, &account, &code, &origin, chrono::Utc::now())
        .await
}
