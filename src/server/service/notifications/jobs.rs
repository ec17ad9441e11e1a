//! The jobs behind notifications, run by every app server every few
//! minutes: each reminder and each digest goes out once, however many
//! servers run them — a reminder is claimed by inserting its row (the
//! primary key refuses a second), a digest by moving its subscription's
//! `last_sent_at` (only one update can match).

use std::time::Duration as StdDuration;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set,
    TransactionTrait,
};

use super::{Notice, notify};
use crate::domain::AppError;
use crate::domain::goals::{GoalStatus, PlanState};
use crate::domain::ids::{GoalId, OrgId, UserId};
use crate::domain::notifications::{DUE_SOON_DAYS, NotificationKind};
use crate::server::auth::reach::ManagerMap;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::{
    digest_subscription, goal, goal_due_reminder, goal_plan, notification, user_account,
};
use crate::server::messages::{DigestFigures, Wakeup, enqueue_mail, goal_due_mail, weekly_digest_mail};

/// How often the jobs look for work.
const INTERVAL: StdDuration = StdDuration::from_secs(10 * 60);
/// The weekly digest goes out on Mondays from this hour, local time.
const DIGEST_HOUR: u32 = 7;
/// The digest counts goals due within this many days.
const DIGEST_DUE_DAYS: i64 = 14;

/// Where the jobs run: the installation's address and time zone, the
/// keys (the destruction of an organisation destroys its key), the data
/// directory (where full exports wait for their download) and the object
/// store (where the destruction deletes the organisation's documents).
#[derive(Clone, Debug)]
pub struct JobContext {
    pub public_url: String,
    pub time_zone: chrono_tz::Tz,
    pub keys: Keyring,
    pub data_directory: std::path::PathBuf,
    pub storage: crate::server::storage::Storage,
}

/// The jobs, by the name `koers run-jobs --only` takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Job {
    GoalReminders,
    WeeklyDigests,
    OneOnOneReminders,
    ReviewReminders,
    ReviewCycles,
    /// Destroys the organisations whose day of destruction has come (DPA 8.A).
    Destructions,
    /// Deletes full exports whose download link has expired (DPA 8.B).
    ExpiredExports,
    /// Opens, reminds, closes and repeats survey rounds; asks newcomers.
    SurveyRounds,
    /// Deletes stored files whose documents went without them (issue 10).
    OrphanedDocuments,
}

impl Job {
    pub const ALL: [Job; 9] = [
        Job::GoalReminders,
        Job::WeeklyDigests,
        Job::OneOnOneReminders,
        Job::ReviewReminders,
        Job::ReviewCycles,
        Job::Destructions,
        Job::ExpiredExports,
        Job::SurveyRounds,
        Job::OrphanedDocuments,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Job::GoalReminders => "goal-reminders",
            Job::WeeklyDigests => "weekly-digests",
            Job::OneOnOneReminders => "one-on-one-reminders",
            Job::ReviewReminders => "review-reminders",
            Job::ReviewCycles => "review-cycles",
            Job::Destructions => "destructions",
            Job::ExpiredExports => "expired-exports",
            Job::SurveyRounds => "survey-rounds",
            Job::OrphanedDocuments => "orphaned-documents",
        }
    }

    pub fn from_name(name: &str) -> Option<Job> {
        Job::ALL.into_iter().find(|job| job.name() == name)
    }
}

/// Runs the jobs now and then every ten minutes, waking the message
/// worker when they queued mail.
pub fn spawn(db: DatabaseConnection, context: JobContext, outbox: Wakeup) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if run_once(&db, &context, Utc::now(), None).await > 0 {
                outbox.notify();
            }
            tokio::time::sleep(INTERVAL).await;
        }
    })
}

