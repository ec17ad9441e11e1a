//! Choosing a new password through a single-use link sent by e-mail.
//!
//! Asking for a link answers the same whether or not the address has an
//! account (issue 3: nothing may reveal which accounts exist). A link works
//! once, for an hour; using it ends every session of the account.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, TransactionTrait,
};

use crate::domain::AppError;
use crate::domain::audit::{ActorKind, AuditAction};
use crate::domain::ids::OrgId;
use crate::i18n::Lang;
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::sign_in::Origin;
use crate::server::auth::token::{random_token, token_hash};
use crate::server::auth::{password, throttle};
use crate::server::db::internal;
use crate::server::entity::{
    operator_account, organisation, password_reset, session as session_entity, user_account,
};
use crate::server::messages::{enqueue_mail, password_reset_mail};

pub const LINK_VALID_HOURS: u32 = 1;
/// Links asked for one address per hour: enough for a lost mail, too few to flood an inbox.
const PER_ADDRESS_LIMIT: throttle::Limit = throttle::Limit { failures: 3, window: Duration::hours(1) };

/// One account that can receive a link.
struct Holder {
    user: Option<uuid::Uuid>,
    operator: Option<uuid::Uuid>,
    org: Option<OrgId>,
    name: String,
    email: String,
    language: Lang,
    organisation: String,
}

/// Sends a link to every active account with this e-mail address (one per
/// organisation it belongs to), if any.
pub async fn request(
    db: &DatabaseConnection,
    public_url: &str,
    email: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let email = email.trim().to_lowercase();
    let key = format!("reset:{email}");
    let mut keys = vec![(key.clone(), PER_ADDRESS_LIMIT)];
    if let Some(address) = origin.address {
        keys.push((throttle::address_key(address), throttle::PER_ADDRESS));
    }
    throttle::check(db, &keys, now).await?;
    for (key, limit) in &keys {
        throttle::record_failure(db, key, *limit, now).await.map_err(internal)?;
    }
    for holder in holders(db, &email).await? {
        let token = random_token();
        let txn = db.begin().await.map_err(internal)?;
        password_reset::ActiveModel {
            token_hash: Set(token_hash(&token)),
            user_id: Set(holder.user),
            operator_id: Set(holder.operator),
            created_at: Set(now),
            expires_at: Set(now + Duration::hours(i64::from(LINK_VALID_HOURS))),
            used_at: Set(None),
        }
        .insert(&txn)
        .await
        .map_err(internal)?;
        let link = format!("{public_url}/reset/{token}");
        let mail = password_reset_mail(
            holder.language,
            &holder.email,
            &holder.name,
            &holder.organisation,
            &link,
            LINK_VALID_HOURS,
        );
        enqueue_mail(&txn, holder.org, "password_reset", mail, now).await.map_err(internal)?;
        txn.commit().await.map_err(internal)?;
        let entry = AuditEntry {
            request_id: origin.request_id.clone(),
            ..AuditEntry::system(holder.org, AuditAction::PasswordResetRequested)
        };
        let object = holder.user.or(holder.operator).unwrap_or_default();
        audit::record(db, entry.on("account", object), now).await.map_err(internal)?;
    }
    Ok(())
}

/// Whether a link can still be used (for showing the form or an error).
pub async fn is_usable(db: &DatabaseConnection, token: &str, now: DateTime<Utc>) -> Result<bool, AppError> {
    Ok(usable(db, token, now).await?.is_some())
}

