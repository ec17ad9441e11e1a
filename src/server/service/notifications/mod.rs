//! Notifications (issue 5; later issues add kinds): a person is told in the
//! app and by e-mail, each kind on each channel unless they turned it off.
//! A notification stores references, not text; reading composes it, so a
//! goal's title stays sealed and a goal the reader may no longer see is not
//! named. The jobs that remind of due dates and send the weekly digest:
//! [`jobs`].

pub mod jobs;
mod settings;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

pub use settings::{channels, save_settings, settings};

use crate::domain::AppError;
use crate::domain::dto::{Notification, NotificationPage, PersonRef};
use crate::domain::ids::{GoalId, NotificationId, OrgId, UserId};
use crate::domain::notifications::NotificationKind;
use crate::i18n::Lang;
use crate::server::auth::OrgScope;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::{notification, organisation, user_account};
use crate::server::messages::{Mail, enqueue_mail};
use crate::server::service::goals;

/// How many notifications the page shows, newest first.
const PAGE_SIZE: u64 = 50;

/// What a notification refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NotificationKind,
    pub about: Option<UserId>,
    pub goal: Option<GoalId>,
    pub year: Option<i32>,
}

impl Notice {
    pub fn new(kind: NotificationKind) -> Notice {
        Notice { kind, about: None, goal: None, year: None }
    }

    pub fn about(self, person: UserId) -> Notice {
        Notice { about: Some(person), ..self }
    }

    pub fn goal(self, goal: GoalId) -> Notice {
        Notice { goal: Some(goal), ..self }
    }

    pub fn year(self, year: i32) -> Notice {
        Notice { year: Some(year), ..self }
    }
}

/// Tells `recipient` of `notice` in the app and by e-mail, as they want
/// it; `mail` writes the e-mail in their language to their address and
/// name. People no longer active are told nothing. For use inside the
/// transaction of the change it reports.
pub async fn notify(
    db: &impl ConnectionTrait,
    org: OrgId,
    recipient: &user_account::Model,
    notice: Notice,
    mail: impl FnOnce(Lang, &str, &str) -> Mail,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if recipient.deactivated_at.is_some() || recipient.org_id != org.0 {
        return Ok(());
    }
    let wanted = channels(db, UserId(recipient.id), notice.kind).await?;
    if wanted.in_app {
        notification::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            org_id: Set(org.0),
            user_id: Set(recipient.id),
            kind: Set(notice.kind.code().to_owned()),
            about_user_id: Set(notice.about.map(|p| p.0)),
            goal_id: Set(notice.goal.map(|g| g.0)),
            year: Set(notice.year),
            created_at: Set(now),
            read_at: Set(None),
        }
        .insert(db)
        .await
        .map_err(internal)?;
    }
    if let (true, Some(address)) = (wanted.by_email, recipient.email.as_deref()) {
        let lang = Lang::from_code(&recipient.language).unwrap_or_default();
        let mail = mail(lang, address, &recipient.name);
        enqueue_mail(db, Some(org), notice.kind.code(), mail, now).await.map_err(internal)?;
    }
    Ok(())
}

/// Tells an organisation formally: its active admins in the app and by
/// e-mail (as each chose), and its privacy contact by e-mail unless that
/// is one of them. For what the processor owes it in writing (DPA 7, 8).
pub async fn tell_organisation(
    db: &impl ConnectionTrait,
    org: OrgId,
    kind: NotificationKind,
    mail: &(dyn Fn(Lang, &str, &str) -> Mail + Sync),
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let admins = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(org.0))
        .filter(user_account::Column::IsAdmin.eq(true))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .all(db)
        .await
        .map_err(internal)?;
    for admin in &admins {
        notify(db, org, admin, Notice::new(kind), |lang, to, name| mail(lang, to, name), now).await?;
    }
    let found = organisation::Entity::find_by_id(org.0).one(db).await.map_err(internal)?;
    let Some(found) = found else { return Ok(()) };
    let contact = found.privacy_contact_email.trim();
    let is_an_admin = admins
        .iter()
        .any(|admin| admin.email.as_deref().is_some_and(|email| email.eq_ignore_ascii_case(contact)));
    if !contact.is_empty() && !is_an_admin {
        let lang = Lang::from_code(&found.default_language).unwrap_or_default();
        let written = mail(lang, contact, &found.privacy_contact_name);
        enqueue_mail(db, Some(org), kind.code(), written, now).await.map_err(internal)?;
    }
    Ok(())
}

