//! Server functions of the breach register (DPA 7).

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{AffectedForm, BreachForm, BreachNotice, BreachRecord};
use crate::domain::ids::{BreachId, OrgId};

/// Admins and auditors: the notices their organisation was sent.
#[server(endpoint = "privacy/breaches")]
pub async fn list_breach_notices() -> Result<Vec<BreachNotice>, AppError> {
    use crate::server::{AppState, auth, service};

    let reader = auth::require_privacy_reader().await?;
    let state = AppState::current()?;
    service::breaches::notices(&state.db, &reader, state.config.site.time_zone).await
}

/// Operator staff: every incident, with each notice's deadline.
#[server(endpoint = "operator/breaches")]
pub async fn breach_register() -> Result<Vec<BreachRecord>, AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let state = AppState::current()?;
    service::breaches::register(&state.db, &operator, state.config.site.time_zone, chrono::Utc::now()).await
}

/// Operator staff: one incident.
#[server(endpoint = "operator/breach")]
pub async fn breach_incident(id: BreachId) -> Result<BreachRecord, AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let state = AppState::current()?;
    service::breaches::record(&state.db, &operator, id, state.config.site.time_zone, chrono::Utc::now()).await
}

/// Operator staff: record an incident (DPA 7.G).
#[server(endpoint = "operator/record_breach")]
pub async fn record_breach(#[server(default)] form: BreachForm) -> Result<BreachId, AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let state = AppState::current()?;
    let time_zone = state.config.site.time_zone;
    service::breaches::record_incident(&state.db, &operator, &form, time_zone, chrono::Utc::now()).await
}

/// Operator staff: name an organisation the incident affects (DPA 7.A.1).
#[server(endpoint = "operator/add_breach_organisation")]
pub async fn add_breach_organisation(
    id: BreachId,
    #[server(default)] form: AffectedForm,
) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let state = AppState::current()?;
    service::breaches::add_affected(&state.db, &operator, id, &form).await
}

/// Operator staff: send the notice to one affected organisation (DPA 7.A).
#[server(endpoint = "operator/send_breach_notice")]
pub async fn send_breach_notice(id: BreachId, org: OrgId) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let state = AppState::current()?;
    let site = service::site::Site::of(&state.config.site);
    service::breaches::notify_organisation(&state.db, &operator, (id, org), site, chrono::Utc::now()).await?;
    state.outbox.notify();
    Ok(())
}

/// Operator staff: send a follow-up to every organisation told (DPA 7.C).
#[server(endpoint = "operator/send_breach_update")]
pub async fn send_breach_update(id: BreachId, #[server(default)] body: String) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let state = AppState::current()?;
    let site = service::site::Site::of(&state.config.site);
    service::breaches::add_update(&state.db, &operator, id, &body, site, chrono::Utc::now()).await?;
    state.outbox.notify();
    Ok(())
}
