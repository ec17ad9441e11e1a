//! Server functions of the operator console.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::OrganisationSummary;

/// Operator staff: every organisation, by name and creation date.
#[server(endpoint = "operator/organisations")]
pub async fn list_organisations() -> Result<Vec<OrganisationSummary>, AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let state = AppState::current()?;
    service::organisations::list(&state.db, &operator).await
}