/// Runs the jobs once as at `now` — reminders, digests, copying yearly
/// review cycles forward, destroying organisations whose day has come and
/// deleting expired exports —
/// all of them, or only `only`; says how much they did. A failing job is
/// logged and does not stop the others. `koers run-jobs --at` runs this
/// with another moment, to test what happens on a given day.
pub async fn run_once(
    db: &DatabaseConnection,
    context: &JobContext,
    now: DateTime<Utc>,
    only: Option<Job>,
) -> usize {
    use crate::server::service::{contract_end, documents, full_export, one_on_ones, reviews, surveys};

    let today = now.with_timezone(&context.time_zone).date_naive();
    let mut done = 0;
    for job in Job::ALL.into_iter().filter(|job| only.is_none_or(|only| only == *job)) {
        let outcome = match job {
            Job::GoalReminders => remind_of_due_goals(db, context, now).await,
            Job::WeeklyDigests => send_weekly_digests(db, context, now).await,
            Job::OneOnOneReminders => one_on_ones::remind_of_upcoming(db, context, now).await,
            Job::ReviewReminders => reviews::reminders::remind_writers(db, context, now).await,
            Job::ReviewCycles => reviews::cycles::copy_forward(db, today, now).await,
            Job::Destructions => {
                let keys = (&context.keys, &context.storage);
                contract_end::destroy_due(db, keys, context.time_zone, &context.data_directory, now).await
            }
            Job::ExpiredExports => full_export::discard_expired(db, &context.data_directory, now).await,
            Job::SurveyRounds => surveys::rounds::run(db, context, now).await,
            Job::OrphanedDocuments => documents::sweep(db, &context.storage, now).await,
        };
        match outcome {
            Ok(0) => {}
            Ok(count) => {
                tracing::info!(job = job.name(), count, "job done");
                done += count;
            }
            Err(error) => tracing::error!(%error, job = job.name(), "job failed"),
        }
    }
    done
}

