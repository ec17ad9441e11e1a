//! Permissions as types (STYLE.md pattern 3). A server function first
//! obtains a scope — `require_member().await?.require(Role::Admin)?` — and
//! passes it to the service, which filters every query by the scope's
//! organisation. Without a scope there is no way to reach tenant data.

use axum::http::request::Parts;
use chrono::Utc;
use leptos::prelude::use_context;
use sea_orm::EntityTrait;

use super::second_factor;
use super::session::{self, Holder, SessionToken, cookie_name};
use crate::domain::AppError;
use crate::domain::dto::SecondFactorStatus;
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

impl Principal {
    /// The account behind the principal, as sessions name it.
    pub fn holder(&self) -> Holder {
        match self {
            Principal::User(scope) => Holder::User { user: scope.user.0, org: scope.org.0 },
            Principal::Operator(scope) => Holder::Operator { operator: scope.operator.0 },
        }
    }
}

/// A signed-in account and where it stands with its second factor.
#[derive(Clone, Debug)]
pub struct SignedInAccount {
    pub principal: Principal,
    pub second_factor: SecondFactorStatus,
}

/// Any signed-in user of an organisation; operators are not members.
pub async fn require_member() -> Result<OrgScope, AppError> {
    match current_principal().await? {
        Some(Principal::User(scope)) => Ok(scope),
        Some(Principal::Operator(_)) => Err(AppError::Forbidden),
        None => Err(AppError::Unauthenticated),
    }
}

/// An admin, or an auditor, who reads the registers and the audit log
/// but changes nothing (DPA 5.D).
pub async fn require_privacy_reader() -> Result<OrgScope, AppError> {
    let member = require_member().await?;
    if member.roles.has(Role::Admin) || member.roles.has(Role::Auditor) {
        Ok(member)
    } else {
        Err(AppError::Forbidden)
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

/// Who sent the request being served. An admin or operator who has not set
/// up their mandatory second factor gets `second_factor_setup_required` for
/// everything but the few functions that use [`current_account`].
pub async fn current_principal() -> Result<Option<Principal>, AppError> {
    match current_account().await? {
        Some(account) if account.second_factor == SecondFactorStatus::SetupRequired => {
            Err(AppError::SecondFactorSetupRequired)
        }
        Some(SignedInAccount { principal: Principal::User(scope), .. }) => {
            refuse_changes_after_contract_end(&scope).await?;
            Ok(Some(Principal::User(scope)))
        }
        account => Ok(account.map(|account| account.principal)),
    }
}

/// Once its contract has ended, an organisation's people may only call the
/// server functions that read (DPA 8.B); anything else is refused.
async fn refuse_changes_after_contract_end(scope: &OrgScope) -> Result<(), AppError> {
    use crate::server::service::contract_end;

    let Some(parts) = use_context::<Parts>() else { return Ok(()) };
    let path = parts.uri.path();
    if !path.starts_with("/api/") || contract_end::is_allowed_after_end(path) {
        return Ok(());
    }
    let state = AppState::current()?;
    let today = Utc::now().with_timezone(&state.config.site.time_zone).date_naive();
    match contract_end::read_only_until(&state.db, scope.org, today).await? {
        Some(until) => Err(AppError::ContractEnded { until: until.to_string() }),
        None => Ok(()),
    }
}

/// Who sent the request being served, also before they set up a mandatory
/// second factor: for showing who is signed in, signing out and setting it
/// up. Resolves the session cookie and loads the account, which must still
/// be active; a deactivated account's sessions are ended here, at its next
/// request. A session still waiting for its second factor signs nobody in.
pub async fn current_account() -> Result<Option<SignedInAccount>, AppError> {
    let state = AppState::current()?;
    match use_context::<Parts>() {
        Some(parts) => account_of_request(&state, &parts.headers).await,
        None => Ok(None),
    }
}

/// Who sent a request with these headers, for handlers outside Leptos
/// (downloads); see [`current_account`].
pub async fn account_of_request(
    state: &AppState,
    headers: &axum::http::HeaderMap,
) -> Result<Option<SignedInAccount>, AppError> {
    let cookie = cookie_value(headers, cookie_name(state.config.served_over_https()));
    let Some(token) = cookie.map(|value| SessionToken::from_cookie(&value)) else {
        return Ok(None);
    };
    let db = &state.db;
    let found = session::resolve(db, &token, &state.config.security, Utc::now()).await.map_err(internal)?;
    let Some(found) = found.filter(|s| !s.second_factor_pending) else { return Ok(None) };
    let Some(principal) = principal_of(db, &found).await.map_err(internal)? else {
        session::end(db, &token).await.map_err(internal)?;
        return Ok(None);
    };
    let second_factor = second_factor_status(db, &principal).await.map_err(internal)?;
    Ok(Some(SignedInAccount { principal, second_factor }))
}

async fn second_factor_status(
    db: &sea_orm::DatabaseConnection,
    principal: &Principal,
) -> Result<SecondFactorStatus, sea_orm::DbErr> {
    let holder = principal.holder();
    let is_admin = matches!(principal, Principal::User(scope) if scope.roles.admin);
    Ok(if second_factor::is_enabled(db, holder).await? {
        SecondFactorStatus::On
    } else if second_factor::is_required(holder, is_admin) {
        SecondFactorStatus::SetupRequired
    } else {
        SecondFactorStatus::Off
    })
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
