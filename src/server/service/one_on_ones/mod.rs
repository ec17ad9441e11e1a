//! 1:1 conversations (issue 6, PRODUCT.md §3.4b). A manager and an
//! employee — either of them starts it — meet weekly, fortnightly or
//! monthly. The one meeting not yet held has an agenda both add talking
//! points to; a point can be private to its author. Marking the meeting
//! held keeps its shared notes, plans the next one, and carries the points
//! not discussed over to it. Action items have an owner and an optional due
//! date and stay open until done. Only the two people reach any of it — not
//! admins, not other managers — and every text is sealed under the
//! organisation's data key.

mod reminders;
mod schedule;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait,
};

pub use reminders::remind_of_upcoming;

use crate::domain::AppError;
use crate::domain::dto::{
    ActionItem, ActionItemForm, HeldForm, MEETING_NOTES_MAX, Meeting, OneOnOneDetails, OneOnOneSummary,
    OneOnOnes, POINT_MAX, PersonRef, PlanOneOnOneForm, PointForm, TalkingPoint,
};
use crate::domain::ids::{ActionItemId, OneOnOneId, PointId, UserId};
use crate::domain::one_on_ones::Cadence;
use crate::domain::validation::{Checks, Problem};
use crate::server::auth::OrgScope;
use crate::server::auth::reach::ManagerMap;
use crate::server::crypto::{Keyring, Purpose, TenantCipher};
use crate::server::db::internal;
use crate::server::entity::{
    one_on_one as series, one_on_one_action as action, one_on_one_meeting as meeting,
    one_on_one_point as point, user_account,
};
use crate::server::service::local_time::{as_local_input, future_moment, shown};
use crate::server::service::names::Names;
use crate::server::service::tenant_keys;

/// Held meetings a 1:1's page shows, newest first.
const HISTORY_SIZE: u64 = 20;

fn record(table: &str, id: uuid::Uuid, field: &str) -> String {
    format!("{table}/{id}/{field}")
}

async fn cipher(
    db: &impl ConnectionTrait,
    keys: &Keyring,
    scope: &OrgScope,
) -> Result<TenantCipher, AppError> {
    tenant_keys::content_cipher(db, keys, scope.org).await
}

fn open(cipher: &TenantCipher, record: &str, sealed: &[u8]) -> Result<String, AppError> {
    cipher.open_text(Purpose::Conversation, record, sealed).map_err(|error| {
        tracing::error!(%error, "a sealed conversation text does not open");
        AppError::Internal
    })
}

/// The viewer's 1:1s with their next meetings, and the reports and
/// managers they have none with yet.
pub async fn overview(
    db: &DatabaseConnection,
    scope: &OrgScope,
    time_zone: chrono_tz::Tz,
) -> Result<OneOnOnes, AppError> {
    let mine = series::Entity::find()
        .filter(series::Column::OrgId.eq(scope.org.0))
        .filter(
            Condition::any()
                .add(series::Column::ManagerId.eq(scope.user.0))
                .add(series::Column::EmployeeId.eq(scope.user.0)),
        )
        .all(db)
        .await
        .map_err(internal)?;
    let ids: Vec<uuid::Uuid> = mine.iter().map(|s| s.id).collect();
    let upcoming: HashMap<uuid::Uuid, DateTime<Utc>> = meeting::Entity::find()
        .filter(meeting::Column::SeriesId.is_in(ids.clone()))
        .filter(meeting::Column::HeldAt.is_null())
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|m| (m.series_id, m.scheduled_at))
        .collect();
    let open_actions: HashMap<uuid::Uuid, i64> = action::Entity::find()
        .select_only()
        .column(action::Column::SeriesId)
        .column_as(action::Column::Id.count(), "open")
        .filter(action::Column::SeriesId.is_in(ids))
        .filter(action::Column::DoneAt.is_null())
        .group_by(action::Column::SeriesId)
        .into_tuple::<(uuid::Uuid, i64)>()
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .collect();
    let others: Vec<UserId> = mine
        .iter()
        .map(|s| if s.manager_id == scope.user.0 { s.employee_id } else { s.manager_id })
        .map(UserId)
        .collect();
    let names = Names::of(db, others.iter().map(|o| o.0)).await?;
    let mut summaries: Vec<OneOnOneSummary> = mine
        .iter()
        .map(|s| {
            let managing = s.manager_id == scope.user.0;
            let other = if managing { s.employee_id } else { s.manager_id };
            OneOnOneSummary {
                id: OneOnOneId(s.id),
                with: names.person(other),
                managing,
                cadence: Cadence::from_code(&s.cadence).unwrap_or(Cadence::Weekly),
                next: upcoming.get(&s.id).map(|at| shown(*at, time_zone)).unwrap_or_default(),
                open_actions: open_actions
                    .get(&s.id)
                    .copied()
                    .unwrap_or_default()
                    .try_into()
                    .unwrap_or(u32::MAX),
            }
        })
        .collect();
    summaries.sort_by(|a, b| a.next.cmp(&b.next));
    let partners = partners(db, scope).await?.into_iter().filter(|p| !others.contains(&p.id)).collect();
    Ok(OneOnOnes { series: summaries, partners })
}

