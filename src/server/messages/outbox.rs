//! The queue of outgoing messages.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::mail::{Mail, MailTransport};
use crate::domain::ids::OrgId;
use crate::server::entity::outbound_message as message;

/// Messages one worker round takes on.
const BATCH: u64 = 20;
/// How long a claimed message is left to its worker before another may try.
const LEASE: Duration = Duration::minutes(2);

/// Queues an e-mail for delivery as soon as possible.
pub async fn enqueue_mail(
    db: &impl ConnectionTrait,
    org: Option<OrgId>,
    kind: &str,
    mail: Mail,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    message::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        org_id: Set(org.map(|org| org.0)),
        channel: Set("mail".into()),
        kind: Set(kind.to_owned()),
        recipient: Set(mail.to),
        subject: Set(mail.subject),
        text_body: Set(mail.text),
        html_body: Set(mail.html),
        created_at: Set(now),
        send_after: Set(now),
        locked_until: Set(None),
        attempts: Set(0),
        last_error: Set(None),
        sent_at: Set(None),
    }
    .insert(db)
    .await
    .map(|_| ())
}

/// What one round of delivery did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    pub failed: usize,
}

/// Delivers the messages that are due. A failed message is retried later,
/// after 1, 2, 4, … minutes, at most 6 hours apart.
pub async fn deliver_due(
    db: &DatabaseConnection,
    transport: &MailTransport,
    now: DateTime<Utc>,
) -> Result<Delivery, DbErr> {
    let due = message::Entity::find()
        .filter(message::Column::SentAt.is_null())
        .filter(message::Column::Channel.eq("mail"))
        .filter(message::Column::SendAfter.lte(now))
        .filter(unlocked(now))
        .order_by_asc(message::Column::SendAfter)
        .limit(BATCH)
        .all(db)
        .await?;
    let mut delivery = Delivery::default();
    for queued in due {
        if !claim(db, queued.id, now).await? {
            continue; // another worker has it
        }
        let mail = Mail {
            to: queued.recipient.clone(),
            subject: queued.subject.clone(),
            text: queued.text_body.clone(),
            html: queued.html_body.clone(),
        };
        let mut update: message::ActiveModel = queued.clone().into();
        update.locked_until = Set(None);
        match transport.send(&mail).await {
            Ok(()) => {
                delivery.sent += 1;
                update.sent_at = Set(Some(now));
                update.attempts = Set(queued.attempts + 1);
                update.last_error = Set(None);
                // Delivered: keep the record that it was sent, not what it said.
                update.text_body = Set(String::new());
                update.html_body = Set(String::new());
            }
            Err(error) => {
                delivery.failed += 1;
                tracing::warn!(message = %queued.id, kind = %queued.kind, %error, "mail not delivered; will retry");
                update.attempts = Set(queued.attempts + 1);
                update.send_after = Set(now + retry_pause(queued.attempts + 1));
                update.last_error = Set(Some(error.to_string()));
            }
        }
        update.update(db).await?;
    }
    Ok(delivery)
}

fn unlocked(now: DateTime<Utc>) -> Condition {
    Condition::any().add(message::Column::LockedUntil.is_null()).add(message::Column::LockedUntil.lt(now))
}

/// Takes a message for this worker; false when another worker was first.
async fn claim(db: &DatabaseConnection, id: uuid::Uuid, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let claimed = message::Entity::update_many()
        .col_expr(message::Column::LockedUntil, Expr::value(now + LEASE))
        .filter(message::Column::Id.eq(id))
        .filter(message::Column::SentAt.is_null())
        .filter(unlocked(now))
        .exec(db)
        .await?;
    Ok(claimed.rows_affected == 1)
}

/// 1, 2, 4, 8 … minutes after the n-th failed attempt, at most 6 hours.
pub(super) fn retry_pause(attempts: i32) -> Duration {
    let exponent = u32::try_from(attempts.saturating_sub(1)).unwrap_or(0).min(10);
    Duration::minutes(2_i64.pow(exponent)).min(Duration::hours(6))
}