/// Reminds owners of their goals due within a week that are not done or
/// cancelled, once per goal and due date; says how many were reminded.
pub async fn remind_of_due_goals(
    db: &DatabaseConnection,
    context: &JobContext,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let today = now.with_timezone(&context.time_zone).date_naive();
    let due = goal::Entity::find()
        .filter(goal::Column::OwnerId.is_not_null())
        .filter(goal::Column::DueOn.between(today, today + Duration::days(DUE_SOON_DAYS)))
        .filter(goal::Column::Status.is_not_in([GoalStatus::Done.code(), GoalStatus::Cancelled.code()]))
        .filter(goal::Column::Id.not_in_subquery(already_reminded()))
        .all(db)
        .await
        .map_err(internal)?;
    let mut reminded = 0;
    for row in due {
        let (Some(owner), Some(due_on)) = (row.owner_id, row.due_on) else { continue };
        let txn = db.begin().await.map_err(internal)?;
        let claimed = goal_due_reminder::Entity::insert(goal_due_reminder::ActiveModel {
            goal_id: Set(row.id),
            due_on: Set(due_on),
            sent_at: Set(now),
        })
        .on_conflict(
            OnConflict::columns([goal_due_reminder::Column::GoalId, goal_due_reminder::Column::DueOn])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await
        .map_err(internal)?;
        let owner = if claimed == 1 {
            user_account::Entity::find_by_id(owner).one(&txn).await.map_err(internal)?
        } else {
            None // another server reminded of it
        };
        if let Some(person) = owner {
            let notice = Notice::new(NotificationKind::GoalDueSoon).goal(GoalId(row.id)).year(row.year);
            let link = format!("{}/goals/{}", context.public_url, row.id);
            let date = due_on.format("%Y-%m-%d").to_string();
            let mail = |lang, to: &str, name: &str| goal_due_mail(lang, to, name, &date, &link);
            notify(&txn, OrgId(row.org_id), &person, notice, mail, now).await?;
            reminded += 1;
        }
        txn.commit().await.map_err(internal)?;
    }
    Ok(reminded)
}

/// The goals reminded of for their current due date: left out before
/// claiming, so each round only looks at what is new.
fn already_reminded() -> sea_orm::sea_query::SelectStatement {
    use sea_orm::sea_query::ExprTrait;
    Query::select()
        .column(goal_due_reminder::Column::GoalId)
        .from(goal_due_reminder::Entity)
        .and_where(
            Expr::col((goal_due_reminder::Entity, goal_due_reminder::Column::DueOn))
                .eq(Expr::col((goal::Entity, goal::Column::DueOn))),
        )
        .to_owned()
}

/// From Monday 07:00 local time, sends each subscriber of before then who
/// has not had it this week their digest: counts only, the content stays in Koers. A week
/// with nothing to report sends nothing. Says how many went out.
pub async fn send_weekly_digests(
    db: &DatabaseConnection,
    context: &JobContext,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let Some(week_start) = digest_week_start(now, context.time_zone) else { return Ok(0) };
    if now < week_start {
        return Ok(0);
    }
    let not_this_week = || {
        Condition::any()
            .add(digest_subscription::Column::LastSentAt.is_null())
            .add(digest_subscription::Column::LastSentAt.lt(week_start))
    };
    let waiting = digest_subscription::Entity::find()
        .filter(digest_subscription::Column::SubscribedAt.lt(week_start))
        .filter(not_this_week())
        .all(db)
        .await
        .map_err(internal)?;
    let today = now.with_timezone(&context.time_zone).date_naive();
    let mut sent = 0;
    for subscription in waiting {
        let claimed = digest_subscription::Entity::update_many()
            .col_expr(digest_subscription::Column::LastSentAt, Expr::value(now))
            .filter(digest_subscription::Column::UserId.eq(subscription.user_id))
            .filter(not_this_week())
            .exec(db)
            .await
            .map_err(internal)?;
        if claimed.rows_affected != 1 {
            continue; // another server sends this one
        }
        let Some(person) =
            user_account::Entity::find_by_id(subscription.user_id).one(db).await.map_err(internal)?
        else {
            continue;
        };
        let (Some(address), None) = (person.email.as_deref(), person.deactivated_at) else { continue };
        let figures = figures_for(db, &person, today).await?;
        if figures.is_empty() {
            continue;
        }
        let lang = crate::i18n::Lang::from_code(&person.language).unwrap_or_default();
        let link = format!("{}/goals", context.public_url);
        let mail = weekly_digest_mail(lang, address, &person.name, &figures, &link);
        enqueue_mail(db, Some(OrgId(person.org_id)), "weekly_digest", mail, now).await.map_err(internal)?;
        sent += 1;
    }
    Ok(sent)
}

/// Monday `DIGEST_HOUR`:00 of the week `now` falls in, local time.
fn digest_week_start(now: DateTime<Utc>, time_zone: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    let local = now.with_timezone(&time_zone);
    let monday = local.date_naive() - Duration::days(i64::from(local.weekday().num_days_from_monday()));
    let start = monday.and_hms_opt(DIGEST_HOUR, 0, 0)?;
    Some(time_zone.from_local_datetime(&start).earliest()?.with_timezone(&Utc))
}

/// What a person's digest counts.
async fn figures_for(
    db: &DatabaseConnection,
    person: &user_account::Model,
    today: NaiveDate,
) -> Result<DigestFigures, AppError> {
    let open = [GoalStatus::Done.code(), GoalStatus::Cancelled.code()];
    let own = || {
        goal::Entity::find()
            .filter(goal::Column::OrgId.eq(person.org_id))
            .filter(goal::Column::OwnerId.eq(person.id))
    };
    let due_soon = own()
        .filter(goal::Column::Status.is_not_in(open))
        .filter(goal::Column::DueOn.between(today, today + Duration::days(DIGEST_DUE_DAYS)))
        .count(db)
        .await
        .map_err(internal)?;
    let behind = own()
        .filter(goal::Column::Status.is_in([GoalStatus::AtRisk.code(), GoalStatus::Behind.code()]))
        .filter(goal::Column::Year.eq(today.year()))
        .count(db)
        .await
        .map_err(internal)?;
    let of_organisation = Query::select()
        .column(user_account::Column::Id)
        .from(user_account::Entity)
        .and_where(user_account::Column::OrgId.eq(person.org_id))
        .to_owned();
    let submitted: Vec<UserId> = goal_plan::Entity::find()
        .filter(goal_plan::Column::State.eq(PlanState::Submitted.code()))
        .filter(goal_plan::Column::OwnerId.in_subquery(of_organisation))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|plan| UserId(plan.owner_id))
        .collect();
    let awaiting_approval = if submitted.is_empty() {
        0
    } else {
        let map = ManagerMap::load(db, OrgId(person.org_id)).await.map_err(internal)?;
        map.reports_of(UserId(person.id), submitted).len() as u64
    };
    let unread = notification::Entity::find()
        .filter(notification::Column::UserId.eq(person.id))
        .filter(notification::Column::ReadAt.is_null())
        .count(db)
        .await
        .map_err(internal)?;
    let count = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(DigestFigures {
        due_soon: count(due_soon),
        behind: count(behind),
        awaiting_approval: count(awaiting_approval),
        unread: count(unread),
    })
}