/// Starts a 1:1 with a report or a manager of the viewer, its first meeting
/// at the moment given.
pub async fn plan(
    db: &DatabaseConnection,
    scope: &OrgScope,
    form: &PlanOneOnOneForm,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<OneOnOneId, AppError> {
    let mut c = Checks::default();
    let with = form.with.trim().parse::<uuid::Uuid>().ok().map(UserId);
    if with.is_none() {
        c.fail("with", Problem::Required);
    }
    let cadence = Cadence::from_code(form.cadence.trim());
    if cadence.is_none() {
        c.fail("cadence", Problem::NotAChoice);
    }
    c.finish().map_err(|errors| AppError::Invalid { errors })?;
    let (with, cadence) = (with.unwrap_or(scope.user), cadence.unwrap_or(Cadence::Weekly));
    let first = future_moment("first", &form.first, time_zone, now)?;
    let map = ManagerMap::load(db, scope.org).await.map_err(internal)?;
    let (manager, employee) = if map.managers_of(with).contains(&scope.user) {
        (scope.user, with)
    } else if map.managers_of(scope.user).contains(&with) {
        (with, scope.user)
    } else {
        return Err(AppError::invalid("with", Problem::NotAChoice));
    };
    let existing = series::Entity::find()
        .filter(series::Column::OrgId.eq(scope.org.0))
        .filter(
            Condition::any()
                .add(series::Column::ManagerId.eq(manager.0).and(series::Column::EmployeeId.eq(employee.0)))
                .add(series::Column::ManagerId.eq(employee.0).and(series::Column::EmployeeId.eq(manager.0))),
        )
        .one(db)
        .await
        .map_err(internal)?;
    if existing.is_some() {
        return Err(AppError::invalid("with", Problem::NotAChoice));
    }
    let id = uuid::Uuid::now_v7();
    let txn = db.begin().await.map_err(internal)?;
    series::ActiveModel {
        id: Set(id),
        org_id: Set(scope.org.0),
        manager_id: Set(manager.0),
        employee_id: Set(employee.0),
        cadence: Set(cadence.code().to_owned()),
        created_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(internal)?;
    insert_meeting(&txn, scope, id, first).await?;
    txn.commit().await.map_err(internal)?;
    Ok(OneOnOneId(id))
}

/// A 1:1 as one of its two people sees it: the upcoming agenda with the
/// shared points and their own private ones, the action items, and the
/// meetings held.
pub async fn details(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    id: OneOnOneId,
    time_zone: chrono_tz::Tz,
) -> Result<OneOnOneDetails, AppError> {
    let found = series_of(db, scope, id).await?;
    let cipher = cipher(db, keys, scope).await?;
    let upcoming = upcoming(db, found.id).await?;
    let held = meeting::Entity::find()
        .filter(meeting::Column::SeriesId.eq(found.id))
        .filter(meeting::Column::HeldAt.is_not_null())
        .order_by_desc(meeting::Column::ScheduledAt)
        .limit(HISTORY_SIZE)
        .all(db)
        .await
        .map_err(internal)?;
    let names = Names::of(db, [found.manager_id, found.employee_id]).await?;
    let meeting_ids: Vec<uuid::Uuid> = held.iter().map(|m| m.id).chain([upcoming.id]).collect();
    let mut points: HashMap<uuid::Uuid, Vec<TalkingPoint>> = HashMap::new();
    for row in point::Entity::find()
        .filter(point::Column::MeetingId.is_in(meeting_ids))
        .filter(
            Condition::any()
                .add(point::Column::Private.eq(false))
                .add(point::Column::AuthorId.eq(scope.user.0)),
        )
        .order_by_asc(point::Column::CreatedAt)
        .order_by_asc(point::Column::Id)
        .all(db)
        .await
        .map_err(internal)?
    {
        points.entry(row.meeting_id).or_default().push(TalkingPoint {
            id: PointId(row.id),
            author: names.person(row.author_id),
            mine: row.author_id == scope.user.0,
            private: row.private,
            body: open(&cipher, &record("one_on_one_point", row.id, "body"), &row.body)?,
            discussed: row.discussed,
            carried_over: row.carried_over.try_into().unwrap_or_default(),
        });
    }
    let mut as_meeting = |row: &meeting::Model| -> Result<Meeting, AppError> {
        let notes = row
            .notes
            .as_deref()
            .map(|sealed| open(&cipher, &record("one_on_one_meeting", row.id, "notes"), sealed))
            .transpose()?;
        Ok(Meeting {
            at: shown(row.scheduled_at, time_zone),
            at_local: as_local_input(row.scheduled_at, time_zone),
            notes,
            points: points.remove(&row.id).unwrap_or_default(),
        })
    };
    let upcoming = as_meeting(&upcoming)?;
    let history = held.iter().map(&mut as_meeting).collect::<Result<Vec<_>, _>>()?;
    let mut actions = Vec::new();
    for row in action::Entity::find()
        .filter(action::Column::SeriesId.eq(found.id))
        .order_by_asc(action::Column::DoneAt)
        .order_by_asc(action::Column::DueOn)
        .order_by_asc(action::Column::CreatedAt)
        .all(db)
        .await
        .map_err(internal)?
    {
        actions.push(ActionItem {
            id: ActionItemId(row.id),
            owner: names.person(row.owner_id),
            body: open(&cipher, &record("one_on_one_action", row.id, "body"), &row.body)?,
            due_on: row.due_on.map(|d| d.to_string()),
            done: row.done_at.is_some(),
        });
    }
    // Open items first, whatever the database sorts empty values as.
    actions.sort_by_key(|a| a.done);
    let other = if found.manager_id == scope.user.0 { found.employee_id } else { found.manager_id };
    Ok(OneOnOneDetails {
        id: OneOnOneId(found.id),
        with: names.person(other),
        manager: names.person(found.manager_id),
        employee: names.person(found.employee_id),
        cadence: Cadence::from_code(&found.cadence).unwrap_or(Cadence::Weekly),
        upcoming,
        actions,
        history,
    })
}

/// Adds a talking point to the upcoming meeting, shared or private.
pub async fn add_point(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    id: OneOnOneId,
    form: &PointForm,
    now: DateTime<Utc>,
) -> Result<PointId, AppError> {
    let mut c = Checks::default();
    let body = c.text("body", &form.body, POINT_MAX);
    c.finish().map_err(|errors| AppError::Invalid { errors })?;
    let found = series_of(db, scope, id).await?;
    let upcoming = upcoming(db, found.id).await?;
    let cipher = cipher(db, keys, scope).await?;
    let point_id = uuid::Uuid::now_v7();
    point::ActiveModel {
        id: Set(point_id),
        org_id: Set(scope.org.0),
        meeting_id: Set(upcoming.id),
        author_id: Set(scope.user.0),
        private: Set(form.private.is_some()),
        body: Set(cipher.seal_text(
            Purpose::Conversation,
            &record("one_on_one_point", point_id, "body"),
            &body,
        )),
        discussed: Set(false),
        carried_over: Set(0),
        created_at: Set(now),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    Ok(PointId(point_id))
}

/// Ticks a point of the upcoming meeting off as discussed, or back. Either
/// of the two may for a shared point; only its author for a private one.
pub async fn set_discussed(
    db: &DatabaseConnection,
    scope: &OrgScope,
    id: PointId,
    discussed: bool,
) -> Result<(), AppError> {
    let row = reachable_point(db, scope, id).await?;
    point::ActiveModel { id: Set(row.id), discussed: Set(discussed), ..Default::default() }
        .update(db)
        .await
        .map(|_| ())
        .map_err(internal)
}

/// Its author takes a point off the upcoming meeting's agenda.
pub async fn delete_point(db: &DatabaseConnection, scope: &OrgScope, id: PointId) -> Result<(), AppError> {
    let row = reachable_point(db, scope, id).await?;
    if row.author_id != scope.user.0 {
        return Err(AppError::Forbidden);
    }
    point::Entity::delete_by_id(row.id).exec(db).await.map(|_| ()).map_err(internal)
}

/// Agrees an action item for one of the two, in the upcoming meeting.
pub async fn add_action(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    id: OneOnOneId,
    form: &ActionItemForm,
    now: DateTime<Utc>,
) -> Result<ActionItemId, AppError> {
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let found = series_of(db, scope, id).await?;
    if ![found.manager_id, found.employee_id].contains(&checked.owner) {
        return Err(AppError::invalid("owner", Problem::NotAChoice));
    }
    let due_on = checked
        .due_on
        .as_deref()
        .map(|d| d.parse::<NaiveDate>().map_err(|_| AppError::invalid("due_on", Problem::InvalidDate)))
        .transpose()?;
    let upcoming = upcoming(db, found.id).await?;
    let cipher = cipher(db, keys, scope).await?;
    let action_id = uuid::Uuid::now_v7();
    let body = cipher.seal_text(
        Purpose::Conversation,
        &record("one_on_one_action", action_id, "body"),
        &checked.body,
    );
    action::ActiveModel {
        id: Set(action_id),
        org_id: Set(scope.org.0),
        series_id: Set(found.id),
        meeting_id: Set(upcoming.id),
        owner_id: Set(checked.owner),
        body: Set(body),
        due_on: Set(due_on),
        done_at: Set(None),
        created_at: Set(now),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    Ok(ActionItemId(action_id))
}

/// Either of the two marks an action item done, or open again.
pub async fn set_action_done(
    db: &DatabaseConnection,
    scope: &OrgScope,
    id: ActionItemId,
    done: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let row = action::Entity::find_by_id(id.0)
        .filter(action::Column::OrgId.eq(scope.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    series_of(db, scope, OneOnOneId(row.series_id)).await?;
    action::ActiveModel { id: Set(row.id), done_at: Set(done.then_some(now)), ..Default::default() }
        .update(db)
        .await
        .map(|_| ())
        .map_err(internal)
}

/// Marks the upcoming meeting held with its shared notes, plans the next
/// one (at `form.next`, or as the schedule gives), and carries the points
/// not discussed over to it.
pub async fn hold(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    id: OneOnOneId,
    form: &HeldForm,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut c = Checks::default();
    let notes = c.optional_text("notes", &form.notes, MEETING_NOTES_MAX);
    c.finish().map_err(|errors| AppError::Invalid { errors })?;
    let found = series_of(db, scope, id).await?;
    let next_at = if form.next.trim().is_empty() {
        let cadence = Cadence::from_code(&found.cadence).unwrap_or(Cadence::Weekly);
        let upcoming = upcoming(db, found.id).await?;
        schedule::next_after(upcoming.scheduled_at, cadence, time_zone, now)
    } else {
        future_moment("next", &form.next, time_zone, now)?
    };
    let cipher = cipher(db, keys, scope).await?;
    let txn = db.begin().await.map_err(internal)?;
    let held = upcoming(&txn, found.id).await?;
    let sealed = (!notes.is_empty()).then(|| {
        cipher.seal_text(Purpose::Conversation, &record("one_on_one_meeting", held.id, "notes"), &notes)
    });
    // Only one of two people marking it at once succeeds.
    let marked = meeting::Entity::update_many()
        .col_expr(meeting::Column::HeldAt, Expr::value(Some(now)))
        .col_expr(meeting::Column::Notes, Expr::value(sealed))
        .filter(meeting::Column::Id.eq(held.id))
        .filter(meeting::Column::HeldAt.is_null())
        .exec(&txn)
        .await
        .map_err(internal)?;
    if marked.rows_affected != 1 {
        return Err(AppError::invalid("notes", Problem::NotNow));
    }
    let next = insert_meeting(&txn, scope, found.id, next_at).await?;
    point::Entity::update_many()
        .col_expr(point::Column::MeetingId, Expr::value(next))
        .col_expr(point::Column::CarriedOver, Expr::col(point::Column::CarriedOver).add(1))
        .filter(point::Column::MeetingId.eq(held.id))
        .filter(point::Column::Discussed.eq(false))
        .exec(&txn)
        .await
        .map_err(internal)?;
    txn.commit().await.map_err(internal)
}

/// Moves the upcoming meeting to another moment ahead.
pub async fn reschedule(
    db: &DatabaseConnection,
    scope: &OrgScope,
    id: OneOnOneId,
    local: &str,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let at = future_moment("at", local, time_zone, now)?;
    let found = series_of(db, scope, id).await?;
    let upcoming = upcoming(db, found.id).await?;
    meeting::ActiveModel {
        id: Set(upcoming.id),
        scheduled_at: Set(at),
        reminded_at: Set(None),
        ..Default::default()
    }
    .update(db)
    .await
    .map(|_| ())
    .map_err(internal)
}

/// A 1:1 the viewer is one of the two of; for anyone else it does not exist.
async fn series_of(
    db: &impl ConnectionTrait,
    scope: &OrgScope,
    id: OneOnOneId,
) -> Result<series::Model, AppError> {
    series::Entity::find_by_id(id.0)
        .filter(series::Column::OrgId.eq(scope.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .filter(|s| s.manager_id == scope.user.0 || s.employee_id == scope.user.0)
        .ok_or(AppError::NotFound)
}

/// The one meeting of a 1:1 not yet held.
async fn upcoming(db: &impl ConnectionTrait, series_id: uuid::Uuid) -> Result<meeting::Model, AppError> {
    meeting::Entity::find()
        .filter(meeting::Column::SeriesId.eq(series_id))
        .filter(meeting::Column::HeldAt.is_null())
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::Internal)
}

async fn insert_meeting(
    db: &impl ConnectionTrait,
    scope: &OrgScope,
    series_id: uuid::Uuid,
    at: DateTime<Utc>,
) -> Result<uuid::Uuid, AppError> {
    let id = uuid::Uuid::now_v7();
    meeting::ActiveModel {
        id: Set(id),
        org_id: Set(scope.org.0),
        series_id: Set(series_id),
        scheduled_at: Set(at),
        held_at: Set(None),
        notes: Set(None),
        reminded_at: Set(None),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    Ok(id)
}

/// A point on the agenda of a meeting not yet held, of a 1:1 of the
/// viewer's, that the viewer may see: shared, or their own.
async fn reachable_point(
    db: &DatabaseConnection,
    scope: &OrgScope,
    id: PointId,
) -> Result<point::Model, AppError> {
    let row = point::Entity::find_by_id(id.0)
        .filter(point::Column::OrgId.eq(scope.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .filter(|p| !p.private || p.author_id == scope.user.0)
        .ok_or(AppError::NotFound)?;
    let on = meeting::Entity::find_by_id(row.meeting_id)
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    series_of(db, scope, OneOnOneId(on.series_id)).await?;
    if on.held_at.is_some() {
        return Err(AppError::invalid("point", Problem::NotNow));
    }
    Ok(row)
}

/// The viewer's reports and managers, active, by name.
async fn partners(db: &DatabaseConnection, scope: &OrgScope) -> Result<Vec<PersonRef>, AppError> {
    let map = ManagerMap::load(db, scope.org).await.map_err(internal)?;
    let people = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(scope.org.0))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .filter(user_account::Column::Id.ne(scope.user.0))
        .order_by_asc(user_account::Column::Name)
        .all(db)
        .await
        .map_err(internal)?;
    let managers = map.managers_of(scope.user);
    Ok(people
        .into_iter()
        .filter(|p| managers.contains(&UserId(p.id)) || map.managers_of(UserId(p.id)).contains(&scope.user))
        .map(|p| PersonRef { id: UserId(p.id), name: p.name })
        .collect())
}

#[cfg(test)]
mod tests;
