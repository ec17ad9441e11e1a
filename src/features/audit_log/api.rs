//! Server functions that read the audit log.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::AuditPage;

/// Admins and auditors: their organisation's audit log, newest first,
/// optionally only one action (its code), 50 lines a page.
#[server(endpoint = "audit_log/organisation")]
pub async fn organisation_audit_log(action: Option<String>, page: u64) -> Result<AuditPage, AppError> {
    use crate::server::{AppState, audit, auth};

    let reader = auth::require_privacy_reader().await?;
    let state = AppState::current()?;
    let action = action.as_deref().and_then(crate::domain::audit::AuditAction::from_code);
    let chain = audit::chain_of(Some(reader.org));
    audit::read_page(&state.db, &chain, action, page).await.map_err(crate::server::db::internal)
}

/// Operator staff: the platform's own audit log (operator sign-ins and
/// actions, failed sign-ins); never an organisation's.
#[server(endpoint = "audit_log/platform")]
pub async fn platform_audit_log(action: Option<String>, page: u64) -> Result<AuditPage, AppError> {
    use crate::server::{AppState, audit, auth};

    auth::require_operator().await?;
    let state = AppState::current()?;
    let action = action.as_deref().and_then(crate::domain::audit::AuditAction::from_code);
    audit::read_page(&state.db, audit::PLATFORM_CHAIN, action, page)
        .await
        .map_err(crate::server::db::internal)
}
