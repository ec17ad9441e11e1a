//! Invitations: a user added by an admin (or an organisation's first admin,
//! added by the operator) gets a link to choose a password. The link works
//! once, for seven days.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, Set, TransactionTrait};

use crate::domain::AppError;
use crate::domain::audit::{ActorKind, AuditAction};
use crate::domain::dto::InvitationDetails;
use crate::domain::ids::{OrgId, UserId};
use crate::i18n::Lang;
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::password;
use crate::server::auth::token::{random_token, token_hash};
use crate::server::db::internal;
use crate::server::entity::{invitation, organisation, user_account};
use crate::server::messages::{enqueue_mail, invitation_mail};

pub const VALID_DAYS: u32 = 7;

/// Who is invited, for the mail.
pub struct Invitee<'a> {
    pub user: UserId,
    pub org: OrgId,
    pub name: &'a str,
    pub email: &'a str,
    pub language: Lang,
    pub organisation: &'a str,
}

/// Stores an invitation and queues its mail, inside the caller's transaction.
pub async fn invite_by_email(
    db: &impl ConnectionTrait,
    invitee: &Invitee<'_>,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let token = random_token();
    invitation::ActiveModel {
        token_hash: Set(token_hash(&token)),
        user_id: Set(invitee.user.0),
        org_id: Set(invitee.org.0),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(i64::from(VALID_DAYS))),
        accepted_at: Set(None),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    let link = format!("{public_url}/invite/{token}");
    let mail = invitation_mail(
        invitee.language,
        invitee.email,
        invitee.name,
        invitee.organisation,
        &link,
        VALID_DAYS,
    );
    enqueue_mail(db, Some(invitee.org), "invitation", mail, now).await.map_err(internal)
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
    password::check_strength(new_password, &[&user.name, user.email.as_deref().unwrap_or_default()])?;
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
    let Some(found) = invitation::Entity::find_by_id(token_hash(token)).one(db).await.map_err(internal)?
    else {
        return Ok(None);
    };
    if found.accepted_at.is_some() || now >= found.expires_at {
        return Ok(None);
    }
    let user = user_account::Entity::find_by_id(found.user_id).one(db).await.map_err(internal)?;
    Ok(user.filter(|u| u.deactivated_at.is_none()).map(|user| (found, user)))
}
