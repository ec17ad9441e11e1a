//! Reminder e-mails of review moments (issue 7): on each reminder date a
//! moment has, the writers who still have a step to take — write or share
//! their part, or acknowledge — are told, once. A reminder date is claimed
//! by setting its `sent_at` in the same transaction that queues the
//! notifications, so with several servers running the job exactly one of
//! them tells, and a failure tells nobody and leaves it for the next run.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};

use super::evaluations::{waits_for, workflows, writers_of};
use super::scope;
use crate::domain::AppError;
use crate::domain::evaluations::{Party, Workflow};
use crate::domain::ids::{OrgId, UserId};
use crate::domain::notifications::NotificationKind;
use crate::server::auth::reach::ManagerMap;
use crate::server::db::internal;
use crate::server::entity::{
    review_cycle as cycle, review_moment as moment, review_reminder as reminder, user_account,
};
use crate::server::messages::review_reminder_mail;
use crate::server::service::notifications::jobs::JobContext;
use crate::server::service::notifications::{Notice, notify};

/// Sends the reminders due by `now` (in the installation's time zone);
/// says how many people were told. A reminder of a cycle that has ended
/// is dropped without telling anyone.
pub async fn remind_writers(
    db: &DatabaseConnection,
    context: &JobContext,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let today = now.with_timezone(&context.time_zone).date_naive();
    let due = reminder::Entity::find()
        .filter(reminder::Column::SentAt.is_null())
        .filter(reminder::Column::RemindOn.lte(today))
        .all(db)
        .await
        .map_err(internal)?;
    let mut told = 0;
    for row in due {
        let txn = db.begin().await.map_err(internal)?;
        let claimed = reminder::Entity::update_many()
            .col_expr(reminder::Column::SentAt, Expr::value(Some(now)))
            .filter(reminder::Column::Id.eq(row.id))
            .filter(reminder::Column::SentAt.is_null())
            .exec(&txn)
            .await
            .map_err(internal)?;
        if claimed.rows_affected != 1 {
            txn.rollback().await.map_err(internal)?;
            continue; // another server sends this one
        }
        let Some(at) = moment::Entity::find_by_id(row.moment_id).one(&txn).await.map_err(internal)? else {
            continue;
        };
        let Some(of_cycle) = cycle::Entity::find_by_id(at.cycle_id).one(&txn).await.map_err(internal)? else {
            continue;
        };
        if of_cycle.ends_on >= today {
            told += tell_waiting_writers(&txn, context, &at, now).await?;
        }
        txn.commit().await.map_err(internal)?;
    }
    Ok(told)
}

/// Tells everyone in the moment's scope who still has a step to take.
async fn tell_waiting_writers(
    db: &impl sea_orm::ConnectionTrait,
    context: &JobContext,
    at: &moment::Model,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let org = OrgId(at.org_id);
    let cycle_id = at.cycle_id;
    let people = scope::people_in(db, org, cycle_id).await?;
    let states = workflows(db, std::slice::from_ref(at)).await?;
    let map = ManagerMap::load(db, org).await.map_err(internal)?;
    let mut waiting: Vec<(UserId, UserId)> = Vec::new();
    for employee in &people {
        let workflow =
            states.get(&(at.id, employee.0)).copied().unwrap_or_else(|| Workflow::new(writers_of(at)));
        if waits_for(&workflow, Party::Employee) {
            waiting.push((*employee, *employee));
        }
        if waits_for(&workflow, Party::Manager) {
            waiting.extend(map.managers_of(*employee).into_iter().map(|manager| (manager, *employee)));
        }
    }
    let accounts = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(org.0))
        .filter(user_account::Column::Id.is_in(waiting.iter().flat_map(|(to, about)| [to.0, about.0])))
        .all(db)
        .await
        .map_err(internal)?;
    let closes_on = at.closes_on.to_string();
    let mut told = 0;
    for (to, about) in waiting {
        let (Some(recipient), Some(employee)) =
            (accounts.iter().find(|a| a.id == to.0), accounts.iter().find(|a| a.id == about.0))
        else {
            continue;
        };
        let link = format!("{}/reviews/{}/{}", context.public_url, at.id, employee.id);
        let notice = Notice::new(NotificationKind::ReviewReminder).about(about);
        let mail = |lang, address: &str, name: &str| {
            review_reminder_mail(lang, address, name, &employee.name, &closes_on, &link)
        };
        notify(db, org, recipient, notice, mail, now).await?;
        told += 1;
    }
    Ok(told)
}
