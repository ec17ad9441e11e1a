//! Invitations: a user added by an admin (or an organisation's first admin,
//! added by the operator) gets a link to choose a password — by e-mail or by
//! a registration text message — or a code that the admin hands out in
//! person and they type at `/invite`. Link and code work once, for seven
//! days from when the invitation goes out, at once or at a chosen moment.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

use crate::domain::AppError;
use crate::domain::audit::{ActorKind, AuditAction};
use crate::domain::dto::{Delivery, InvitationDetails};
use crate::domain::ids::{OrgId, UserId};
use crate::i18n::Lang;
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::password;
use crate::server::auth::token::{normalise_code, random_code, random_token, token_hash};
use crate::server::db::internal;
use crate::server::entity::{invitation, organisation, outbound_message, user_account};
use crate::server::messages::{enqueue_mail_at, enqueue_sms, invitation_mail, invitation_sms};

pub const VALID_DAYS: u32 = 7;

/// Who is invited, for the message.
pub struct Invitee<'a> {
    pub user: UserId,
    pub org: OrgId,
    pub name: &'a str,
    pub language: Lang,
    pub organisation: &'a str,
}

/// How the invitation reaches them, and when.
pub struct Sending<'a> {
    pub delivery: &'a Delivery,
    /// `None`: at once.
    pub at: Option<DateTime<Utc>>,
}

/// Stores an invitation and queues its message, inside the caller's
/// transaction. Returns the code to hand out when it goes by code.
pub async fn invite(
    db: &impl ConnectionTrait,
    invitee: &Invitee<'_>,
    sending: Sending<'_>,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<Option<String>, AppError> {
    let goes_out = sending.at.unwrap_or(now);
    let (token, channel) = match sending.delivery {
        Delivery::Email(_) => (random_token(), "mail"),
        Delivery::Sms(_) => (random_token(), "sms"),
        Delivery::Code => (random_code(3, 4).to_uppercase(), "code"),
    };
    invitation::ActiveModel {
        token_hash: Set(hash_of(&token)),
        user_id: Set(invitee.user.0),
        org_id: Set(invitee.org.0),
        created_at: Set(now),
        expires_at: Set(goes_out + Duration::days(i64::from(VALID_DAYS))),
        accepted_at: Set(None),
        channel: Set(channel.to_owned()),
        send_at: Set(sending.at),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    let link = format!("{public_url}/invite/{token}");
    let org = Some(invitee.org);
    match sending.delivery {
        Delivery::Email(address) => {
            let mail = invitation_mail(
                invitee.language,
                address,
                invitee.name,
                invitee.organisation,
                &link,
                VALID_DAYS,
            );
            enqueue_mail_at(db, org, KIND, mail, now, goes_out).await.map_err(internal)?;
            Ok(None)
        }
        Delivery::Sms(number) => {
            let sms = invitation_sms(invitee.language, number, invitee.organisation, &link, VALID_DAYS);
            enqueue_sms(db, org, KIND, sms, now, goes_out).await.map_err(internal)?;
            Ok(None)
        }
        Delivery::Code => Ok(Some(token)),
    }
}

/// What outgoing invitation messages are queued as.
pub const KIND: &str = "invitation";

/// The stored hash of a link's token, or of a typed code however it was typed.
fn hash_of(token: &str) -> String {
    if token.len() <= CODE_MAX_TYPED { token_hash(&normalise_code(token)) } else { token_hash(token) }
}

/// Typed codes are short (`XXXX-XXXX-XXXX`, perhaps with spaces); link
/// tokens are 43 characters.
const CODE_MAX_TYPED: usize = 20;

/// Ends the open invitations of a person (deactivated before accepting) and
/// takes back the invitation messages that have not gone out yet.
pub async fn lapse(
    db: &impl ConnectionTrait,
    person: &user_account::Model,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    invitation::Entity::update_many()
        .col_expr(invitation::Column::ExpiresAt, Expr::value(now))
        .filter(invitation::Column::UserId.eq(person.id))
        .filter(invitation::Column::AcceptedAt.is_null())
        .filter(invitation::Column::ExpiresAt.gt(now))
        .exec(db)
        .await
        .map_err(internal)?;
    let recipients: Vec<&str> =
        [person.email.as_deref(), person.phone.as_deref()].into_iter().flatten().collect();
    outbound_message::Entity::delete_many()
        .filter(outbound_message::Column::OrgId.eq(person.org_id))
        .filter(outbound_message::Column::Kind.eq(KIND))
        .filter(outbound_message::Column::SentAt.is_null())
        .filter(outbound_message::Column::Recipient.is_in(recipients))
        .exec(db)
        .await
        .map_err(internal)?;
    Ok(())
}

/// The organisation and name an unused, unexpired link is for.
pub async fn details(
    db: &DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<InvitationDetails>, AppError> {
    let Some((_, user)) = usable(db, token, now).await? else { return Ok(None) };
    let organisation = organisation::Entity::find_by_id(user.org_id).one(db).await.map_err(internal)?;
    Ok(Some(InvitationDetails {
        sign_in_name: user.email.or(user.username).unwrap_or_default(),
        name: user.name,
        organisation: organisation.map(|o| o.name).unwrap_or_default(),
    }))
}

/// Sets the invited user's first password and uses up the link.
pub async fn accept(
    db: &DatabaseConnection,
    token: &str,
    new_password: &str,
    request_id: Option<String>,
    now: DateTime<Utc>,
) -> Result<(UserId, OrgId), AppError> {
    let (found, user) = usable(db, token, now).await?.ok_or(AppError::InvitationInvalid)?;
    let names = [user.email.as_deref(), user.username.as_deref()];
    let mut own: Vec<&str> = names.into_iter().flatten().collect();
    own.push(&user.name);
    password::check_strength(new_password, &own)?;
    let password_hash = password::hash(new_password)?;
    let txn = db.begin().await.map_err(internal)?;
    let mut accepted: invitation::ActiveModel = found.into();
    accepted.accepted_at = Set(Some(now));
    accepted.update(&txn).await.map_err(internal)?;
    user_account::ActiveModel {
        id: Set(user.id),
        password_hash: Set(Some(password_hash)),
        ..Default::default()
    }
    .update(&txn)
    .await
    .map_err(internal)?;
    txn.commit().await.map_err(internal)?;
    let (user_id, org) = (UserId(user.id), OrgId(user.org_id));
    let entry = AuditEntry {
        actor_kind: ActorKind::User,
        actor_id: Some(user.id),
        request_id,
        ..AuditEntry::system(Some(org), AuditAction::InvitationAccepted)
    };
    audit::record(db, entry, now).await.map_err(internal)?;
    Ok((user_id, org))
}

async fn usable(
    db: &DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(invitation::Model, user_account::Model)>, AppError> {
    let Some(found) = invitation::Entity::find_by_id(hash_of(token)).one(db).await.map_err(internal)? else {
        return Ok(None);
    };
    let not_yet_sent = found.send_at.is_some_and(|at| now < at);
    if found.accepted_at.is_some() || now >= found.expires_at || not_yet_sent {
        return Ok(None);
    }
    let user = user_account::Entity::find_by_id(found.user_id).one(db).await.map_err(internal)?;
    Ok(user.filter(|u| u.deactivated_at.is_none()).map(|user| (found, user)))
}
