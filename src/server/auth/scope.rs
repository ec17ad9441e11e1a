//! Permissions as types (STYLE.md pattern 3). A server function first
//! obtains a scope — `require_member().await?.require(Role::Admin)?` — and
//! passes it to the service, which filters every query by the scope's
//! organisation. Without a scope there is no way to reach tenant data.

use axum::http::request::Parts;
use chrono::Utc;
use leptos::prelude::use_context;
use sea_orm::EntityTrait;

use super::session::{self, SessionToken, cookie_name};
use crate::domain::AppError;
use crate::domain::ids::{OperatorId, OrgId, UserId};
use crate::domain::roles::{Role, Roles};
use crate::server::AppState;
use crate::server::db::internal;
use crate::server::entity::{operator_account, session as session_entity, user_account};
use crate::server::http::cookie_value;

/// A signed-in user of one organisation, and what they may do there.
#[derive(Clone, Debug)]
pub struct OrgScope {
    pub org: OrgId,
    pub user: UserId,
    pub name: String,
    pub roles: Roles,
}

impl OrgScope {
    /// This scope, if its user holds `role`; else `forbidden`.
    pub fn require(self, role: Role) -> Result<OrgScope, AppError> {
        if self.roles.has(role) { Ok(self) } else { Err(AppError::Forbidden) }
    }
}

/// Signed-in staff of the processor: the operator console, never tenant content (DPA 6).
#[derive(Clone, Debug)]
pub struct OperatorScope {
    pub operator: OperatorId,
    pub name: String,
}

#[derive(Clone, Debug)]
pub enum Principal {
    User(OrgScope),
    Operator(OperatorScope),
}

/// Any signed-in user of an organisation; operators are not members.
pub async fn require_member() -> Result<OrgScope, AppError> {
    match current_principal().await? {
        Some(Principal::User(scope)) => Ok(scope),
        Some(Principal::Operator(_)) => Err(AppError::Forbidden),
        None => Err(AppError::Unauthenticated),
    }
}

pub async fn require_operator() -> Result<OperatorScope, AppError> {
    match current_principal().await? {
        Some(Principal::Operator(scope)) => Ok(scope),
        Some(Principal::User(_)) => Err(AppError::Forbidden),
        None => Err(AppError::Unauthenticated),
    }
}

/// The session token sent with the request being served, if any.
pub fn request_token(https: bool) -> Option<SessionToken> {
    let parts = use_context::<Parts>()?;
    cookie_value(&parts.headers, cookie_name(https)).map(|value| SessionToken::from_cookie(&value))
}

/// Who sent the request being served: resolves the session cookie and loads
/// the account, which must still be active. A deactivated account's sessions
/// are ended here, at its next request.
pub async fn current_principal() -> Result<Option<Principal>, AppError> {
    let state = AppState::current()?;
    let Some(token) = request_token(state.config.served_over_https()) else {
        return Ok(None);
    };
    let db = &state.db;
    let found = session::resolve(db, &token, &state.config.security, Utc::now()).await.map_err(internal)?;
    let Some(found) = found else { return Ok(None) };
    let principal = principal_of(db, &found).await.map_err(internal)?;
    if principal.is_none() {
        session::end(db, &token).await.map_err(internal)?;
    }
    Ok(principal)
}

async fn principal_of(
    db: &sea_orm::DatabaseConnection,
    found: &session_entity::Model,
) -> Result<Option<Principal>, sea_orm::DbErr> {
    if let Some(user_id) = found.user_id {
        let user = user_account::Entity::find_by_id(user_id).one(db).await?;
        return Ok(user.filter(|u| u.deactivated_at.is_none() && Some(u.org_id) == found.org_id).map(|u| {
            Principal::User(OrgScope {
                org: OrgId(u.org_id),
                user: UserId(u.id),
                name: u.name,
                roles: Roles { manager: u.is_manager, admin: u.is_admin, auditor: u.is_auditor },
            })
        }));
    }
    if let Some(operator_id) = found.operator_id {
        let operator = operator_account::Entity::find_by_id(operator_id).one(db).await?;
        return Ok(operator
            .filter(|o| o.deactivated_at.is_none())
            .map(|o| Principal::Operator(OperatorScope { operator: OperatorId(o.id), name: o.name })));
    }
    Ok(None)
}
