//! The queue of outgoing messages.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::mail::{Mail, MailTransport};
use super::sms::{Sms, SmsTransport};
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
    enqueue_mail_at(db, org, kind, mail, now, now).await
}

/// Queues an e-mail to go out at `send_after` (a scheduled invitation).
pub async fn enqueue_mail_at(
    db: &impl ConnectionTrait,
    org: Option<OrgId>,
    kind: &str,
    mail: Mail,
    now: DateTime<Utc>,
    send_after: DateTime<Utc>,
) -> Result<(), DbErr> {
    let queued =
        Queued { channel: MAIL, recipient: mail.to, subject: mail.subject, text: mail.text, html: mail.html };
    insert(db, org, kind, queued, now, send_after).await
}

/// Queues a text message to go out at `send_after` (`now` for at once).
pub async fn enqueue_sms(
    db: &impl ConnectionTrait,
    org: Option<OrgId>,
    kind: &str,
    sms: Sms,
    now: DateTime<Utc>,
    send_after: DateTime<Utc>,
) -> Result<(), DbErr> {
    let queued = Queued {
        channel: SMS,
        recipient: sms.to,
        subject: String::new(),
        text: sms.text,
        html: String::new(),
    };
    insert(db, org, kind, queued, now, send_after).await
}

const MAIL: &str = "mail";
const SMS: &str = "sms";

struct Queued {
    channel: &'static str,
    recipient: String,
    subject: String,
    text: String,
    html: String,
}

async fn insert(
    db: &impl ConnectionTrait,
    org: Option<OrgId>,
    kind: &str,
    queued: Queued,
    now: DateTime<Utc>,
    send_after: DateTime<Utc>,
) -> Result<(), DbErr> {
    message::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        org_id: Set(org.map(|org| org.0)),
        channel: Set(queued.channel.into()),
        kind: Set(kind.to_owned()),
        recipient: Set(queued.recipient),
        subject: Set(queued.subject),
        text_body: Set(queued.text),
        html_body: Set(queued.html),
        created_at: Set(now),
        send_after: Set(send_after),
        locked_until: Set(None),
        attempts: Set(0),
        last_error: Set(None),
        sent_at: Set(None),
    }
    .insert(db)
    .await
    .map(|_| ())
}

/// How messages leave: e-mail and text messages.
pub struct Transports {
    pub mail: MailTransport,
    pub sms: SmsTransport,
}

/// What one round of delivery did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    pub failed: usize,
}

impl Delivery {
    /// Whether the round took a full batch, so more may be waiting (after a
    /// bulk import, say): deliver those at once, not at the next wake-up.
    pub fn took_full_batch(&self) -> bool {
        self.sent + self.failed >= BATCH as usize
    }
}

/// Delivers the messages that are due. A failed message is retried later,
/// after 1, 2, 4, … minutes, at most 6 hours apart.
pub async fn deliver_due(
    db: &DatabaseConnection,
    transports: &Transports,
    now: DateTime<Utc>,
) -> Result<Delivery, DbErr> {
    let due = message::Entity::find()
        .filter(message::Column::SentAt.is_null())
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
        let mut update: message::ActiveModel = queued.clone().into();
        update.locked_until = Set(None);
        match send(transports, &queued).await {
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
                tracing::warn!(message = %queued.id, channel = %queued.channel, kind = %queued.kind, %error, "message not delivered; will retry");
                update.attempts = Set(queued.attempts + 1);
                update.send_after = Set(now + retry_pause(queued.attempts + 1));
                update.last_error = Set(Some(error));
            }
        }
        update.update(db).await?;
    }
    Ok(delivery)
}

/// Sends one queued message over its channel; the error holds no personal data.
async fn send(transports: &Transports, queued: &message::Model) -> Result<(), String> {
    if queued.channel == SMS {
        let sms = Sms { to: queued.recipient.clone(), text: queued.text_body.clone() };
        return transports.sms.send(&sms).await.map_err(|error| error.to_string());
    }
    let mail = Mail {
        to: queued.recipient.clone(),
        subject: queued.subject.clone(),
        text: queued.text_body.clone(),
        html: queued.html_body.clone(),
    };
    transports.mail.send(&mail).await.map_err(|error| error.to_string())
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
