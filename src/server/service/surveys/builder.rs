//! Building surveys (admins): title, introduction and schedule; questions
//! from the library or of one's own; the units it is for; its rounds. Once
//! a round has opened, questions and audience stay as they are, so answers
//! keep meaning the same from round to round.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set, TransactionTrait,
};

use super::{owned, owned_round, questions_of, rounds_of, title_of};
use crate::domain::AppError;
use crate::domain::anonymity::{MINIMUM_THRESHOLD, threshold};
use crate::domain::dto::surveys::{
    CheckedSurvey, CustomQuestionForm, LibraryChoice, RoundState, SurveyDetails, SurveyForm, SurveySummary,
};
use crate::domain::ids::{SurveyId, SurveyQuestionId, SurveyRoundId, UnitId};
use crate::domain::surveys::library::{self, LibraryQuestion};
use crate::domain::surveys::{SurveyKind, THRESHOLD_MAX};
use crate::domain::validation::Problem;
use crate::i18n::{Lang, text};
use crate::server::auth::OrgScope;
use crate::server::db::internal;
use crate::server::entity::{org_unit, organisation, survey, survey_question, survey_round, survey_unit};
use crate::server::service::local_time::start_of_day;
use crate::server::service::ordering::Ordered;

/// The organisation's surveys, newest first, each with its rounds.
pub async fn list(
    db: &DatabaseConnection,
    admin: &OrgScope,
    time_zone: chrono_tz::Tz,
) -> Result<Vec<SurveySummary>, AppError> {
    let surveys = survey::Entity::find()
        .filter(survey::Column::OrgId.eq(admin.org.0))
        .order_by_desc(survey::Column::CreatedAt)
        .all(db)
        .await
        .map_err(internal)?;
    let mut rounds = rounds_of(db, surveys.iter().map(|s| s.id).collect(), time_zone).await?;
    let questions = survey_question::Entity::find()
        .filter(survey_question::Column::OrgId.eq(admin.org.0))
        .all(db)
        .await
        .map_err(internal)?;
    Ok(surveys
        .into_iter()
        .map(|row| {
            let (own, others) = rounds.drain(..).partition(|(survey, _)| *survey == row.id);
            rounds = others;
            SurveySummary {
                id: SurveyId(row.id),
                title: title_of(&row),
                kind: SurveyKind::from_code(&row.kind).unwrap_or(SurveyKind::Once),
                questions: u32::try_from(questions.iter().filter(|q| q.survey_id == row.id).count())
                    .unwrap_or(u32::MAX),
                rounds: own.into_iter().map(|(_, round)| round).collect::<Vec<_>>(),
            }
        })
        .collect())
}

/// A survey with its questions, audience, rounds and what can be added.
pub async fn details(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: SurveyId,
    time_zone: chrono_tz::Tz,
) -> Result<SurveyDetails, AppError> {
    let row = owned(db, admin.org, id.0).await?;
    let questions = questions_of(db, row.id).await?;
    let taken: Vec<String> = survey_question::Entity::find()
        .filter(survey_question::Column::SurveyId.eq(row.id))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .filter_map(|q| q.library_key)
        .collect();
    let units = audience(db, row.id).await?;
    let unit_choices = crate::server::service::structure::unit_names(db, admin.org).await?;
    let rounds: Vec<_> = rounds_of(db, vec![row.id], time_zone).await?.into_iter().map(|(_, r)| r).collect();
    Ok(SurveyDetails {
        id,
        locked: rounds.iter().any(|r| r.state != RoundState::Scheduled),
        form: form_of(&row),
        questions,
        units,
        unit_choices,
        library: library::LIBRARY
            .iter()
            .filter(|q| !taken.iter().any(|key| key == q.key))
            .map(|q| LibraryChoice { key: q.key.to_owned(), theme: q.theme, kind: q.kind })
            .collect(),
        rounds,
        threshold: organisation_threshold(db, admin).await?,
    })
}

fn form_of(row: &survey::Model) -> SurveyForm {
    let number = |n: Option<i32>| n.map(|n| n.to_string()).unwrap_or_default();
    SurveyForm {
        title_nl: row.title_nl.clone(),
        title_en: row.title_en.clone(),
        intro_nl: row.intro_nl.clone(),
        intro_en: row.intro_en.clone(),
        kind: row.kind.clone(),
        open_days: row.open_days.to_string(),
        repeat_months: number(row.repeat_months),
        onboarding_days: number(row.onboarding_days),
        remind_after_days: number(row.remind_after_days),
    }
}

