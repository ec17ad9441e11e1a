//! The life of survey rounds, run by the jobs every few minutes: a round
//! opens when its day comes (fixing the threshold and who is asked), its
//! reminder goes out once, it closes when its time is up (dropping drafts
//! nobody sent), and a pulse plans its next round. Newcomers get an
//! onboarding survey a set number of days after their start date. Every
//! step is claimed with a conditional update, so with several servers
//! running the jobs each happens once.

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, Set, TransactionTrait,
};

use super::builder::{audience, open_for};
use crate::domain::AppError;
use crate::domain::anonymity::{MINIMUM_THRESHOLD, threshold};
use crate::domain::ids::{OrgId, SurveyRoundId};
use crate::domain::notifications::NotificationKind;
use crate::domain::surveys::SurveyKind;
use crate::server::auth::reach::Structure;
use crate::server::db::internal;
use crate::server::entity::{
    organisation, survey, survey_participant, survey_round, unit_member, user_account,
};
use crate::server::messages::{survey_opened_mail, survey_reminder_mail};
use crate::server::service::local_time::start_of_day;
use crate::server::service::notifications::jobs::JobContext;
use crate::server::service::notifications::{Notice, notify};

/// Adds a round of `survey` from `opens_at` to `closes_at`.
pub(super) async fn plan_round(
    db: &impl ConnectionTrait,
    survey: &survey::Model,
    (opens_at, closes_at): (DateTime<Utc>, DateTime<Utc>),
) -> Result<SurveyRoundId, AppError> {
    let id = uuid::Uuid::now_v7();
    survey_round::ActiveModel {
        id: Set(id),
        org_id: Set(survey.org_id),
        survey_id: Set(survey.id),
        opens_at: Set(opens_at),
        closes_at: Set(closes_at),
        threshold: Set(None),
        opened_at: Set(None),
        closed_at: Set(None),
        reminded_at: Set(None),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    Ok(SurveyRoundId(id))
}

/// Everything the rounds job does, as at `now`; says how many rounds and
/// people it dealt with.
pub async fn run(
    db: &DatabaseConnection,
    context: &JobContext,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let opened = open_due_everywhere(db, context, now).await?;
    let reminded = remind_due(db, context, now).await?;
    let closed = close_due(db, None, context.time_zone, now).await?;
    let newcomers = invite_newcomers(db, context, now).await?;
    Ok(opened + reminded + closed + newcomers)
}

/// Opens the due rounds of `org` now (when an admin opens one at once);
/// the invitations go out with the next run of the job.
pub async fn open_due(db: &DatabaseConnection, org: OrgId, now: DateTime<Utc>) -> Result<usize, AppError> {
    let mut opened = 0;
    for round in due_to_open(db, Some(org), now).await? {
        opened += usize::from(open(db, &round, now).await?.is_some());
    }
    Ok(opened)
}

async fn open_due_everywhere(
    db: &DatabaseConnection,
    context: &JobContext,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    for round in due_to_open(db, None, now).await? {
        open(db, &round, now).await?;
    }
    tell_open(db, context, now).await
}

/// Tells the people asked in open rounds who were not told yet: at once
/// when an admin opens a round, else with the job.
pub async fn tell_open(
    db: &DatabaseConnection,
    context: &JobContext,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let mut told = 0;
    let untold = survey_round::Entity::find()
        .filter(survey_round::Column::OpenedAt.is_not_null())
        .filter(survey_round::Column::ClosedAt.is_null())
        .all(db)
        .await
        .map_err(internal)?;
    let surveys = surveys_of(db, &untold).await?;
    for round in &untold {
        let Some(of_survey) = surveys.get(&round.survey_id) else { continue };
        told +=
            tell_participants(db, context, (round, of_survey), TellWhom::NotYetTold, &|_| true, now).await?;
    }
    Ok(told)
}

async fn due_to_open(
    db: &impl ConnectionTrait,
    org: Option<OrgId>,
    now: DateTime<Utc>,
) -> Result<Vec<survey_round::Model>, AppError> {
    let mut query = survey_round::Entity::find()
        .filter(survey_round::Column::OpenedAt.is_null())
        .filter(survey_round::Column::OpensAt.lte(now));
    if let Some(org) = org {
        query = query.filter(survey_round::Column::OrgId.eq(org.0));
    }
    query.all(db).await.map_err(internal)
}

/// Opens one round: fixes the organisation's threshold and asks everyone
/// in the audience (for onboarding, newcomers are asked one by one).
async fn open(
    db: &DatabaseConnection,
    round: &survey_round::Model,
    now: DateTime<Utc>,
) -> Result<Option<()>, AppError> {
    let txn = db.begin().await.map_err(internal)?;
    let Some(organisation) =
        organisation::Entity::find_by_id(round.org_id).one(&txn).await.map_err(internal)?
    else {
        return Ok(None);
    };
    let fixed = threshold(u32::try_from(organisation.survey_threshold).unwrap_or(MINIMUM_THRESHOLD));
    let claimed = survey_round::Entity::update_many()
        .col_expr(survey_round::Column::OpenedAt, Expr::value(Some(now)))
        .col_expr(survey_round::Column::Threshold, Expr::value(Some(i32::try_from(fixed).unwrap_or(5))))
        .filter(survey_round::Column::Id.eq(round.id))
        .filter(survey_round::Column::OpenedAt.is_null())
        .exec(&txn)
        .await
        .map_err(internal)?;
    if claimed.rows_affected != 1 {
        txn.rollback().await.map_err(internal)?;
        return Ok(None);
    }
    let Some(of_survey) = survey::Entity::find_by_id(round.survey_id).one(&txn).await.map_err(internal)?
    else {
        return Ok(None);
    };
    if SurveyKind::from_code(&of_survey.kind) != Some(SurveyKind::Onboarding) {
        for person in people_asked(&txn, &of_survey).await? {
            add_participant(&txn, round, person).await?;
        }
    }
    txn.commit().await.map_err(internal)?;
    Ok(Some(()))
}

/// The active people in the survey's units and the units below them.
async fn people_asked(
    db: &impl ConnectionTrait,
    of_survey: &survey::Model,
) -> Result<Vec<user_account::Model>, AppError> {
    let org = OrgId(of_survey.org_id);
    let chosen = audience(db, of_survey.id).await?;
    let structure = Structure::load(db, org).await.map_err(internal)?;
    let units: Vec<uuid::Uuid> = structure
        .units()
        .filter(|unit| chosen.iter().any(|above| structure.is_within(*unit, *above)))
        .map(|unit| unit.0)
        .collect();
    let members: Vec<uuid::Uuid> = unit_member::Entity::find()
        .filter(unit_member::Column::UnitId.is_in(units))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(org.0))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .filter(user_account::Column::RestrictedAt.is_null())
        .filter(user_account::Column::Id.is_in(members))
        .all(db)
        .await
        .map_err(internal)
}

