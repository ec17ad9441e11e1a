//! Server functions of the operator console.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{NewOrganisationForm, OrganisationDetails, OrganisationSummary};
use crate::domain::ids::OrgId;

/// Operator staff: every organisation, by name and creation date.
#[server(endpoint = "operator/organisations")]
pub async fn list_organisations() -> Result<Vec<OrganisationSummary>, AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let state = AppState::current()?;
    let time_zone = state.config.site.time_zone;
    let today = chrono::Utc::now().with_timezone(&time_zone).date_naive();
    service::organisations::list(&state.db, &operator, (today, time_zone)).await
}

/// Operator staff: adds an organisation with its contract details and
/// signature under the processing agreement, and invites its first admin by
/// e-mail. Every field is checked; all problems come back at once.
#[server(endpoint = "operator/add_organisation")]
pub async fn add_organisation(form: NewOrganisationForm) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let new = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let state = AppState::current()?;
    let public_url = state.config.site.public_url.as_str();
    let now = chrono::Utc::now();
    service::onboarding::add_organisation(&state.db, &state.keys, &operator, &new, public_url, now).await?;
    state.outbox.notify();
    leptos_axum::redirect("/operator");
    Ok(())
}

/// Operator staff: one organisation's contract details and its signature
/// under the processing agreement.
#[server(endpoint = "operator/organisation")]
pub async fn organisation(id: OrgId) -> Result<OrganisationDetails, AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let state = AppState::current()?;
    let time_zone = state.config.site.time_zone;
    let today = chrono::Utc::now().with_timezone(&time_zone).date_naive();
    service::organisations::details(&state.db, &operator, id, (today, time_zone)).await
}

/// Operator staff: set the last day of an organisation's contract (DPA 8).
#[server(endpoint = "operator/end_contract")]
pub async fn end_contract(id: OrgId, #[server(default)] last_day: String) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let state = AppState::current()?;
    let now = chrono::Utc::now();
    let today = now.with_timezone(&state.config.site.time_zone).date_naive();
    let site = (state.config.site.public_url.as_str(), today, now);
    service::contract_end::end_contract(&state.db, &operator, id, &last_day, site).await?;
    state.outbox.notify();
    Ok(())
}

/// Operator staff: postpone the destruction at the organisation's request (DPA 8.B).
#[server(endpoint = "operator/postpone_destruction")]
pub async fn postpone_destruction(id: OrgId, #[server(default)] destroy_on: String) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let state = AppState::current()?;
    service::contract_end::postpone_destruction(&state.db, &operator, id, &destroy_on, chrono::Utc::now())
        .await
}