/// The units a survey is for.
pub(super) async fn audience(db: &impl ConnectionTrait, survey: uuid::Uuid) -> Result<Vec<UnitId>, AppError> {
    Ok(survey_unit::Entity::find()
        .filter(survey_unit::Column::SurveyId.eq(survey))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|row| UnitId(row.unit_id))
        .collect())
}

/// A new survey with the library's default set of questions.
pub async fn create(
    db: &DatabaseConnection,
    admin: &OrgScope,
    form: &SurveyForm,
    now: DateTime<Utc>,
) -> Result<SurveyId, AppError> {
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let id = uuid::Uuid::now_v7();
    let txn = db.begin().await.map_err(internal)?;
    survey::ActiveModel {
        id: Set(id),
        org_id: Set(admin.org.0),
        created_by: Set(Some(admin.user.0)),
        created_at: Set(now),
        archived_at: Set(None),
        ..fields_of(&checked)
    }
    .insert(&txn)
    .await
    .map_err(internal)?;
    for (position, question) in (1..).zip(library::default_set()) {
        insert_library_question(&txn, admin, id, position, question).await?;
    }
    txn.commit().await.map_err(internal)?;
    Ok(SurveyId(id))
}

fn fields_of(checked: &CheckedSurvey) -> survey::ActiveModel {
    survey::ActiveModel {
        title_nl: Set(checked.title_nl.clone()),
        title_en: Set(checked.title_en.clone()),
        intro_nl: Set(checked.intro_nl.clone()),
        intro_en: Set(checked.intro_en.clone()),
        kind: Set(checked.kind.code().to_owned()),
        repeat_months: Set(checked.repeat_months),
        onboarding_days: Set(checked.onboarding_days),
        open_days: Set(checked.open_days),
        remind_after_days: Set(checked.remind_after_days),
        ..Default::default()
    }
}

/// Changes title, introduction and schedule. How a survey runs (once, pulse,
/// onboarding) is fixed once a round has opened.
pub async fn update(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: SurveyId,
    form: &SurveyForm,
) -> Result<(), AppError> {
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let row = owned(db, admin.org, id.0).await?;
    if row.kind != checked.kind.code() && locked(db, row.id).await? {
        return Err(AppError::invalid("kind", Problem::NotNow));
    }
    survey::ActiveModel { id: Set(row.id), ..fields_of(&checked) }
        .update(db)
        .await
        .map(|_| ())
        .map_err(internal)
}

/// Deletes a survey that never opened; one with answers stays.
pub async fn delete(db: &DatabaseConnection, admin: &OrgScope, id: SurveyId) -> Result<(), AppError> {
    let row = owned(db, admin.org, id.0).await?;
    refuse_when_locked(db, row.id, "survey").await?;
    survey::Entity::delete_by_id(row.id).exec(db).await.map(|_| ()).map_err(internal)
}

/// Whether a round of the survey has opened.
async fn locked(db: &impl ConnectionTrait, survey: uuid::Uuid) -> Result<bool, AppError> {
    let opened = survey_round::Entity::find()
        .filter(survey_round::Column::SurveyId.eq(survey))
        .filter(survey_round::Column::OpenedAt.is_not_null())
        .count(db)
        .await
        .map_err(internal)?;
    Ok(opened > 0)
}

async fn refuse_when_locked(
    db: &impl ConnectionTrait,
    survey: uuid::Uuid,
    field: &str,
) -> Result<(), AppError> {
    if locked(db, survey).await? { Err(AppError::invalid(field, Problem::NotNow)) } else { Ok(()) }
}

/// Takes a question of the library into the survey, at the end.
pub async fn add_from_library(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: SurveyId,
    key: &str,
) -> Result<(), AppError> {
    let question = library::find(key).ok_or_else(|| AppError::invalid("library", Problem::NotAChoice))?;
    let row = owned(db, admin.org, id.0).await?;
    refuse_when_locked(db, row.id, "library").await?;
    let taken = survey_question::Entity::find()
        .filter(survey_question::Column::SurveyId.eq(row.id))
        .filter(survey_question::Column::LibraryKey.eq(key))
        .count(db)
        .await
        .map_err(internal)?;
    if taken > 0 {
        return Err(AppError::invalid("library", Problem::AlreadyInUse));
    }
    let position = next_position(db, row.id).await?;
    insert_library_question(db, admin, row.id, position, question).await
}