/// Asks `person` in `round`; asking twice (two servers at once) does nothing.
async fn add_participant(
    db: &impl ConnectionTrait,
    round: &survey_round::Model,
    person: user_account::Model,
) -> Result<(), AppError> {
    let row = survey_participant::ActiveModel {
        round_id: Set(round.id),
        user_id: Set(person.id),
        org_id: Set(round.org_id),
        answered: Set(false),
        draft: Set(None),
        told: Set(false),
        reminded: Set(false),
    };
    survey_participant::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([survey_participant::Column::RoundId, survey_participant::Column::UserId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await
        .map(|_| ())
        .map_err(internal)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TellWhom {
    /// Everyone asked who was not told yet that the round is open.
    NotYetTold,
    /// Everyone who has not answered and was not reminded yet.
    NotReminded,
}

/// Tells the participants of an open round whom `is_due` names, each at
/// most once per kind of message.
async fn tell_participants(
    db: &DatabaseConnection,
    context: &JobContext,
    (round, of_survey): (&survey_round::Model, &survey::Model),
    whom: TellWhom,
    is_due: &(dyn Fn(&user_account::Model) -> bool + Sync),
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let flag = match whom {
        TellWhom::NotYetTold => survey_participant::Column::Told,
        TellWhom::NotReminded => survey_participant::Column::Reminded,
    };
    let mut query = survey_participant::Entity::find()
        .filter(survey_participant::Column::RoundId.eq(round.id))
        .filter(flag.eq(false));
    if whom == TellWhom::NotReminded {
        query = query.filter(survey_participant::Column::Answered.eq(false));
    }
    let participants = query.all(db).await.map_err(internal)?;
    if participants.is_empty() {
        return Ok(0);
    }
    let mut accounts: std::collections::HashMap<uuid::Uuid, user_account::Model> =
        user_account::Entity::find()
            .filter(user_account::Column::Id.is_in(participants.iter().map(|p| p.user_id)))
            .all(db)
            .await
            .map_err(internal)?
            .into_iter()
            .filter(|account| is_due(account))
            .map(|account| (account.id, account))
            .collect();
    let closes_on = super::local_day(round.closes_at, context.time_zone);
    let link = format!("{}/surveys/answer/{}", context.public_url, round.id);
    let title =
        |lang| crate::domain::dto::in_language(lang, &of_survey.title_nl, &of_survey.title_en).to_owned();
    let mut told = 0;
    for participant in participants {
        let Some(person) = accounts.remove(&participant.user_id) else { continue };
        let txn = db.begin().await.map_err(internal)?;
        let claimed = survey_participant::Entity::update_many()
            .col_expr(flag, Expr::value(true))
            .filter(survey_participant::Column::RoundId.eq(round.id))
            .filter(survey_participant::Column::UserId.eq(participant.user_id))
            .filter(flag.eq(false))
            .exec(&txn)
            .await
            .map_err(internal)?;
        if claimed.rows_affected != 1 {
            continue;
        }
        let kind = match whom {
            TellWhom::NotYetTold => NotificationKind::SurveyOpened,
            TellWhom::NotReminded => NotificationKind::SurveyReminder,
        };
        let mail = |lang, to: &str, name: &str| match whom {
            TellWhom::NotYetTold => survey_opened_mail(lang, to, name, &title(lang), &closes_on, &link),
            TellWhom::NotReminded => survey_reminder_mail(lang, to, name, &title(lang), &closes_on, &link),
        };
        notify(&txn, OrgId(round.org_id), &person, Notice::new(kind), mail, now).await?;
        txn.commit().await.map_err(internal)?;
        told += 1;
    }
    Ok(told)
}

/// The surveys of `rounds`, by id, in one query.
async fn surveys_of(
    db: &impl ConnectionTrait,
    rounds: &[survey_round::Model],
) -> Result<std::collections::HashMap<uuid::Uuid, survey::Model>, AppError> {
    Ok(survey::Entity::find()
        .filter(survey::Column::Id.is_in(rounds.iter().map(|round| round.survey_id)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|of_survey| (of_survey.id, of_survey))
        .collect())
}

/// Reminds those who have not answered, once each, when the survey's
/// reminder day has come: its number of days after the round opened, or,
/// for an onboarding survey, after the newcomer was asked (their start
/// date plus the survey's days), since each newcomer is asked on their own day.
async fn remind_due(
    db: &DatabaseConnection,
    context: &JobContext,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let open = survey_round::Entity::find()
        .filter(survey_round::Column::OpenedAt.is_not_null())
        .filter(survey_round::Column::ClosedAt.is_null())
        .filter(survey_round::Column::RemindedAt.is_null())
        .filter(survey_round::Column::ClosesAt.gt(now))
        .all(db)
        .await
        .map_err(internal)?;
    let surveys = surveys_of(db, &open).await?;
    let today = now.with_timezone(&context.time_zone).date_naive();
    let mut told = 0;
    for round in &open {
        let Some(of_survey) = surveys.get(&round.survey_id) else { continue };
        let (Some(days), Some(opened)) = (of_survey.remind_after_days, round.opened_at) else { continue };
        let remind_after = Duration::days(i64::from(days));
        if SurveyKind::from_code(&of_survey.kind) == Some(SurveyKind::Onboarding) {
            let Some(asked_after) = of_survey.onboarding_days.map(|days| Duration::days(i64::from(days)))
            else {
                continue;
            };
            let is_due = |person: &user_account::Model| {
                person.started_on.is_some_and(|started| started + asked_after + remind_after <= today)
            };
            told += tell_participants(db, context, (round, of_survey), TellWhom::NotReminded, &is_due, now)
                .await?;
            continue;
        }
        if opened + remind_after > now {
            continue;
        }
        let claimed = survey_round::Entity::update_many()
            .col_expr(survey_round::Column::RemindedAt, Expr::value(Some(now)))
            .filter(survey_round::Column::Id.eq(round.id))
            .filter(survey_round::Column::RemindedAt.is_null())
            .exec(db)
            .await
            .map_err(internal)?;
        if claimed.rows_affected == 1 {
            told += tell_participants(db, context, (round, of_survey), TellWhom::NotReminded, &|_| true, now)
                .await?;
        }
    }
    Ok(told)
}

/// Closes the open rounds whose time is up (of `org`, or everywhere):
/// drafts nobody sent are dropped (which rewrites every participation of
/// the round), the answers are rewritten in random order, and a pulse plans
/// its next round.
pub async fn close_due(
    db: &DatabaseConnection,
    org: Option<OrgId>,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let mut query = survey_round::Entity::find()
        .filter(survey_round::Column::OpenedAt.is_not_null())
        .filter(survey_round::Column::ClosedAt.is_null())
        .filter(survey_round::Column::ClosesAt.lte(now));
    if let Some(org) = org {
        query = query.filter(survey_round::Column::OrgId.eq(org.0));
    }
    let due = query.all(db).await.map_err(internal)?;
    let surveys = surveys_of(db, &due).await?;
    let mut closed = 0;
    for round in due {
        let txn = db.begin().await.map_err(internal)?;
        let claimed = survey_round::Entity::update_many()
            .col_expr(survey_round::Column::ClosedAt, Expr::value(Some(now)))
            .filter(survey_round::Column::Id.eq(round.id))
            .filter(survey_round::Column::ClosedAt.is_null())
            .exec(&txn)
            .await
            .map_err(internal)?;
        if claimed.rows_affected != 1 {
            txn.rollback().await.map_err(internal)?;
            continue;
        }
        survey_participant::Entity::update_many()
            .col_expr(survey_participant::Column::Draft, Expr::value(Option::<Vec<u8>>::None))
            .filter(survey_participant::Column::RoundId.eq(round.id))
            .exec(&txn)
            .await
            .map_err(internal)?;
        let structure = Structure::load(&txn, OrgId(round.org_id)).await.map_err(internal)?;
        super::shuffle::shuffle_responses(&txn, round.id, &structure).await?;
        if let Some(of_survey) = surveys.get(&round.survey_id) {
            plan_next(&txn, of_survey, &round, time_zone).await?;
        }
        txn.commit().await.map_err(internal)?;
        closed += 1;
    }
    Ok(closed)
}

/// A pulse's next round, its interval after this one opened; an onboarding
/// survey's next quarter, to its last day in `time_zone`.
async fn plan_next(
    db: &impl ConnectionTrait,
    of_survey: &survey::Model,
    round: &survey_round::Model,
    time_zone: chrono_tz::Tz,
) -> Result<(), AppError> {
    let next = match (SurveyKind::from_code(&of_survey.kind), of_survey.repeat_months) {
        (Some(SurveyKind::Pulse), Some(months)) => round
            .opens_at
            .checked_add_months(Months::new(u32::try_from(months).unwrap_or(3)))
            .map(|opens_at| (opens_at, opens_at + open_for(of_survey))),
        // An onboarding round gathers a quarter's newcomers.
        (Some(SurveyKind::Onboarding), _) => {
            Some((round.closes_at, end_of_quarter(round.closes_at, time_zone)))
        }
        _ => None,
    };
    let Some(period) = next else { return Ok(()) };
    let pending = survey_round::Entity::find()
        .filter(survey_round::Column::SurveyId.eq(of_survey.id))
        .filter(survey_round::Column::ClosedAt.is_null())
        .count(db)
        .await
        .map_err(internal)?;
    if pending == 0 {
        plan_round(db, of_survey, period).await?;
    }
    Ok(())
}

/// Asks each newcomer in an onboarding survey's audience, once, when the
/// survey's number of days since their start date has passed, in the
/// survey's open round. Someone whose day passed before the survey was
/// set up is not asked months later: only days within the round count.
async fn invite_newcomers(
    db: &DatabaseConnection,
    context: &JobContext,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let today = now.with_timezone(&context.time_zone).date_naive();
    let surveys = survey::Entity::find()
        .filter(survey::Column::Kind.eq(SurveyKind::Onboarding.code()))
        .all(db)
        .await
        .map_err(internal)?;
    let mut invited = 0;
    for of_survey in surveys {
        let Some(days) = of_survey.onboarding_days else { continue };
        let Some(round) = survey_round::Entity::find()
            .filter(survey_round::Column::SurveyId.eq(of_survey.id))
            .filter(survey_round::Column::OpenedAt.is_not_null())
            .filter(survey_round::Column::ClosedAt.is_null())
            .one(db)
            .await
            .map_err(internal)?
        else {
            continue;
        };
        let round_start = round.opens_at.with_timezone(&context.time_zone).date_naive();
        let asked_before: Vec<uuid::Uuid> = survey_participant::Entity::find()
            .filter(survey_participant::Column::RoundId.is_in(rounds_of(db, of_survey.id).await?))
            .all(db)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|p| p.user_id)
            .collect();
        for person in people_asked(db, &of_survey).await? {
            let Some(started) = person.started_on else { continue };
            let due = started + Duration::days(i64::from(days));
            if due > today || due < round_start || asked_before.contains(&person.id) {
                continue;
            }
            add_participant(db, &round, person).await?;
            invited += 1;
        }
        tell_participants(db, context, (&round, &of_survey), TellWhom::NotYetTold, &|_| true, now).await?;
    }
    Ok(invited)
}

async fn rounds_of(db: &impl ConnectionTrait, survey: uuid::Uuid) -> Result<Vec<uuid::Uuid>, AppError> {
    Ok(survey_round::Entity::find()
        .filter(survey_round::Column::SurveyId.eq(survey))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|r| r.id)
        .collect())
}

/// When an onboarding round that starts at `now` closes: at the end of the
/// quarter, so each round gathers a quarter's newcomers.
pub(super) fn end_of_quarter(now: DateTime<Utc>, time_zone: chrono_tz::Tz) -> DateTime<Utc> {
    let today = now.with_timezone(&time_zone).date_naive();
    let next_quarter_month = (today.month0() / 3 + 1) * 3 + 1;
    let (year, month) =
        if next_quarter_month > 12 { (today.year() + 1, 1) } else { (today.year(), next_quarter_month) };
    let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(today);
    start_of_day(first, time_zone)
}
