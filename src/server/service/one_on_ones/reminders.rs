//! The day before a 1:1 meets, both of its people are told, once — also
//! when several app servers run the job: a meeting is claimed by setting
//! its `reminded_at`, which only one update can do. A meeting moved to
//! another moment is told of again.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::domain::AppError;
use crate::domain::ids::{OrgId, UserId};
use crate::domain::notifications::NotificationKind;
use crate::server::db::internal;
use crate::server::entity::{one_on_one as series, one_on_one_meeting as meeting, user_account};
use crate::server::messages::one_on_one_mail;
use crate::server::service::local_time::shown;
use crate::server::service::notifications::jobs::JobContext;
use crate::server::service::notifications::{Notice, notify};

/// How long before a meeting its people are told.
const AHEAD_HOURS: i64 = 24;

/// Tells both people of each 1:1 meeting in the coming day; says how many
/// meetings were told of.
pub async fn remind_of_upcoming(
    db: &DatabaseConnection,
    context: &JobContext,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let coming = meeting::Entity::find()
        .filter(meeting::Column::HeldAt.is_null())
        .filter(meeting::Column::RemindedAt.is_null())
        .filter(meeting::Column::ScheduledAt.between(now, now + Duration::hours(AHEAD_HOURS)))
        .all(db)
        .await
        .map_err(internal)?;
    let mut told = 0;
    for row in coming {
        let claimed = meeting::Entity::update_many()
            .col_expr(meeting::Column::RemindedAt, Expr::value(Some(now)))
            .filter(meeting::Column::Id.eq(row.id))
            .filter(meeting::Column::RemindedAt.is_null())
            .exec(db)
            .await
            .map_err(internal)?;
        if claimed.rows_affected != 1 {
            continue;
        }
        let Some(pair) = series::Entity::find_by_id(row.series_id).one(db).await.map_err(internal)? else {
            continue;
        };
        let people = user_account::Entity::find()
            .filter(user_account::Column::Id.is_in([pair.manager_id, pair.employee_id]))
            .all(db)
            .await
            .map_err(internal)?;
        let at = shown(row.scheduled_at, context.time_zone);
        let link = format!("{}/one-on-ones/{}", context.public_url, pair.id);
        for person in &people {
            let Some(other) = people.iter().find(|p| p.id != person.id) else { continue };
            let notice = Notice::new(NotificationKind::OneOnOneUpcoming).about(UserId(other.id));
            let mail = |lang, to: &str, name: &str| one_on_one_mail(lang, to, name, &other.name, &at, &link);
            notify(db, OrgId(pair.org_id), person, notice, mail, now).await?;
        }
        told += 1;
    }
    Ok(told)
}