/// Sets the new password, uses up the link and ends every session of the account.
pub async fn complete(
    db: &DatabaseConnection,
    token: &str,
    new_password: &str,
    request_id: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let reset = usable(db, token, now).await?.ok_or(AppError::ResetLinkInvalid)?;
    let password_hash = match (reset.user_id, reset.operator_id) {
        (Some(user_id), _) => {
            let user = user_account::Entity::find_by_id(user_id).one(db).await.map_err(internal)?;
            let user = user.ok_or(AppError::ResetLinkInvalid)?;
            password::check_strength(new_password, &[&user.name, user.email.as_deref().unwrap_or_default()])?;
            password::hash(new_password)?
        }
        (None, Some(operator_id)) => {
            let operator =
                operator_account::Entity::find_by_id(operator_id).one(db).await.map_err(internal)?;
            let operator = operator.ok_or(AppError::ResetLinkInvalid)?;
            password::check_strength(new_password, &[&operator.name, &operator.email])?;
            password::hash(new_password)?
        }
        (None, None) => return Err(AppError::ResetLinkInvalid),
    };
    let txn = db.begin().await.map_err(internal)?;
    let mut used: password_reset::ActiveModel = reset.clone().into();
    used.used_at = Set(Some(now));
    used.update(&txn).await.map_err(internal)?;
    let (org, actor_kind, actor) = if let Some(user_id) = reset.user_id {
        let user = user_account::ActiveModel {
            id: Set(user_id),
            password_hash: Set(Some(password_hash)),
            ..Default::default()
        };
        let user = user.update(&txn).await.map_err(internal)?;
        session_entity::Entity::delete_many()
            .filter(session_entity::Column::UserId.eq(user_id))
            .exec(&txn)
            .await
            .map_err(internal)?;
        (Some(OrgId(user.org_id)), ActorKind::User, user_id)
    } else {
        let operator_id = reset.operator_id.unwrap_or_default();
        let operator = operator_account::ActiveModel {
            id: Set(operator_id),
            password_hash: Set(Some(password_hash)),
            ..Default::default()
        };
        operator.update(&txn).await.map_err(internal)?;
        session_entity::Entity::delete_many()
            .filter(session_entity::Column::OperatorId.eq(operator_id))
            .exec(&txn)
            .await
            .map_err(internal)?;
        (None, ActorKind::Operator, operator_id)
    };
    txn.commit().await.map_err(internal)?;
    let entry = AuditEntry {
        actor_kind,
        actor_id: Some(actor),
        request_id,
        ..AuditEntry::system(org, AuditAction::PasswordChanged)
    };
    audit::record(db, entry, now).await.map_err(internal)?;
    Ok(())
}

async fn usable(
    db: &DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<password_reset::Model>, AppError> {
    let reset = password_reset::Entity::find_by_id(token_hash(token)).one(db).await.map_err(internal)?;
    Ok(reset.filter(|r| r.used_at.is_none() && now < r.expires_at))
}

async fn holders(db: &DatabaseConnection, email: &str) -> Result<Vec<Holder>, AppError> {
    let mut holders = Vec::new();
    let operators = operator_account::Entity::find()
        .filter(operator_account::Column::Email.eq(email))
        .filter(operator_account::Column::DeactivatedAt.is_null())
        .all(db)
        .await
        .map_err(internal)?;
    for operator in operators {
        holders.push(Holder {
            user: None,
            operator: Some(operator.id),
            org: None,
            language: Lang::from_code(&operator.language).unwrap_or_default(),
            name: operator.name,
            email: operator.email,
            organisation: "Koers".into(),
        });
    }
    let users = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(email))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .all(db)
        .await
        .map_err(internal)?;
    for user in users {
        let organisation = organisation::Entity::find_by_id(user.org_id).one(db).await.map_err(internal)?;
        holders.push(Holder {
            user: Some(user.id),
            operator: None,
            org: Some(OrgId(user.org_id)),
            language: Lang::from_code(&user.language).unwrap_or_default(),
            email: user.email.unwrap_or_default(),
            name: user.name,
            organisation: organisation.map(|o| o.name).unwrap_or_default(),
        });
    }
    Ok(holders)
}

#[cfg(test)]
mod tests {
    use sea_orm::EntityTrait;

    use super::*;
    use crate::domain::roles::Roles;
    use crate::server::auth::session;
    use crate::server::auth::sign_in::{self, SignedIn};
    use crate::server::config::SecurityConfig;
    use crate::server::entity::outbound_message;
    use crate::server::service::{accounts, organisations};
    use crate::server::testing::for_each_backend;

    const OLD: &str = "paarse olifant op de fiets";
    const NEW: &str = "groene giraffe in de tram";
    const SECURITY: SecurityConfig = crate::server::testing::TEST_SECURITY;

