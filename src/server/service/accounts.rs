//! Operator and user accounts.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};

use crate::domain::AppError;
use crate::domain::audit::{ActorKind, AuditAction};
use crate::domain::dto::{Viewer, ViewerKind};
use crate::domain::ids::{OperatorId, OrgId, UserId};
use crate::domain::roles::Roles;
use crate::i18n::Lang;
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::password;
use crate::server::auth::{Principal, SignedInAccount};
use crate::server::db::internal;
use crate::server::entity::{operator_account, organisation, user_account};

/// A user to create in an organisation.
#[derive(Clone, Debug)]
pub struct NewUser<'a> {
    pub name: &'a str,
    pub email: Option<&'a str>,
    pub language: Lang,
    pub roles: Roles,
}

/// Creates an operator account with a password that passes the strength rule.
pub async fn create_operator(
    db: &DatabaseConnection,
    name: &str,
    email: &str,
    password_given: &str,
    now: DateTime<Utc>,
) -> Result<OperatorId, AppError> {
    let email = email.trim().to_lowercase();
    password::check_strength(password_given, &[name, &email])?;
    let id = uuid::Uuid::now_v7();
    operator_account::ActiveModel {
        id: Set(id),
        email: Set(email),
        name: Set(name.to_owned()),
        language: Set(Lang::Nl.code().to_owned()),
        password_hash: Set(Some(password::hash(password_given)?)),
        created_at: Set(now),
        deactivated_at: Set(None),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    Ok(OperatorId(id))
}

/// Creates a user of `org`, with a password when one is given (the demo
/// seed; invited users choose their own when they accept).
pub async fn create_user(
    db: &DatabaseConnection,
    org: OrgId,
    user: NewUser<'_>,
    password_given: Option<&str>,
    now: DateTime<Utc>,
) -> Result<UserId, AppError> {
    let email = user.email.map(|e| e.trim().to_lowercase());
    let password_hash = match password_given {
        Some(given) => {
            password::check_strength(given, &[user.name, email.as_deref().unwrap_or_default()])?;
            Some(password::hash(given)?)
        }
        None => None,
    };
    let id = uuid::Uuid::now_v7();
    user_account::ActiveModel {
        id: Set(id),
        org_id: Set(org.0),
        name: Set(user.name.to_owned()),
        email: Set(email),
        username: Set(None),
        phone: Set(None),
        language: Set(user.language.code().to_owned()),
        password_hash: Set(password_hash),
        is_manager: Set(user.roles.manager),
        is_admin: Set(user.roles.admin),
        is_auditor: Set(user.roles.auditor),
        created_at: Set(now),
        deactivated_at: Set(None),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    Ok(UserId(id))
}

/// How the interface shows the signed-in person.
pub async fn viewer(db: &DatabaseConnection, account: &SignedInAccount) -> Result<Viewer, AppError> {
    let second_factor = account.second_factor;
    Ok(match &account.principal {
        Principal::User(scope) => {
            let organisation = organisation::Entity::find_by_id(scope.org.0)
                .one(db)
                .await
                .map_err(internal)?
                .map(|o| o.name)
                .unwrap_or_default();
            Viewer {
                name: scope.name.clone(),
                kind: ViewerKind::Member { organisation, roles: scope.roles.held() },
                second_factor,
            }
        }
        Principal::Operator(scope) => {
            Viewer { name: scope.name.clone(), kind: ViewerKind::Operator, second_factor }
        }
    })
}

/// Records a sign-out in the audit log of the person's organisation (or the platform's).
pub async fn record_sign_out(
    db: &DatabaseConnection,
    principal: &Principal,
    request_id: Option<String>,
) -> Result<(), AppError> {
    let entry = match principal {
        Principal::User(scope) => AuditEntry {
            actor_kind: ActorKind::User,
            actor_id: Some(scope.user.0),
            ..AuditEntry::system(Some(scope.org), AuditAction::SignOut)
        },
        Principal::Operator(scope) => AuditEntry {
            actor_kind: ActorKind::Operator,
            actor_id: Some(scope.operator.0),
            ..AuditEntry::system(None, AuditAction::SignOut)
        },
    };
    audit::record(db, AuditEntry { request_id, ..entry }, Utc::now()).await.map_err(internal)
}
