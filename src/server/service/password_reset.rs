//! Choosing a new password through a single-use link, sent by e-mail — or,
//! for a username with a mobile number, by text message.
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
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::recipients::{Channel, recipients};
use crate::server::auth::session::Holder;
use crate::server::auth::sign_in::Origin;
use crate::server::auth::token::{random_token, token_hash};
use crate::server::auth::{password, throttle};
use crate::server::db::internal;
use crate::server::entity::{operator_account, password_reset, session as session_entity, user_account};
use crate::server::messages::{enqueue_mail, enqueue_sms, password_reset_mail, password_reset_sms};

pub const LINK_VALID_HOURS: u32 = 1;
/// Links asked for one address per hour: enough for a lost mail, too few to flood an inbox.
const PER_ADDRESS_LIMIT: throttle::Limit = throttle::Limit { failures: 3, window: Duration::hours(1) };

/// Sends a link to every active account with this sign-in name (an e-mail
/// address, or a username), if any.
pub async fn request(
    db: &DatabaseConnection,
    public_url: &str,
    sign_in_name: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let name = sign_in_name.trim().to_lowercase();
    let key = format!("reset:{name}");
    let mut keys = vec![(key.clone(), PER_ADDRESS_LIMIT)];
    if let Some(address) = origin.address {
        keys.push((throttle::address_key(address), throttle::PER_ADDRESS));
    }
    throttle::check(db, &keys, now).await?;
    for (key, limit) in &keys {
        throttle::record_failure(db, key, *limit, now).await.map_err(internal)?;
    }
    for recipient in recipients(db, &name).await? {
        let (user, operator) = match recipient.holder {
            Holder::User { user, .. } => (Some(user), None),
            Holder::Operator { operator } => (None, Some(operator)),
        };
        let token = random_token();
        let txn = db.begin().await.map_err(internal)?;
        password_reset::ActiveModel {
            token_hash: Set(token_hash(&token)),
            user_id: Set(user),
            operator_id: Set(operator),
            created_at: Set(now),
            expires_at: Set(now + Duration::hours(i64::from(LINK_VALID_HOURS))),
            used_at: Set(None),
        }
        .insert(&txn)
        .await
        .map_err(internal)?;
        let link = format!("{public_url}/reset/{token}");
        match &recipient.channel {
            Channel::Mail(address) => {
                let mail = password_reset_mail(
                    recipient.language,
                    address,
                    &recipient.name,
                    &recipient.organisation,
                    &link,
                    LINK_VALID_HOURS,
                );
                enqueue_mail(&txn, recipient.org, KIND, mail, now).await.map_err(internal)?;
            }
            Channel::Sms(number) => {
                let sms = password_reset_sms(recipient.language, number, &link, LINK_VALID_HOURS);
                enqueue_sms(&txn, recipient.org, KIND, sms, now, now).await.map_err(internal)?;
            }
        }
        txn.commit().await.map_err(internal)?;
        let entry = AuditEntry {
            request_id: origin.request_id.clone(),
            ..AuditEntry::system(recipient.org, AuditAction::PasswordResetRequested)
        };
        let object = user.or(operator).unwrap_or_default();
        audit::record(db, entry.on("account", object), now).await.map_err(internal)?;
    }
    Ok(())
}

const KIND: &str = "password_reset";

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
            let own = [Some(user.name.as_str()), user.email.as_deref(), user.username.as_deref()];
            password::check_strength(new_password, &own.into_iter().flatten().collect::<Vec<_>>())?;
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

#[cfg(test)]
mod tests {
    use sea_orm::EntityTrait;

    use super::*;
    use crate::domain::roles::Roles;
    use crate::i18n::Lang;
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
        async fn a_username_with_a_number_gets_its_link_by_text_message(db) {
            use sea_orm::ActiveModelTrait;
            let org = crate::server::testing::organisation(&db, "De Linde").await;
            let (user, _) = crate::server::testing::member(&db, org, "Jan", Roles::default()).await;
            user_account::ActiveModel {
                id: Set(user.0),
                username: Set(Some("jan".into())),
                phone: Set(Some("+31612345678".into())),
                ..Default::default()
            }
            .update(&db)
            .await
            .expect("username and number");
            request(&db, "https://koers.example", " JAN ", &Origin::default(), Utc::now()).await.expect("asked");
            let sms = outbound_message::Entity::find().one(&db).await.expect("queue").expect("queued");
            assert_eq!((sms.channel.as_str(), sms.recipient.as_str()), ("sms", "+31612345678"));
            let token = sms.text_body.split("/reset/").nth(1).expect("a link").trim().to_owned();
            complete(&db, &token, NEW, None, Utc::now()).await.expect("new password set");
        }

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