    async fn member(db: &DatabaseConnection) -> String {
        let keys = crate::server::testing::test_keyring();
        let org = organisations::create(db, &keys, "De Linde", Utc::now()).await.expect("organisation");
        let email = format!("anna-{}@example.org", uuid::Uuid::new_v4().simple());
        let user = accounts::NewUser {
            name: "Anna",
            email: Some(&email),
            language: Lang::En,
            roles: Roles::default(),
        };
        accounts::create_user(db, org, user, Some(OLD), Utc::now()).await.expect("user");
        email
    }

    /// The token in the link of the last mail queued.
    async fn link_token(db: &DatabaseConnection) -> String {
        let mails = outbound_message::Entity::find().all(db).await.expect("queue");
        let mail = mails.last().expect("a mail was queued");
        let link = mail.text_body.split_whitespace().find(|w| w.contains("/reset/")).expect("link");
        link.rsplit('/').next().unwrap_or_default().to_owned()
    }

    async fn sign_in_with(
        db: &DatabaseConnection,
        email: &str,
        password: &str,
    ) -> Result<SignedIn, AppError> {
        sign_in::sign_in(db, &SECURITY, email, password, &Origin::default(), Utc::now()).await
    }

    for_each_backend! {
        async fn a_link_sets_a_new_password_once_and_ends_old_sessions(db) {
            let email = member(&db).await;
            let old_session = sign_in_with(&db, &email, OLD).await.expect("signed in");
            request(&db, "https://koers.example", &email, &Origin::default(), Utc::now()).await.expect("requested");
            let mails = outbound_message::Entity::find().all(&db).await.expect("queue");
            assert_eq!(mails.len(), 1);
            assert_eq!(mails[0].subject, "Choose a new password for Koers", "in the user's language");
            assert!(mails[0].text_body.contains("https://koers.example/reset/"));

            let token = link_token(&db).await;
            complete(&db, &token, NEW, None, Utc::now()).await.expect("changed");
            assert!(sign_in_with(&db, &email, NEW).await.is_ok());
            assert_eq!(sign_in_with(&db, &email, OLD).await.err(), Some(AppError::InvalidCredentials));
            let old = session::resolve(&db, &old_session.token, &SECURITY, Utc::now()).await.expect("lookup");
            assert!(old.is_none(), "sessions from before the change are ended");
            assert_eq!(complete(&db, &token, NEW, None, Utc::now()).await, Err(AppError::ResetLinkInvalid));
        }

        async fn an_unknown_address_gets_the_same_answer_and_no_mail(db) {
            request(&db, "https://koers.example", "niemand@example.org", &Origin::default(), Utc::now()).await.expect("same answer");
            assert!(outbound_message::Entity::find().all(&db).await.expect("queue").is_empty());
        }

        async fn a_link_expires_after_an_hour(db) {
            let email = member(&db).await;
            let now = Utc::now();
            request(&db, "https://koers.example", &email, &Origin::default(), now).await.expect("requested");
            let token = link_token(&db).await;
            assert!(is_usable(&db, &token, now + Duration::minutes(59)).await.expect("checked"));
            let late = now + Duration::minutes(61);
            assert_eq!(complete(&db, &token, NEW, None, late).await, Err(AppError::ResetLinkInvalid));
        }

        async fn a_weak_password_is_refused_and_the_link_stays_usable(db) {
            let email = member(&db).await;
            request(&db, "https://koers.example", &email, &Origin::default(), Utc::now()).await.expect("requested");
            let token = link_token(&db).await;
            assert_eq!(complete(&db, &token, "password123", None, Utc::now()).await, Err(AppError::PasswordTooWeak));
            assert!(is_usable(&db, &token, Utc::now()).await.expect("checked"));
        }

        async fn links_for_one_address_are_limited(db) {
            let email = member(&db).await;
            let now = Utc::now();
            for _ in 0..3 {
                request(&db, "https://koers.example", &email, &Origin::default(), now).await.expect("requested");
            }
            let fourth = request(&db, "https://koers.example", &email, &Origin::default(), now).await;
            assert!(matches!(fourth, Err(AppError::RateLimited { .. })));
        }
    }
}