async fn insert_library_question(
    db: &impl ConnectionTrait,
    admin: &OrgScope,
    survey: uuid::Uuid,
    position: i32,
    question: &LibraryQuestion,
) -> Result<(), AppError> {
    survey_question::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        org_id: Set(admin.org.0),
        survey_id: Set(survey),
        position: Set(position),
        theme: Set(question.theme.code().to_owned()),
        kind: Set(question.kind.code().to_owned()),
        library_key: Set(Some(question.key.to_owned())),
        text_nl: Set(text(Lang::Nl, question.text).to_owned()),
        text_en: Set(text(Lang::En, question.text).to_owned()),
    }
    .insert(db)
    .await
    .map(|_| ())
    .map_err(internal)
}

/// Adds a question of one's own, at the end.
pub async fn add_custom(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: SurveyId,
    form: &CustomQuestionForm,
) -> Result<(), AppError> {
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let row = owned(db, admin.org, id.0).await?;
    refuse_when_locked(db, row.id, "text_nl").await?;
    survey_question::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        org_id: Set(admin.org.0),
        survey_id: Set(row.id),
        position: Set(next_position(db, row.id).await?),
        theme: Set(checked.theme.code().to_owned()),
        kind: Set(checked.kind.code().to_owned()),
        library_key: Set(None),
        text_nl: Set(checked.text_nl),
        text_en: Set(checked.text_en),
    }
    .insert(db)
    .await
    .map(|_| ())
    .map_err(internal)
}

async fn next_position(db: &impl ConnectionTrait, survey: uuid::Uuid) -> Result<i32, AppError> {
    let last = survey_question::Entity::find()
        .filter(survey_question::Column::SurveyId.eq(survey))
        .order_by_desc(survey_question::Column::Position)
        .one(db)
        .await
        .map_err(internal)?;
    Ok(last.map_or(1, |q| q.position + 1))
}

