//! Server functions of the rights-request inbox (DPA 3.G, 8.C).

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{RightsRequestForm, RightsRequestView};
use crate::domain::ids::RightsRequestId;

/// Admins and auditors: the requests forwarded to their organisation.
#[server(endpoint = "privacy/rights_requests")]
pub async fn forwarded_rights_requests() -> Result<Vec<RightsRequestView>, AppError> {
    use crate::server::{AppState, auth, service};

    let reader = auth::require_privacy_reader().await?;
    let state = AppState::current()?;
    let site = service::site::Site::of(&state.config.site);
    service::rights_inbox::forwarded_to(&state.db, &reader, site, chrono::Utc::now()).await
}

/// Operator staff: every request that reached the processor.
#[server(endpoint = "operator/rights_requests")]
pub async fn rights_inbox() -> Result<Vec<RightsRequestView>, AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let state = AppState::current()?;
    let site = service::site::Site::of(&state.config.site);
    service::rights_inbox::inbox(&state.db, &operator, site, chrono::Utc::now()).await
}

/// Operator staff: record a request that reached the processor.
#[server(endpoint = "operator/record_rights_request")]
pub async fn record_rights_request(#[server(default)] form: RightsRequestForm) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let state = AppState::current()?;
    let now = chrono::Utc::now();
    let today = service::site::Site::of(&state.config.site).today(now);
    service::rights_inbox::record(&state.db, &operator, &form, today, now).await.map(drop)
}

/// Operator staff: forward a request to its organisation (DPA 8.C).
#[server(endpoint = "operator/forward_rights_request")]
pub async fn forward_rights_request(id: RightsRequestId) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let state = AppState::current()?;
    let site = service::site::Site::of(&state.config.site);
    service::rights_inbox::forward(&state.db, &operator, id, site, chrono::Utc::now()).await?;
    state.outbox.notify();
    Ok(())
}
