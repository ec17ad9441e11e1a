//! Signing in with an e-mail address or username and a password, then — for accounts
//! that have one — the second factor.
//!
//! The answer for an unknown account, a deactivated one and a wrong password
//! is the same error after the same amount of work, so it reveals nothing
//! about which accounts exist (issue 3). An e-mail address may belong to
//! users of several organisations; the password decides which one signs in.

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use super::session::{self, Holder, SessionToken};
use super::{password, second_factor, throttle};
use crate::domain::AppError;
use crate::domain::audit::{ActorKind, AuditAction};
use crate::domain::ids::OrgId;
use crate::server::audit::{self, AuditEntry};
use crate::server::config::{KeyEncryptionKey, SecurityConfig};
use crate::server::db::internal;
use crate::server::entity::{operator_account, user_account};

/// Where the attempt comes from; for throttling and the audit log.
#[derive(Clone, Debug, Default)]
pub struct Origin {
    pub address: Option<IpAddr>,
    pub user_agent: String,
    pub request_id: Option<String>,
}

#[derive(Debug)]
pub struct SignedIn {
    pub token: SessionToken,
    pub holder: Holder,
    /// The password was right; the session signs in only after the second factor.
    pub awaiting_second_factor: bool,
}

pub async fn sign_in(
    db: &DatabaseConnection,
    config: &SecurityConfig,
    identifier: &str,
    password_given: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<SignedIn, AppError> {
    let account_key = throttle::account_key(identifier);
    let mut keys = vec![(account_key.clone(), throttle::PER_ACCOUNT)];
    if let Some(address) = origin.address {
        keys.push((throttle::address_key(address), throttle::PER_ADDRESS));
    }
    throttle::check(db, &keys, now).await?;

    let holder = match find_holder(db, identifier, password_given).await.map_err(internal)? {
        Some(holder) => holder,
        None => {
            for (key, limit) in &keys {
                throttle::record_failure(db, key, *limit, now).await.map_err(internal)?;
            }
            let failed = AuditEntry {
                request_id: origin.request_id.clone(),
                ..AuditEntry::system(None, AuditAction::SignInFailed)
            };
            audit::record(db, failed, now).await.map_err(internal)?;
            return Err(AppError::InvalidCredentials);
        }
    };
    throttle::clear(db, &account_key).await.map_err(internal)?;
    first_factor_passed(db, config, holder, origin, now).await
}

/// After the password (or a one-time code): signed in, or — with an
/// authenticator app — a session that waits for its code.
pub async fn first_factor_passed(
    db: &DatabaseConnection,
    config: &SecurityConfig,
    holder: Holder,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<SignedIn, AppError> {
    if second_factor::is_enabled(db, holder).await.map_err(internal)? {
        let token = session::start_awaiting_second_factor(db, holder, &origin.user_agent, now)
            .await
            .map_err(internal)?;
        return Ok(SignedIn { token, holder, awaiting_second_factor: true });
    }
    let token = session::start(db, holder, &origin.user_agent, config, now).await.map_err(internal)?;
    record(db, holder, AuditAction::SignIn, origin, now).await?;
    Ok(SignedIn { token, holder, awaiting_second_factor: false })
}

/// The second step of signing in: `code` from the authenticator app, or a
/// recovery code, for the session that `pending` started. On success that
/// session is replaced by a signed-in one with a fresh token. Wrong codes
/// count towards the same per-account limit as wrong passwords.
pub async fn complete_second_factor(
    db: &DatabaseConnection,
    kek: &KeyEncryptionKey,
    config: &SecurityConfig,
    pending: &SessionToken,
    code: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<SignedIn, AppError> {
    let found = session::resolve(db, pending, config, now).await.map_err(internal)?;
    let holder = found
        .filter(|s| s.second_factor_pending)
        .as_ref()
        .and_then(session::holder_of)
        .ok_or(AppError::SecondFactorExpired)?;
    second_factor::verify_limited(db, kek, holder, code, origin, now).await?;
    session::end(db, pending).await.map_err(internal)?;
    let token = session::start(db, holder, &origin.user_agent, config, now).await.map_err(internal)?;
    record(db, holder, AuditAction::SignIn, origin, now).await?;
    Ok(SignedIn { token, holder, awaiting_second_factor: false })
}

/// Records what `holder` did in their organisation's log (or the platform's).
pub async fn record(
    db: &DatabaseConnection,
    holder: Holder,
    action: AuditAction,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let entry = match holder {
        Holder::User { user, org } => AuditEntry {
            actor_kind: ActorKind::User,
            actor_id: Some(user),
            ..AuditEntry::system(Some(OrgId(org)), action)
        },
        Holder::Operator { operator } => AuditEntry {
            actor_kind: ActorKind::Operator,
            actor_id: Some(operator),
            ..AuditEntry::system(None, action)
        },
    };
    audit::record(db, AuditEntry { request_id: origin.request_id.clone(), ..entry }, now)
        .await
        .map_err(internal)
}

/// The active account whose password matches, if any. The sign-in name is
/// an e-mail address (operators and users) or a username (users invited
/// without e-mail). Verifies once even when no account has this name, so
/// every failure costs the same.
async fn find_holder(
    db: &DatabaseConnection,
    identifier: &str,
    given: &str,
) -> Result<Option<Holder>, DbErr> {
    let name = identifier.trim().to_lowercase();
    let operators = operator_account::Entity::find()
        .filter(operator_account::Column::Email.eq(&name))
        .filter(operator_account::Column::DeactivatedAt.is_null())
        .all(db)
        .await?;
    let users = user_account::Entity::find()
        .filter(
            Condition::any()
                .add(user_account::Column::Email.eq(&name))
                .add(user_account::Column::Username.eq(&name)),
        )
        .filter(user_account::Column::DeactivatedAt.is_null())
        .all(db)
        .await?;
    let candidates: Vec<(Holder, Option<String>)> = operators
        .into_iter()
        .map(|o| (Holder::Operator { operator: o.id }, o.password_hash))
        .chain(users.into_iter().map(|u| (Holder::User { user: u.id, org: u.org_id }, u.password_hash)))
        .collect();
    if candidates.iter().all(|(_, hash)| hash.is_none()) {
        password::verify_against_nothing(given);
        return Ok(None);
    }
    Ok(candidates
        .into_iter()
        .find(|(_, hash)| hash.as_deref().is_some_and(|hash| password::verify(given, hash)))
        .map(|(holder, _)| holder))
}

#[cfg(test)]
mod tests {
    use chrono::Duration;
    use sea_orm::{ActiveModelTrait, Set};

    use super::*;
    use crate::domain::roles::Roles;
    use crate::server::testing::{self, for_each_backend};

    const PASSWORD: &str = testing::TEST_PASSWORD;
    const CONFIG: SecurityConfig = crate::server::testing::TEST_SECURITY;

    /// A fresh organisation with one user; returns the user's e-mail address.
    async fn member(db: &DatabaseConnection) -> (String, uuid::Uuid) {
        let org = testing::organisation(db, "Testorganisatie").await;
        let (id, email) = testing::member(db, org, "Anna", Roles::default()).await;
        (email, id.0)
    }

    async fn attempt(db: &DatabaseConnection, email: &str, password: &str) -> Result<SignedIn, AppError> {
        sign_in(db, &CONFIG, email, password, &Origin::default(), Utc::now()).await
    }

    for_each_backend! {
        async fn the_right_password_starts_a_session(db) {
            let (email, user) = member(&db).await;
            let signed_in = attempt(&db, &email.to_uppercase(), PASSWORD).await.expect("signed in");
            assert!(matches!(signed_in.holder, Holder::User { user: u, .. } if u == user));
            let found = session::resolve(&db, &signed_in.token, &CONFIG, Utc::now()).await.expect("lookup");
            assert_eq!(found.and_then(|s| s.user_id), Some(user));
        }

        async fn a_username_signs_in_like_an_e_mail_address(db) {
            let (_, user) = member(&db).await;
            crate::server::entity::user_account::ActiveModel {
                id: Set(user),
                username: Set(Some("anna.b".into())),
                ..Default::default()
            }
            .update(&db)
            .await
            .expect("username set");
            let signed_in = attempt(&db, " Anna.B ", PASSWORD).await.expect("signed in");
            assert!(matches!(signed_in.holder, Holder::User { user: u, .. } if u == user));
            assert_eq!(attempt(&db, "anna.b", "verkeerd wachtwoord hier").await.err(), Some(AppError::InvalidCredentials));
        }

        async fn unknown_accounts_and_wrong_passwords_get_the_same_answer(db) {
            let (email, _) = member(&db).await;
            let wrong_password = attempt(&db, &email, "verkeerd wachtwoord hier").await.err();
            let unknown = attempt(&db, "niemand@example.org", PASSWORD).await.err();
            assert_eq!(wrong_password, Some(AppError::InvalidCredentials));
            assert_eq!(unknown, wrong_password);
        }

        async fn a_deactivated_account_cannot_sign_in(db) {
            let (email, user) = member(&db).await;
            crate::server::entity::user_account::ActiveModel {
                id: Set(user),
                deactivated_at: Set(Some(Utc::now())),
                ..Default::default()
            }
            .update(&db)
            .await
            .expect("deactivated");
            assert_eq!(attempt(&db, &email, PASSWORD).await.err(), Some(AppError::InvalidCredentials));
        }

        async fn repeated_failures_are_rate_limited_even_with_the_right_password(db) {
            let (email, _) = member(&db).await;
            let now = Utc::now();
            for _ in 0..5 {
                let failed = sign_in(&db, &CONFIG, &email, "verkeerd wachtwoord hier", &Origin::default(), now).await;
                assert_eq!(failed.err(), Some(AppError::InvalidCredentials));
            }
            let limited = sign_in(&db, &CONFIG, &email, PASSWORD, &Origin::default(), now + Duration::minutes(1)).await;
            assert_eq!(limited.err(), Some(AppError::RateLimited { retry_after_seconds: 14 * 60 }));
            let later = sign_in(&db, &CONFIG, &email, PASSWORD, &Origin::default(), now + Duration::minutes(16)).await;
            assert!(later.is_ok(), "the window has passed");
        }

        async fn one_address_guessing_many_accounts_is_rate_limited(db) {
            let origin = Origin { address: "192.0.2.7".parse().ok(), ..Origin::default() };
            let now = Utc::now();
            for n in 0..30 {
                let failed = sign_in(&db, &CONFIG, &format!("raad-{n}@example.org"), "iets", &origin, now).await;
                assert_eq!(failed.err(), Some(AppError::InvalidCredentials));
            }
            let limited = sign_in(&db, &CONFIG, "nog-een@example.org", "iets", &origin, now).await;
            assert!(matches!(limited, Err(AppError::RateLimited { .. })));
        }

        async fn sign_ins_and_failures_are_audited_without_the_name_tried(db) {
            let (email, _) = member(&db).await;
            attempt(&db, &email, PASSWORD).await.expect("signed in");
            attempt(&db, "wie-ben-ik@example.org", "verkeerd").await.err();
            let events = crate::server::entity::audit_event::Entity::find().all(&db).await.expect("audit");
            let actions: Vec<&str> = events.iter().map(|e| e.action.as_str()).collect();
            assert!(actions.contains(&"auth.sign_in") && actions.contains(&"auth.sign_in_failed"), "{actions:?}");
            assert!(events.iter().all(|e| e.object_id.as_deref().is_none_or(|id| !id.contains('@'))));
        }
    }
}
