//! Server functions for 1:1 conversations. Only the two people of a 1:1
//! reach it; that is decided in `service::one_on_ones`, after each
//! function obtains the member's scope.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{ActionItemForm, HeldForm, OneOnOneDetails, OneOnOnes, PlanOneOnOneForm, PointForm};
use crate::domain::ids::{ActionItemId, OneOnOneId, PointId};

/// Members: their 1:1s, and with whom they could start one.
#[server(endpoint = "one_on_ones/list")]
pub async fn list_one_on_ones() -> Result<OneOnOnes, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    service::one_on_ones::overview(&state.db, &scope, state.config.site.time_zone).await
}

/// Members: start a 1:1 with a report or a manager, then open it.
#[server(endpoint = "one_on_ones/plan")]
pub async fn plan_one_on_one(form: PlanOneOnOneForm) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let time_zone = state.config.site.time_zone;
    let id = service::one_on_ones::plan(&state.db, &scope, &form, time_zone, chrono::Utc::now()).await?;
    leptos_axum::redirect(&format!("/one-on-ones/{id}"));
    Ok(())
}

/// The two of a 1:1: its agenda, action items and history.
#[server(endpoint = "one_on_ones/details")]
pub async fn load_one_on_one(id: OneOnOneId) -> Result<OneOnOneDetails, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    service::one_on_ones::details(&state.db, &state.keys, &scope, id, state.config.site.time_zone).await
}

/// The two of a 1:1: a talking point for the upcoming meeting.
#[server(endpoint = "one_on_ones/add_point")]
pub async fn add_talking_point(id: OneOnOneId, form: PointForm) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    service::one_on_ones::add_point(&state.db, &state.keys, &scope, id, &form, chrono::Utc::now())
        .await
        .map(|_| ())
}

/// The two of a 1:1 (a private point: its author): discussed or not.
#[server(endpoint = "one_on_ones/discussed")]
pub async fn mark_point_discussed(point: PointId, discussed: bool) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    service::one_on_ones::set_discussed(&AppState::current()?.db, &scope, point, discussed).await
}

/// A point's author: takes it off the agenda.
#[server(endpoint = "one_on_ones/delete_point")]
pub async fn delete_talking_point(point: PointId) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    service::one_on_ones::delete_point(&AppState::current()?.db, &scope, point).await
}

/// The two of a 1:1: an action item for one of them.
#[server(endpoint = "one_on_ones/add_action")]
pub async fn add_action_item(id: OneOnOneId, form: ActionItemForm) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    service::one_on_ones::add_action(&state.db, &state.keys, &scope, id, &form, chrono::Utc::now())
        .await
        .map(|_| ())
}

/// The two of a 1:1: an action item done, or open again.
#[server(endpoint = "one_on_ones/action_done")]
pub async fn mark_action_done(action: ActionItemId, done: bool) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    service::one_on_ones::set_action_done(&AppState::current()?.db, &scope, action, done, chrono::Utc::now())
        .await
}

/// The two of a 1:1: the upcoming meeting held, with shared notes.
#[server(endpoint = "one_on_ones/hold")]
pub async fn hold_meeting(id: OneOnOneId, form: HeldForm) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let time_zone = state.config.site.time_zone;
    service::one_on_ones::hold(&state.db, &state.keys, &scope, id, &form, time_zone, chrono::Utc::now()).await
}

/// The two of a 1:1: the upcoming meeting moved to another moment.
#[server(endpoint = "one_on_ones/reschedule")]
pub async fn reschedule_meeting(id: OneOnOneId, at: String) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let time_zone = state.config.site.time_zone;
    service::one_on_ones::reschedule(&state.db, &scope, id, &at, time_zone, chrono::Utc::now()).await
}