/// The page of the sender's newest notifications.
pub async fn page(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    time_zone: chrono_tz::Tz,
) -> Result<NotificationPage, AppError> {
    let rows = notification::Entity::find()
        .filter(notification::Column::UserId.eq(scope.user.0))
        .filter(notification::Column::OrgId.eq(scope.org.0))
        .order_by_desc(notification::Column::CreatedAt)
        .limit(PAGE_SIZE)
        .all(db)
        .await
        .map_err(internal)?;
    let names: HashMap<uuid::Uuid, String> = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(scope.org.0))
        .filter(user_account::Column::Id.is_in(rows.iter().filter_map(|r| r.about_user_id)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|person| (person.id, person.name))
        .collect();
    let goal_ids: Vec<GoalId> = rows.iter().filter_map(|r| r.goal_id.map(GoalId)).collect();
    let goals = goals::visible_references(db, keys, scope, &goal_ids).await?;
    let items = rows
        .into_iter()
        .filter_map(|row| {
            let kind = NotificationKind::from_code(&row.kind)?;
            let goal = row.goal_id.and_then(|id| goals.get(&GoalId(id)));
            Some(Notification {
                id: NotificationId(row.id),
                kind,
                about: row.about_user_id.and_then(|id| {
                    names.get(&id).map(|name| PersonRef { id: UserId(id), name: name.clone() })
                }),
                goal: goal.map(|(reference, _)| reference.clone()),
                due_on: goal.and_then(|(_, due)| due.map(|d| d.format("%Y-%m-%d").to_string())),
                year: row.year,
                at: row.created_at.with_timezone(&time_zone).format("%Y-%m-%d %H:%M").to_string(),
                read: row.read_at.is_some(),
            })
        })
        .collect();
    Ok(NotificationPage { items, unread: unread(db, scope).await? })
}

/// How many of the sender's notifications are unread.
pub async fn unread(db: &impl ConnectionTrait, scope: &OrgScope) -> Result<u32, AppError> {
    let count = notification::Entity::find()
        .filter(notification::Column::UserId.eq(scope.user.0))
        .filter(notification::Column::OrgId.eq(scope.org.0))
        .filter(notification::Column::ReadAt.is_null())
        .count(db)
        .await
        .map_err(internal)?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// Marks one of the sender's notifications read and says where it leads;
/// someone else's is not found.
pub async fn open(
    db: &DatabaseConnection,
    scope: &OrgScope,
    id: NotificationId,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let row = notification::Entity::find_by_id(id.0)
        .filter(notification::Column::UserId.eq(scope.user.0))
        .filter(notification::Column::OrgId.eq(scope.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    if row.read_at.is_none() {
        notification::ActiveModel { id: Set(row.id), read_at: Set(Some(now)), ..Default::default() }
            .update(db)
            .await
            .map_err(internal)?;
    }
    let kind = NotificationKind::from_code(&row.kind).ok_or(AppError::NotFound)?;
    Ok(link(kind, row.about_user_id.map(UserId), row.goal_id.map(GoalId), row.year))
}

/// Marks all the sender's notifications read.
pub async fn mark_all_read(
    db: &DatabaseConnection,
    scope: &OrgScope,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(now))
        .filter(notification::Column::UserId.eq(scope.user.0))
        .filter(notification::Column::OrgId.eq(scope.org.0))
        .filter(notification::Column::ReadAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
        .map_err(internal)
}

/// The page a notification leads to, relative to the site.
pub fn link(
    kind: NotificationKind,
    about: Option<UserId>,
    goal: Option<GoalId>,
    year: Option<i32>,
) -> String {
    let year = year.map(|y| format!("year={y}")).unwrap_or_default();
    match (kind, about, goal) {
        (NotificationKind::GoalPlanSubmitted, Some(owner), _) => format!("/goals?owner={owner}&{year}"),
        (NotificationKind::GoalDueSoon | NotificationKind::GoalAssigned, _, Some(goal)) => {
            format!("/goals/{goal}")
        }
        (NotificationKind::FeedbackReceived, _, _) => "/feedback".to_owned(),
        (NotificationKind::FeedbackForManager, _, _) => "/feedback?box=team".to_owned(),
        (NotificationKind::FeedbackRequested | NotificationKind::FeedbackRequestReminder, _, _) => {
            "/feedback/requests".to_owned()
        }
        (NotificationKind::OneOnOneUpcoming, _, _) => "/one-on-ones".to_owned(),
        (
            NotificationKind::EvaluationShared
            | NotificationKind::ReviewReminder
            | NotificationKind::ReviewRequested,
            _,
            _,
        ) => "/reviews".to_owned(),
        (NotificationKind::SurveyOpened | NotificationKind::SurveyReminder, _, _) => "/surveys".to_owned(),
        (NotificationKind::SubProcessorAnnounced, _, _) => "/privacy/sub-processors".to_owned(),
        (NotificationKind::BreachNotified | NotificationKind::BreachUpdated, _, _) => {
            "/privacy/breaches".to_owned()
        }
        _ => format!("/goals?{year}"),
    }
}

#[cfg(test)]
mod tests;
