//! Server functions of the sub-processor register (DPA 4).

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{SubProcessorForm, SubProcessorView};
use crate::domain::ids::SubProcessorId;

/// Admins and auditors: the register, with their organisation's objections.
#[server(endpoint = "privacy/sub_processors")]
pub async fn list_sub_processors() -> Result<Vec<SubProcessorView>, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_privacy_reader().await?;
    let state = AppState::current()?;
    let time_zone = state.config.site.time_zone;
    let today = chrono::Utc::now().with_timezone(&time_zone).date_naive();
    service::sub_processors::register(&state.db, Some(scope.org), (today, time_zone)).await
}

/// Admins: object to a new sub-processor, with a reason (DPA 4.D).
#[server(endpoint = "privacy/object_sub_processor")]
pub async fn object_to_sub_processor(
    id: SubProcessorId,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    let time_zone = state.config.site.time_zone;
    let now = chrono::Utc::now();
    let today = now.with_timezone(&time_zone).date_naive();
    service::sub_processors::object(&state.db, &admin, id, &reason, (today, now, time_zone)).await
}

/// Operator staff: the register.
#[server(endpoint = "operator/sub_processors")]
pub async fn operator_sub_processors() -> Result<Vec<SubProcessorView>, AppError> {
    use crate::server::{AppState, auth, service};

    auth::require_operator().await?;
    let state = AppState::current()?;
    let time_zone = state.config.site.time_zone;
    let today = chrono::Utc::now().with_timezone(&time_zone).date_naive();
    service::sub_processors::register(&state.db, None, (today, time_zone)).await
}

/// Operator staff: announce a new sub-processor, at least 30 days ahead (DPA 4.C).
#[server(endpoint = "operator/announce_sub_processor")]
pub async fn announce_sub_processor(#[server(default)] form: SubProcessorForm) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let state = AppState::current()?;
    let now = chrono::Utc::now();
    let today = now.with_timezone(&state.config.site.time_zone).date_naive();
    let site = (state.config.site.public_url.as_str(), today, now);
    service::sub_processors::announce(&state.db, &operator, &form, site).await?;
    state.outbox.notify();
    Ok(())
}