async fn owned_question(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: SurveyQuestionId,
) -> Result<survey_question::Model, AppError> {
    let row = survey_question::Entity::find_by_id(id.0)
        .filter(survey_question::Column::OrgId.eq(admin.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    refuse_when_locked(db, row.survey_id, "question").await?;
    Ok(row)
}

pub async fn remove_question(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: SurveyQuestionId,
) -> Result<(), AppError> {
    let row = owned_question(db, admin, id).await?;
    survey_question::Entity::delete_by_id(row.id).exec(db).await.map(|_| ()).map_err(internal)
}

/// Swaps a question with the one above (`up`) or below it.
pub async fn move_question(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: SurveyQuestionId,
    up: bool,
) -> Result<(), AppError> {
    let row = owned_question(db, admin, id).await?;
    let questions = survey_question::Entity::find()
        .filter(survey_question::Column::SurveyId.eq(row.survey_id))
        .order_by_asc(survey_question::Column::Position)
        .all(db)
        .await
        .map_err(internal)?;
    let list: Vec<(uuid::Uuid, i32)> = questions.iter().map(|q| (q.id, q.position)).collect();
    let ordered = Ordered::<survey_question::Entity> {
        id: survey_question::Column::Id,
        position: survey_question::Column::Position,
    };
    ordered.move_item(db, &list, row.id, up).await
}

/// The units the survey is for (each with the units below it).
pub async fn set_units(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: SurveyId,
    units: &[UnitId],
) -> Result<(), AppError> {
    let row = owned(db, admin.org, id.0).await?;
    refuse_when_locked(db, row.id, "units").await?;
    let known = org_unit::Entity::find()
        .filter(org_unit::Column::OrgId.eq(admin.org.0))
        .filter(org_unit::Column::Id.is_in(units.iter().map(|u| u.0)))
        .count(db)
        .await
        .map_err(internal)?;
    let mut distinct: Vec<UnitId> = units.to_vec();
    distinct.sort();
    distinct.dedup();
    if usize::try_from(known).unwrap_or_default() != distinct.len() {
        return Err(AppError::invalid("units", Problem::NotAChoice));
    }
    let txn = db.begin().await.map_err(internal)?;
    survey_unit::Entity::delete_many()
        .filter(survey_unit::Column::SurveyId.eq(row.id))
        .exec(&txn)
        .await
        .map_err(internal)?;
    for unit in distinct {
        survey_unit::ActiveModel { survey_id: Set(row.id), unit_id: Set(unit.0), org_id: Set(admin.org.0) }
            .insert(&txn)
            .await
            .map_err(internal)?;
    }
    txn.commit().await.map_err(internal)
}

/// Plans the survey's next round to open on `opens_on` (local date, empty
/// for now); it opens when the rounds job next runs, or at once when due.
/// A survey run once has one round; an onboarding survey has rounds of its
/// own making. A survey needs questions and an audience first.
pub async fn schedule(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: SurveyId,
    opens_on: &str,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<SurveyRoundId, AppError> {
    let row = owned(db, admin.org, id.0).await?;
    let opens_at = match opens_on.trim() {
        "" => now,
        day => {
            let day: NaiveDate =
                day.parse().map_err(|_| AppError::invalid("opens_on", Problem::InvalidDate))?;
            let at = start_of_day(day, time_zone);
            if day < now.with_timezone(&time_zone).date_naive() {
                return Err(AppError::invalid("opens_on", Problem::InPast));
            }
            at.max(now)
        }
    };
    if questions_of(db, row.id).await?.is_empty() {
        return Err(AppError::invalid("opens_on", Problem::Unanswered));
    }
    if audience(db, row.id).await?.is_empty() {
        return Err(AppError::invalid("units", Problem::Required));
    }
    let pending = survey_round::Entity::find()
        .filter(survey_round::Column::SurveyId.eq(row.id))
        .filter(survey_round::Column::ClosedAt.is_null())
        .count(db)
        .await
        .map_err(internal)?;
    let has_run = survey_round::Entity::find()
        .filter(survey_round::Column::SurveyId.eq(row.id))
        .count(db)
        .await
        .map_err(internal)?
        > 0;
    let kind = SurveyKind::from_code(&row.kind).unwrap_or(SurveyKind::Once);
    if pending > 0 || (kind == SurveyKind::Once && has_run) {
        return Err(AppError::invalid("opens_on", Problem::NotNow));
    }
    let closes_at = match kind {
        SurveyKind::Onboarding => super::rounds::end_of_quarter(opens_at, time_zone),
        SurveyKind::Once | SurveyKind::Pulse => opens_at + open_for(&row),
    };
    let round = super::rounds::plan_round(db, &row, (opens_at, closes_at)).await?;
    if opens_at <= now {
        super::rounds::open_due(db, admin.org, now).await?;
    }
    Ok(round)
}

/// Closes an open round now, or drops one that has not opened yet.
pub async fn close_now(
    db: &DatabaseConnection,
    admin: &OrgScope,
    round: SurveyRoundId,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let row = owned_round(db, admin.org, round).await?;
    match (row.opened_at, row.closed_at) {
        (_, Some(_)) => Err(AppError::invalid("round", Problem::NotNow)),
        (None, None) => {
            survey_round::Entity::delete_by_id(row.id).exec(db).await.map(|_| ()).map_err(internal)
        }
        (Some(_), None) => {
            survey_round::Entity::update_many()
                .col_expr(survey_round::Column::ClosesAt, Expr::value(now.min(row.closes_at)))
                .filter(survey_round::Column::Id.eq(row.id))
                .exec(db)
                .await
                .map_err(internal)?;
            super::rounds::close_due(db, Some(admin.org), time_zone, now).await.map(|_| ())
        }
    }
}

/// The fewest respondents a group needs to be shown, as the organisation set it.
pub async fn organisation_threshold(db: &impl ConnectionTrait, admin: &OrgScope) -> Result<u32, AppError> {
    let row = organisation::Entity::find_by_id(admin.org.0)
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    Ok(threshold(u32::try_from(row.survey_threshold).unwrap_or(MINIMUM_THRESHOLD)))
}

/// Sets the organisation's threshold for rounds that open from now on;
/// rounds already open keep theirs. Never below the minimum of 3.
pub async fn set_threshold(db: &DatabaseConnection, admin: &OrgScope, value: &str) -> Result<(), AppError> {
    let asked: u32 =
        value.trim().parse().map_err(|_| AppError::invalid("threshold", Problem::InvalidNumber))?;
    if !(MINIMUM_THRESHOLD..=THRESHOLD_MAX).contains(&asked) {
        return Err(AppError::invalid("threshold", Problem::InvalidNumber));
    }
    organisation::Entity::update_many()
        .col_expr(organisation::Column::SurveyThreshold, Expr::value(i32::try_from(asked).unwrap_or(5)))
        .filter(organisation::Column::Id.eq(admin.org.0))
        .exec(db)
        .await
        .map(|_| ())
        .map_err(internal)
}

/// How long a round lasts.
pub(super) fn open_for(row: &survey::Model) -> Duration {
    Duration::days(i64::from(row.open_days.max(1)))
}
