//! Server functions for goals. Who may see or change what is decided in
//! `service::goals`; every function first obtains the member's scope.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{
    CheckInForm, GoalChoices, GoalDetails, GoalForm, GoalList, GoalPlan, ReportGoals, UnitGoals,
};
use crate::domain::ids::GoalId;

/// Members: the goals of a year (0: this year) — their own (`owner`
/// empty), a person's they may see (`owner` an id), or the organisation's
/// and units' (`owner` = `organisation`) — optionally of one status.
#[server(endpoint = "goals/list")]
pub async fn list_goals(year: i32, owner: String, status: String) -> Result<GoalList, AppError> {
    use crate::domain::dto::PersonRef;
    use crate::domain::goals::GoalStatus;
    use crate::domain::ids::UserId;
    use crate::server::service::goals::{self, GoalQuery};
    use crate::server::{AppState, auth};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let now = chrono::Utc::now();
    let year = year_or_this(&state, year);
    let (owner, shown_owner) = match owner.trim() {
        "" => (Some(scope.user), None),
        "organisation" => (None, None),
        id => {
            let id = UserId(id.parse().map_err(|_| AppError::NotFound)?);
            let name = crate::server::service::org_chart::name_of(&state.db, &scope, id).await?;
            (Some(id), Some(PersonRef { id, name }))
        }
    };
    let status = match status.trim() {
        "" => None,
        code => Some(GoalStatus::from_code(code).ok_or(AppError::BadRequest)?),
    };
    let query = GoalQuery { year: Some(year), owner, status };
    let goals = goals::list(&state.db, &state.keys, &scope, &query, now).await?;
    Ok(GoalList { year, owner: shown_owner, goals })
}

/// Members: a goal they may see, with its check-ins and aligned goals.
#[server(endpoint = "goals/details")]
pub async fn open_goal(id: GoalId) -> Result<GoalDetails, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let time_zone = state.config.site.time_zone;
    service::goals::details(&state.db, &state.keys, &scope, id, time_zone, chrono::Utc::now()).await
}

/// Members: what the goal form offers them for a year (0: this year).
#[server(endpoint = "goals/choices")]
pub async fn goal_form_choices(year: i32) -> Result<GoalChoices, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let year = year_or_this(&state, year);
    service::goals::choices(&state.db, &state.keys, &scope, year).await
}

/// Members: adds a goal, then opens it.
#[server(endpoint = "goals/create")]
pub async fn create_goal(form: GoalForm) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let id = service::goals::create(&state.db, &state.keys, &scope, &form, chrono::Utc::now()).await?;
    leptos_axum::redirect(&format!("/goals/{id}"));
    Ok(())
}

/// The owner, their manager, or (for organisation and team goals) those who set them: changes a goal.
#[server(endpoint = "goals/update")]
pub async fn update_goal(id: GoalId, form: GoalForm) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    service::goals::update(&state.db, &state.keys, &scope, id, &form, chrono::Utc::now()).await?;
    leptos_axum::redirect(&format!("/goals/{id}"));
    Ok(())
}

/// As for changing: deletes a goal, then goes back to the goals.
#[server(endpoint = "goals/delete")]
pub async fn delete_goal(id: GoalId) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    service::goals::delete((&state.db, &state.storage), &scope, id, chrono::Utc::now()).await?;
    leptos_axum::redirect("/goals");
    Ok(())
}

/// As for changing: posts a progress update.
#[server(endpoint = "goals/check_in")]
pub async fn check_in_goal(id: GoalId, form: CheckInForm) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    service::goals::check_in(&state.db, &state.keys, &scope, id, &form, chrono::Utc::now()).await
}

/// The owner and their managers: a person's goal plan for a year (`owner` empty: one's own).
#[server(endpoint = "goals/plan")]
pub async fn read_goal_plan(owner: String, year: i32) -> Result<GoalPlan, AppError> {
    use crate::server::service::goals::{self, PlanOf};
    use crate::server::{AppState, auth};

    let scope = auth::require_member().await?;
    let owner = owner_or_self(&owner, scope.user)?;
    let state = AppState::current()?;
    goals::plan(&state.db, &state.keys, &scope, PlanOf { owner, year }).await
}

/// The owner submits their plan (`step` = `submit`); their manager
/// approves it (`approve`) or returns it with a comment (`return`).
#[server(endpoint = "goals/plan_step")]
pub async fn goal_plan_step(
    owner: String,
    year: i32,
    step: String,
    comment: String,
) -> Result<GoalPlan, AppError> {
    use crate::domain::goals::PlanStep;
    use crate::server::service::goals::{self, PlanOf};
    use crate::server::{AppState, auth};

    let scope = auth::require_member().await?;
    let owner = owner_or_self(&owner, scope.user)?;
    let step = match step.as_str() {
        "submit" => PlanStep::Submit,
        "approve" => PlanStep::Approve,
        "return" => PlanStep::Return,
        _ => return Err(AppError::BadRequest),
    };
    let state = AppState::current()?;
    let of = PlanOf { owner, year };
    let public_url = state.config.site.public_url.as_str();
    let plan = goals::plan_step(
        &state.db,
        &state.keys,
        &scope,
        of,
        (step, &comment),
        public_url,
        chrono::Utc::now(),
    )
    .await?;
    state.outbox.notify();
    Ok(plan)
}

/// Members: their direct reports and how the reports' goals of a year
/// (0: this year) stand.
#[server(endpoint = "goals/team")]
pub async fn team_goals(year: i32) -> Result<(i32, Vec<ReportGoals>), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let year = year_or_this(&state, year);
    Ok((year, service::goals::team_overview(&state.db, &scope, year).await?))
}

/// Admins: per unit, how the goals of a year (0: this year) stand, as counts.
#[server(endpoint = "goals/units")]
pub async fn goals_per_unit(year: i32) -> Result<(i32, Vec<UnitGoals>), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    let year = year_or_this(&state, year);
    Ok((year, service::goals::unit_overview(&state.db, &admin, year).await?))
}

/// The year asked for, or (for 0) this year in the installation's time zone.
#[cfg(feature = "ssr")]
fn year_or_this(state: &crate::server::AppState, year: i32) -> i32 {
    use chrono::Datelike;
    if year == 0 { chrono::Utc::now().with_timezone(&state.config.site.time_zone).year() } else { year }
}

#[cfg(feature = "ssr")]
fn owner_or_self(
    owner: &str,
    me: crate::domain::ids::UserId,
) -> Result<crate::domain::ids::UserId, AppError> {
    match owner.trim() {
        "" => Ok(me),
        id => Ok(crate::domain::ids::UserId(id.parse().map_err(|_| AppError::NotFound)?)),
    }
}
