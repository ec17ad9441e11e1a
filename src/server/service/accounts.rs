//! Operator and user accounts.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};

use crate::domain::AppError;
use crate::domain::audit::{ActorKind, AuditAction};
use crate::domain::dto::{Viewer, ViewerKind};
use crate::domain::ids::{OperatorId, OrgId, UserId};
use crate::domain::roles::Roles;
use crate::domain::validation::{FieldError, Problem};
use crate::i18n::Lang;
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::session::Holder;
use crate::server::auth::sign_in::{Origin, record};
use crate::server::auth::{Principal, SignedInAccount};
use crate::server::auth::{password, throttle};
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
        restricted_at: Set(None),
        offboarding_choice: Set(None),
        offboarding_successor: Set(None),
        offboarded_at: Set(None),
        function_id: Set(None),
        started_on: Set(None),
        birth_year: Set(None),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    Ok(UserId(id))
}

/// How the interface shows the signed-in person.
pub async fn viewer(
    db: &DatabaseConnection,
    account: &SignedInAccount,
    today: chrono::NaiveDate,
) -> Result<Viewer, AppError> {
    let second_factor = account.second_factor;
    Ok(match &account.principal {
        Principal::User(scope) => {
            let found = organisation::Entity::find_by_id(scope.org.0).one(db).await.map_err(internal)?;
            let read_only_until =
                found.as_ref().and_then(|o| super::contract_end::read_only_until_of(o, today));
            let organisation = found.map(|o| o.name).unwrap_or_default();
            Viewer {
                name: scope.name.clone(),
                kind: ViewerKind::Member {
                    user: scope.user,
                    organisation,
                    roles: scope.roles.held(),
                    read_only_until: read_only_until.map(|day| day.to_string()),
                },
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

/// Changes one's own password: the current one must be right (wrong ones
/// count towards the sign-in limit of the account), the new one must pass
/// the strength rule. Every other session of the account ends; this one stays.
pub async fn change_password(
    db: &DatabaseConnection,
    principal: &Principal,
    current: &str,
    new: &str,
    this_session: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let holder = principal.holder();
    let key = match holder {
        Holder::User { user, .. } => format!("change_password:user:{user}"),
        Holder::Operator { operator } => format!("change_password:operator:{operator}"),
    };
    throttle::check(db, &[(key.clone(), throttle::PER_ACCOUNT)], now).await?;
    let (stored, names) = match holder {
        Holder::User { user, .. } => {
            let account = user_account::Entity::find_by_id(user).one(db).await.map_err(internal)?;
            let account = account.ok_or(AppError::Unauthenticated)?;
            let names = [Some(account.name), account.email, account.username];
            (account.password_hash, names.into_iter().flatten().collect::<Vec<_>>())
        }
        Holder::Operator { operator } => {
            let account = operator_account::Entity::find_by_id(operator).one(db).await.map_err(internal)?;
            let account = account.ok_or(AppError::Unauthenticated)?;
            (account.password_hash, vec![account.name, account.email])
        }
    };
    if !stored.is_some_and(|hash| password::verify(current, &hash)) {
        throttle::record_failure(db, &key, throttle::PER_ACCOUNT, now).await.map_err(internal)?;
        let errors = vec![FieldError { field: "current_password".into(), problem: Problem::WrongPassword }];
        return Err(AppError::Invalid { errors });
    }
    password::check_strength(new, &names.iter().map(String::as_str).collect::<Vec<_>>())?;
    let hash = Some(password::hash(new)?);
    match holder {
        Holder::User { user, .. } => {
            user_account::ActiveModel { id: Set(user), password_hash: Set(hash), ..Default::default() }
                .update(db)
                .await
                .map_err(internal)?;
        }
        Holder::Operator { operator } => {
            operator_account::ActiveModel {
                id: Set(operator),
                password_hash: Set(hash),
                ..Default::default()
            }
            .update(db)
            .await
            .map_err(internal)?;
        }
    }
    throttle::clear(db, &key).await.map_err(internal)?;
    super::sessions::end_others(db, principal, this_session).await?;
    record(db, holder, AuditAction::PasswordChanged, origin, now).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::auth::session;
    use crate::server::auth::sign_in::sign_in;
    use crate::server::auth::{OrgScope, Principal};
    use crate::server::testing::{self, TEST_PASSWORD, TEST_SECURITY, for_each_backend};

    const NEW: &str = "groene giraffe in de tram";

    for_each_backend! {
        async fn a_password_changes_with_the_current_one_and_other_sessions_end(db) {
            let org = testing::organisation(&db, "De Linde").await;
            let (user, email) = testing::member(&db, org, "Anna", Roles::default()).await;
            let principal = Principal::User(OrgScope { org, user, name: "Anna".into(), roles: Roles::default() });
            let now = Utc::now();
            let origin = Origin::default();
            let here = sign_in(&db, &TEST_SECURITY, &email, TEST_PASSWORD, &origin, now).await.expect("here");
            let elsewhere = sign_in(&db, &TEST_SECURITY, &email, TEST_PASSWORD, &origin, now).await.expect("there");

            let wrong = change_password(&db, &principal, "niet het wachtwoord", NEW, &here.token.hash(), &origin, now).await;
            assert!(matches!(wrong, Err(AppError::Invalid { ref errors }) if errors[0].problem == Problem::WrongPassword), "{wrong:?}");
            let weak = change_password(&db, &principal, TEST_PASSWORD, "wachtwoord", &here.token.hash(), &origin, now).await;
            assert!(weak.is_err(), "the strength rule holds");

            change_password(&db, &principal, TEST_PASSWORD, NEW, &here.token.hash(), &origin, now).await.expect("changed");
            assert!(session::resolve(&db, &here.token, &TEST_SECURITY, now).await.expect("lookup").is_some(), "this one stays");
            assert!(session::resolve(&db, &elsewhere.token, &TEST_SECURITY, now).await.expect("lookup").is_none(), "others end");
            assert!(sign_in(&db, &TEST_SECURITY, &email, NEW, &origin, now).await.is_ok());
            assert_eq!(sign_in(&db, &TEST_SECURITY, &email, TEST_PASSWORD, &origin, now).await.err(), Some(AppError::InvalidCredentials));
        }
    }
}
