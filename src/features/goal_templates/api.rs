//! Server functions for goal templates, for the organisation's admins. The
//! service checks the role again and that the template is the organisation's.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{
    AssignTemplateForm, AssignmentOutcome, GoalTemplate, GoalTemplateForm, TemplateChoices, TemplateDetails,
};
use crate::domain::ids::TemplateId;

/// Admins: the organisation's goal templates.
#[server(endpoint = "goal_templates/list")]
pub async fn list_goal_templates() -> Result<Vec<GoalTemplate>, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    service::goals::templates(&state.db, &state.keys, &admin).await
}

/// Admins: a template with the assignments made of it.
#[server(endpoint = "goal_templates/details")]
pub async fn open_goal_template(id: TemplateId) -> Result<TemplateDetails, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    let time_zone = state.config.site.time_zone;
    service::goals::template_details(&state.db, &state.keys, &admin, id, time_zone).await
}

/// Admins: what the template forms offer.
#[server(endpoint = "goal_templates/choices")]
pub async fn goal_template_choices() -> Result<TemplateChoices, AppError> {
    use chrono::Datelike;

    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    let year = chrono::Utc::now().with_timezone(&state.config.site.time_zone).year();
    service::goals::template_choices(&state.db, &admin, year).await
}

/// Admins: adds a template, then opens it.
#[server(endpoint = "goal_templates/create")]
pub async fn create_goal_template(form: GoalTemplateForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    let id =
        service::goals::create_template(&state.db, &state.keys, &admin, &form, chrono::Utc::now()).await?;
    leptos_axum::redirect(&format!("/admin/goals/templates/{id}"));
    Ok(())
}

/// Admins: changes a template, then opens it; copies people have stay as they are.
#[server(endpoint = "goal_templates/update")]
pub async fn update_goal_template(id: TemplateId, form: GoalTemplateForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    service::goals::update_template(&state.db, &state.keys, &admin, id, &form, chrono::Utc::now()).await?;
    leptos_axum::redirect(&format!("/admin/goals/templates/{id}"));
    Ok(())
}

/// Admins: deletes a template, then goes back to the list.
#[server(endpoint = "goal_templates/delete")]
pub async fn delete_goal_template(id: TemplateId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::goals::delete_template(&AppState::current()?.db, &admin, id).await?;
    leptos_axum::redirect("/admin/goals/templates");
    Ok(())
}

/// Admins: gives a template for a year to a unit (and below) or a function.
#[server(endpoint = "goal_templates/assign")]
pub async fn assign_goal_template(
    id: TemplateId,
    form: AssignTemplateForm,
) -> Result<AssignmentOutcome, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    let public_url = state.config.site.public_url.as_str();
    let outcome =
        service::goals::assign(&state.db, &state.keys, &admin, id, &form, public_url, chrono::Utc::now())
            .await?;
    state.outbox.notify();
    Ok(outcome)
}

/// Admins: gives an earlier assignment again, to the people who joined since.
#[server(endpoint = "goal_templates/assign_again")]
pub async fn assign_goal_template_again(assignment: String) -> Result<AssignmentOutcome, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let assignment = assignment.trim().parse().map_err(|_| AppError::NotFound)?;
    let state = AppState::current()?;
    let public_url = state.config.site.public_url.as_str();
    let outcome = service::goals::assign_again(
        &state.db,
        &state.keys,
        &admin,
        assignment,
        public_url,
        chrono::Utc::now(),
    )
    .await?;
    state.outbox.notify();
    Ok(outcome)
}
