//! Server functions for evaluations: the employee and their managers write,
//! share and acknowledge; admins reopen and follow progress. Who reaches
//! which evaluation is decided in `service::reviews::evaluations`, after
//! each function obtains the member's scope.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{
    CalibrationBoard, CalibrationForm, Evaluation, EvaluationSummary, NominationForm, PlacementForm,
    ReviewProgress, ReviewRequest, ReviewerForm, TalentGrid, WritingForm,
};
use crate::domain::ids::{MomentId, NominationId, ReviewCycleId, UserId};

/// Today in the installation's time zone, and the moment now.
#[cfg(feature = "ssr")]
fn today_and_now(state: &crate::server::AppState) -> (chrono::NaiveDate, chrono::DateTime<chrono::Utc>) {
    let now = chrono::Utc::now();
    (now.with_timezone(&state.config.site.time_zone).date_naive(), now)
}

/// An id sent as a query value; empty means none, anything else unknown is not found.
#[cfg(feature = "ssr")]
fn optional_id(text: &str) -> Result<Option<uuid::Uuid>, AppError> {
    match text.trim() {
        "" => Ok(None),
        given => given.parse().map(Some).map_err(|_| AppError::NotFound),
    }
}

/// Members: the evaluations they write or take part in, their own and their reports'.
#[server(endpoint = "evaluations/mine")]
pub async fn list_my_evaluations() -> Result<Vec<EvaluationSummary>, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let (today, _) = today_and_now(&state);
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
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let (today, _) = today_and_now(&state);
    let cycle = optional_id(&cycle)?.map(ReviewCycleId);
    service::reviews::progress::progress(&state.db, &scope, cycle, today).await
}

/// The employee: asks a colleague or someone outside to review them.
#[server(endpoint = "evaluations/nominate")]
pub async fn nominate_reviewer(
    moment: MomentId,
    employee: UserId,
    #[server(default)] nomination: NominationForm,
) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let (today, now) = today_and_now(&state);
    let at = (moment, employee);
    service::reviews::peers::nominate(&state.db, &state.keys, &scope, at, &nomination, (today, now))
        .await
        .map(|_| ())
}

/// The employee: takes back a nomination not answered yet.
#[server(endpoint = "evaluations/withdraw_nomination")]
pub async fn withdraw_nomination(nomination: NominationId) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    service::reviews::peers::withdraw(&AppState::current()?.db, &scope, nomination).await
}

/// A manager: approves the nominations waiting, which asks the reviewers.
#[server(endpoint = "evaluations/approve_nominations")]
pub async fn approve_nominations(moment: MomentId, employee: UserId) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let (today, now) = today_and_now(&state);
    let site = (state.config.site.public_url.as_str(), today, now);
    service::reviews::peers::approve(&state.db, &state.keys, &scope, (moment, employee), site).await?;
    state.outbox.notify();
    Ok(())
}

/// Members: the reviews asked of them and not given yet.
#[server(endpoint = "evaluations/review_requests")]
pub async fn list_review_requests() -> Result<Vec<ReviewRequest>, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let (today, _) = today_and_now(&state);
    service::reviews::peers::requests_for(&state.db, &scope, today).await
}

/// The colleague asked: what to answer.
#[server(endpoint = "evaluations/review_request")]
pub async fn load_review_request(nomination: NominationId) -> Result<ReviewerForm, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let (today, _) = today_and_now(&state);
    service::reviews::peers::request(&state.db, &state.keys, &scope, nomination, today).await
}

/// The colleague asked: gives the review, once, then is back at their reviews.
#[server(endpoint = "evaluations/give_review")]
pub async fn give_review(
    nomination: NominationId,
    #[server(default)] writing: WritingForm,
) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let (today, now) = today_and_now(&state);
    service::reviews::peers::answer(&state.db, &state.keys, &scope, nomination, &writing, (today, now))
        .await?;
    leptos_axum::redirect("/reviews");
    Ok(())
}

/// Anyone holding an external reviewer's link: what it asks, while it works.
#[server(endpoint = "evaluations/external_review")]
pub async fn load_external_review(token: String) -> Result<Option<ReviewerForm>, AppError> {
    use crate::server::{AppState, service};

    let state = AppState::current()?;
    let (today, _) = today_and_now(&state);
    service::reviews::peers::external_request(&state.db, &state.keys, &token, today).await
}

/// Anyone holding an external reviewer's link: answers once, then is thanked.
#[server(endpoint = "evaluations/give_external_review")]
pub async fn give_external_review(
    token: String,
    #[server(default)] writing: WritingForm,
) -> Result<(), AppError> {
    use crate::server::{AppState, service};

    let state = AppState::current()?;
    let (today, now) = today_and_now(&state);
    service::reviews::peers::answer_external(&state.db, &state.keys, &token, &writing, (today, now)).await?;
    leptos_axum::redirect("/reviews/thanks");
    Ok(())
}

/// A manager: proposes the final score of a report's evaluation.
#[server(endpoint = "evaluations/propose_score")]
pub async fn propose_score(
    moment: MomentId,
    employee: UserId,
    #[server(default)] score: String,
) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let db = &AppState::current()?.db;
    service::reviews::calibration::propose(db, &scope, (moment, employee), &score, chrono::Utc::now()).await
}

/// Admins and managers: the calibration board of a moment.
#[server(endpoint = "evaluations/calibration")]
pub async fn load_calibration(
    #[server(default)] cycle: String,
    #[server(default)] moment: String,
) -> Result<CalibrationBoard, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let time_zone = state.config.site.time_zone;
    let (today, _) = today_and_now(&state);
    let chosen = (optional_id(&cycle)?.map(ReviewCycleId), optional_id(&moment)?.map(MomentId));
    service::reviews::calibration::board(&state.db, &state.keys, &scope, chosen, (today, time_zone)).await
}

/// Admins and the managers above someone: set their final score, with a rationale.
#[server(endpoint = "evaluations/calibrate")]
pub async fn calibrate_score(
    moment: MomentId,
    employee: UserId,
    #[server(default)] calibration: CalibrationForm,
) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let at = (moment, employee);
    service::reviews::calibration::calibrate(
        &state.db,
        &state.keys,
        &scope,
        at,
        &calibration,
        chrono::Utc::now(),
    )
    .await
}

/// Admins and managers: the 9-box of a cycle, for admins narrowed to a unit.
#[server(endpoint = "evaluations/talent")]
pub async fn load_talent_grid(
    #[server(default)] cycle: String,
    #[server(default)] unit: String,
) -> Result<TalentGrid, AppError> {
    use crate::domain::ids::UnitId;
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let (today, _) = today_and_now(&state);
    let chosen = (optional_id(&cycle)?.map(ReviewCycleId), optional_id(&unit)?.map(UnitId));
    service::reviews::talent::grid(&state.db, &scope, chosen, today).await
}

/// A manager: places one of their people in the 9-box.
#[server(endpoint = "evaluations/place_talent")]
pub async fn place_talent(
    cycle: ReviewCycleId,
    employee: UserId,
    #[server(default)] placement: PlacementForm,
) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let db = &AppState::current()?.db;
    service::reviews::talent::place(db, &scope, (cycle, employee), &placement, chrono::Utc::now()).await
}
