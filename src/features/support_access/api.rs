//! Server functions of support access.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{SupportGrantForm, SupportGrantView, SupportView};
use crate::domain::ids::OrgId;

/// Admins: grants the processor's staff access for one support case.
#[server(endpoint = "support/grant")]
pub async fn grant_support_access(#[server(default)] form: SupportGrantForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::support_access::grant(&AppState::current()?.db, &admin, &form, chrono::Utc::now()).await
}

/// Admins: ends a grant before its time.
#[server(endpoint = "support/end")]
pub async fn end_support_access(id: uuid::Uuid) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::support_access::end(&AppState::current()?.db, &admin, id, chrono::Utc::now()).await
}

/// Admins and auditors: every grant of the organisation, newest first.
#[server(endpoint = "support/grants")]
pub async fn support_grants() -> Result<Vec<SupportGrantView>, AppError> {
    use crate::server::{AppState, auth, service};

    let viewer = auth::require_privacy_reader().await?;
    let state = AppState::current()?;
    service::support_access::grants(&state.db, &viewer, state.config.site.time_zone, chrono::Utc::now()).await
}

/// Operator staff: the organisation's accounts, under a grant in force.
#[server(endpoint = "operator/support_view")]
pub async fn support_accounts(id: OrgId) -> Result<SupportView, AppError> {
    use crate::server::{AppState, auth, service};

    let operator = auth::require_operator().await?;
    let state = AppState::current()?;
    service::support_access::support_view(
        &state.db,
        &operator,
        id,
        state.config.site.time_zone,
        chrono::Utc::now(),
    )
    .await
}
