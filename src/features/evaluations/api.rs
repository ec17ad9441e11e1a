//! Server functions for evaluations: the employee and their managers write,
//! share and acknowledge; admins reopen and follow progress. Who reaches
//! which evaluation is decided in `service::reviews::evaluations`, after
//! each function obtains the member's scope.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{Evaluation, EvaluationSummary, ReviewProgress, WritingForm};
use crate::domain::ids::{MomentId, UserId};

/// Members: the evaluations they write or take part in, their own and their reports'.
#[server(endpoint = "evaluations/mine")]
pub async fn list_my_evaluations() -> Result<Vec<EvaluationSummary>, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let today = chrono::Utc::now().with_timezone(&state.config.site.time_zone).date_naive();
    service::reviews::evaluations::mine(&state.db, &scope, today).await
}

/// The employee and their managers: one evaluation with its side panel.
#[server(endpoint = "evaluations/details")]
pub async fn load_evaluation(moment: MomentId, employee: UserId) -> Result<Evaluation, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let time_zone = state.config.site.time_zone;
    service::reviews::evaluations::details(
        &state.db,
        &state.keys,
        &scope,
        (moment, employee),
        time_zone,
        chrono::Utc::now(),
    )
    .await
}

/// A writer: saves their part as a draft (also automatically while typing).
#[server(endpoint = "evaluations/save")]
pub async fn save_evaluation(
    moment: MomentId,
    employee: UserId,
    #[server(default)] writing: WritingForm,
) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let time_zone = state.config.site.time_zone;
    let at = (moment, employee);
    service::reviews::evaluations::save(
        &state.db,
        &state.keys,
        &scope,
        at,
        &writing,
        time_zone,
        chrono::Utc::now(),
    )
    .await
}

/// A writer: saves their part and shares it with the other party.
#[server(endpoint = "evaluations/share")]
pub async fn share_evaluation(
    moment: MomentId,
    employee: UserId,
    #[server(default)] writing: WritingForm,
) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let site = (state.config.site.public_url.as_str(), state.config.site.time_zone);
    let at = (moment, employee);
    service::reviews::evaluations::share(
        &state.db,
        &state.keys,
        &scope,
        at,
        &writing,
        site,
        chrono::Utc::now(),
    )
    .await
}

/// The employee and a manager: acknowledge the shared evaluation, with an optional comment.
#[server(endpoint = "evaluations/acknowledge")]
pub async fn acknowledge_evaluation(
    moment: MomentId,
    employee: UserId,
    #[server(default)] comment: String,
) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let at = (moment, employee);
    service::reviews::evaluations::acknowledge(
        &state.db,
        &state.keys,
        &scope,
        at,
        &comment,
        chrono::Utc::now(),
    )
    .await
}

/// Admins: reopen a shared or locked evaluation, with a reason.
#[server(endpoint = "evaluations/reopen")]
pub async fn reopen_evaluation(
    moment: MomentId,
    employee: UserId,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    let at = (moment, employee);
    service::reviews::evaluations::reopen(&state.db, &state.keys, &admin, at, &reason, chrono::Utc::now())
        .await
}

/// Admins and managers: how far a cycle is — the one running today
/// unless `cycle` names another — for everyone (admins) or their people.
#[server(endpoint = "evaluations/progress")]
pub async fn load_review_progress(#[server(default)] cycle: String) -> Result<ReviewProgress, AppError> {
    use crate::domain::ids::ReviewCycleId;
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let today = chrono::Utc::now().with_timezone(&state.config.site.time_zone).date_naive();
    let cycle = match cycle.trim() {
        "" => None,
        id => Some(ReviewCycleId(id.parse().map_err(|_| AppError::NotFound)?)),
    };
    service::reviews::progress::progress(&state.db, &scope, cycle, today).await
}
