//! Which notifications a person wants, per kind and channel (opt-out: a
//! row exists only where something was turned off), and whether they get
//! the weekly digest.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
};

use crate::domain::AppError;
use crate::domain::dto::{NotificationSettings, NotificationSettingsForm};
use crate::domain::ids::UserId;
use crate::domain::notifications::{Channels, NotificationKind};
use crate::domain::validation::{FieldError, Problem};
use crate::server::auth::OrgScope;
use crate::server::db::internal;
use crate::server::entity::{digest_subscription, notification_preference};

/// Where `user` wants notifications of `kind`.
pub async fn channels(
    db: &impl ConnectionTrait,
    user: UserId,
    kind: NotificationKind,
) -> Result<Channels, AppError> {
    let row = notification_preference::Entity::find_by_id((user.0, kind.code().to_owned()))
        .one(db)
        .await
        .map_err(internal)?;
    Ok(row.map_or_else(Channels::default, |row| Channels { by_email: row.by_email, in_app: row.in_app }))
}

/// The sender's choices for every kind, and the digest.
pub async fn settings(db: &DatabaseConnection, scope: &OrgScope) -> Result<NotificationSettings, AppError> {
    let rows = notification_preference::Entity::find()
        .filter(notification_preference::Column::UserId.eq(scope.user.0))
        .all(db)
        .await
        .map_err(internal)?;
    let kinds = NotificationKind::ALL
        .iter()
        .map(|kind| {
            let chosen = rows.iter().find(|row| row.kind == kind.code());
            let channels = chosen.map_or_else(Channels::default, |row| Channels {
                by_email: row.by_email,
                in_app: row.in_app,
            });
            (*kind, channels)
        })
        .collect();
    let weekly_digest =
        digest_subscription::Entity::find_by_id(scope.user.0).one(db).await.map_err(internal)?.is_some();
    Ok(NotificationSettings { kinds, weekly_digest })
}

/// Stores the sender's choices: every kind not ticked on a channel is off there.
pub async fn save_settings(
    db: &DatabaseConnection,
    scope: &OrgScope,
    form: &NotificationSettingsForm,
    now: DateTime<Utc>,
) -> Result<NotificationSettings, AppError> {
    let known = |codes: &[String], field: &str| -> Result<Vec<NotificationKind>, AppError> {
        codes
            .iter()
            .map(|code| {
                NotificationKind::from_code(code.trim()).ok_or_else(|| AppError::Invalid {
                    errors: vec![FieldError { field: field.into(), problem: Problem::NotAChoice }],
                })
            })
            .collect()
    };
    let by_email = known(&form.by_email, "by_email")?;
    let in_app = known(&form.in_app, "in_app")?;
    use sea_orm::TransactionTrait;
    let txn = db.begin().await.map_err(internal)?;
    notification_preference::Entity::delete_many()
        .filter(notification_preference::Column::UserId.eq(scope.user.0))
        .exec(&txn)
        .await
        .map_err(internal)?;
    for kind in NotificationKind::ALL {
        let chosen = Channels { by_email: by_email.contains(kind), in_app: in_app.contains(kind) };
        if chosen == Channels::default() {
            continue;
        }
        notification_preference::ActiveModel {
            user_id: Set(scope.user.0),
            kind: Set(kind.code().to_owned()),
            by_email: Set(chosen.by_email),
            in_app: Set(chosen.in_app),
        }
        .insert(&txn)
        .await
        .map_err(internal)?;
    }
    let subscribed =
        digest_subscription::Entity::find_by_id(scope.user.0).one(&txn).await.map_err(internal)?.is_some();
    match (form.weekly_digest == "on", subscribed) {
        (true, false) => {
            digest_subscription::ActiveModel {
                user_id: Set(scope.user.0),
                subscribed_at: Set(now),
                last_sent_at: Set(None),
            }
            .insert(&txn)
            .await
            .map_err(internal)?;
        }
        (false, true) => {
            digest_subscription::Entity::delete_by_id(scope.user.0).exec(&txn).await.map_err(internal)?;
        }
        _ => {}
    }
    txn.commit().await.map_err(internal)?;
    settings(db, scope).await
}
