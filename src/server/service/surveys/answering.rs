//! The respondent's side: the rounds waiting for them, answering with
//! drafts kept until the round closes, and sending. Sending turns the draft
//! into a response with no link to the person: a random id, no time, only
//! the coarse segments they belonged to; their participation just records
//! that they answered. For comments, the respondent gets a code that only
//! their browser keeps, to follow and answer replies without a name.

use chrono::{DateTime, Datelike, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend,
    EntityTrait, QueryFilter, QuerySelect, Set, TransactionTrait,
};

use super::{local_day, owned, owned_round, questions_of, title_of};
use crate::domain::AppError;
use crate::domain::dto::FunctionName;
use crate::domain::dto::surveys::{Answer, MySurvey, SurveyToAnswer, check_answers};
use crate::domain::ids::{SurveyRoundId, UnitId};
use crate::domain::surveys::bands::{AgeBand, TenureBand};
use crate::domain::validation::Problem;
use crate::server::auth::OrgScope;
use crate::server::auth::reach::Structure;
use crate::server::auth::token::{random_code, token_hash};
use crate::server::crypto::{Keyring, Purpose, TenantCipher};
use crate::server::db::internal;
use crate::server::entity::{
    survey, survey_answer, survey_participant, survey_response, survey_round, unit_member, user_account,
};
use crate::server::service::tenant_keys;

/// The open rounds the signed-in person has not answered yet.
pub async fn mine(
    db: &DatabaseConnection,
    scope: &OrgScope,
    time_zone: chrono_tz::Tz,
) -> Result<Vec<MySurvey>, AppError> {
    let waiting = survey_participant::Entity::find()
        .filter(survey_participant::Column::UserId.eq(scope.user.0))
        .filter(survey_participant::Column::Answered.eq(false))
        .all(db)
        .await
        .map_err(internal)?;
    let rounds = survey_round::Entity::find()
        .filter(survey_round::Column::Id.is_in(waiting.iter().map(|p| p.round_id)))
        .filter(survey_round::Column::OpenedAt.is_not_null())
        .filter(survey_round::Column::ClosedAt.is_null())
        .all(db)
        .await
        .map_err(internal)?;
    let surveys = survey::Entity::find()
        .filter(survey::Column::Id.is_in(rounds.iter().map(|r| r.survey_id)))
        .all(db)
        .await
        .map_err(internal)?;
    Ok(rounds
        .iter()
        .filter_map(|round| {
            let of_survey = surveys.iter().find(|s| s.id == round.survey_id)?;
            Some(MySurvey {
                round: SurveyRoundId(round.id),
                title: title_of(of_survey),
                closes_on: local_day(round.closes_at, time_zone),
                started: waiting.iter().any(|p| p.round_id == round.id && p.draft.is_some()),
            })
        })
        .collect())
}

/// The record a draft is sealed for.
fn draft_record(round: uuid::Uuid, user: uuid::Uuid) -> String {
    format!("survey_participant/{round}/{user}/draft")
}

/// The record a comment is sealed for.
pub(super) fn comment_record(answer: uuid::Uuid) -> String {
    format!("survey_answer/{answer}/comment")
}

/// An open round the person was asked and has not answered yet, with
/// their participation.
async fn waiting_round(
    db: &impl ConnectionTrait,
    scope: &OrgScope,
    round: SurveyRoundId,
) -> Result<(survey_round::Model, survey_participant::Model), AppError> {
    let row = owned_round(db, scope.org, round).await?;
    let participant = survey_participant::Entity::find_by_id((row.id, scope.user.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    if row.opened_at.is_none() || row.closed_at.is_some() || participant.answered {
        return Err(AppError::invalid("round", Problem::NotNow));
    }
    Ok((row, participant))
}

/// The round's questions with what the person saved so far.
pub async fn to_answer(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    round: SurveyRoundId,
    time_zone: chrono_tz::Tz,
) -> Result<SurveyToAnswer, AppError> {
    let (row, participant) = waiting_round(db, scope, round).await?;
    let of_survey = owned(db, scope.org, row.survey_id).await?;
    let saved = match participant.draft {
        Some(sealed) => {
            let cipher = tenant_keys::content_cipher(db, keys, scope.org).await?;
            let record = draft_record(row.id, scope.user.0);
            let json = cipher.open_text(Purpose::SurveyComment, &record, &sealed).map_err(|error| {
                tracing::error!(%error, "a survey draft does not open");
                AppError::Internal
            })?;
            serde_json::from_str(&json).map_err(|_| AppError::Internal)?
        }
        None => Vec::new(),
    };
    Ok(SurveyToAnswer {
        round,
        title: title_of(&of_survey),
        intro: FunctionName { nl: of_survey.intro_nl, en: of_survey.intro_en },
        closes_on: local_day(row.closes_at, time_zone),
        questions: questions_of(db, of_survey.id).await?,
        saved,
        threshold: row.threshold.and_then(|t| u32::try_from(t).ok()).unwrap_or_default(),
    })
}

/// Keeps the answers so far, sealed, until they are sent or the round closes.
pub async fn save_draft(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    round: SurveyRoundId,
    answers: &[Answer],
) -> Result<(), AppError> {
    let (row, _) = waiting_round(db, scope, round).await?;
    let checked = check_answers(&questions_of(db, row.survey_id).await?, answers)
        .map_err(|errors| AppError::Invalid { errors })?;
    let cipher = tenant_keys::content_cipher(db, keys, scope.org).await?;
    let json = serde_json::to_string(&checked).map_err(|_| AppError::Internal)?;
    let sealed = cipher.seal_text(Purpose::SurveyComment, &draft_record(row.id, scope.user.0), &json);
    survey_participant::Entity::update_many()
        .col_expr(survey_participant::Column::Draft, Expr::value(Some(sealed)))
        .filter(survey_participant::Column::RoundId.eq(row.id))
        .filter(survey_participant::Column::UserId.eq(scope.user.0))
        .filter(survey_participant::Column::Answered.eq(false))
        .exec(db)
        .await
        .map(|_| ())
        .map_err(internal)
}

/// Sends the answers: an anonymous response, and the person marked as
/// having answered. Returns the code to follow replies to their comments,
/// when they wrote any.
pub async fn submit(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    round: SurveyRoundId,
    answers: &[Answer],
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<Option<String>, AppError> {
    let (row, _) = waiting_round(db, scope, round).await?;
    let checked = check_answers(&questions_of(db, row.survey_id).await?, answers)
        .map_err(|errors| AppError::Invalid { errors })?;
    if checked.is_empty() {
        return Err(AppError::invalid("answers", Problem::Unanswered));
    }
    let cipher = tenant_keys::content_cipher(db, keys, scope.org).await?;
    let segments = segments_of(db, scope, row.survey_id, now.with_timezone(&time_zone).date_naive()).await?;
    let reply_code = checked.iter().any(|a| !a.comment.is_empty()).then(|| random_code(4, 5));
    let txn = db.begin().await.map_err(internal)?;
    if !hold_open(&txn, row.id).await? {
        txn.rollback().await.map_err(internal)?;
        return Err(AppError::invalid("round", Problem::NotNow));
    }
    let claimed = survey_participant::Entity::update_many()
        .col_expr(survey_participant::Column::Answered, Expr::value(true))
        .col_expr(survey_participant::Column::Draft, Expr::value(Option::<Vec<u8>>::None))
        .filter(survey_participant::Column::RoundId.eq(row.id))
        .filter(survey_participant::Column::UserId.eq(scope.user.0))
        .filter(survey_participant::Column::Answered.eq(false))
        .exec(&txn)
        .await
        .map_err(internal)?;
    if claimed.rows_affected != 1 {
        txn.rollback().await.map_err(internal)?;
        return Err(AppError::invalid("round", Problem::NotNow));
    }
    // A random id: one ordered by time could be matched to the moment the
    // participation above changed.
    let response = uuid::Uuid::new_v4();
    survey_response::ActiveModel {
        id: Set(response),
        org_id: Set(scope.org.0),
        round_id: Set(row.id),
        unit_id: Set(segments.unit.map(|u| u.0)),
        function_id: Set(segments.function),
        tenure_band: Set(segments.tenure.map(|b| b.code().to_owned())),
        age_band: Set(segments.age.map(|b| b.code().to_owned())),
        reply_code_hash: Set(reply_code.as_deref().map(token_hash)),
        // Fixed when the round closes.
        units_at_close: Set(None),
        function_at_close: Set(None),
    }
    .insert(&txn)
    .await
    .map_err(internal)?;
    let rows =
        checked.iter().map(|answer| answer_row(&cipher, response, answer)).collect::<Result<Vec<_>, _>>()?;
    survey_answer::Entity::insert_many(rows).exec_without_returning(&txn).await.map_err(internal)?;
    txn.commit().await.map_err(internal)?;
    Ok(reply_code)
}

/// Whether the round is still open, holding it open until `txn` ends: a
/// round closing at this moment waits, or has already closed (then
/// nothing may be written), so no response lands after closing rewrote
/// the round. PostgreSQL takes a shared lock on the round, so answers sent
/// together go in side by side while closing, which updates the row,
/// waits for them; SQLite has one writer at a time, and an update that
/// changes nothing takes its write lock at once, before anything is read.
async fn hold_open(txn: &DatabaseTransaction, round: uuid::Uuid) -> Result<bool, AppError> {
    if txn.get_database_backend() == DbBackend::Postgres {
        let open = survey_round::Entity::find_by_id(round)
            .filter(survey_round::Column::ClosedAt.is_null())
            .lock_shared()
            .one(txn)
            .await
            .map_err(internal)?;
        return Ok(open.is_some());
    }
    let still_open = survey_round::Entity::update_many()
        .col_expr(survey_round::Column::ClosedAt, Expr::col(survey_round::Column::ClosedAt))
        .filter(survey_round::Column::Id.eq(round))
        .filter(survey_round::Column::ClosedAt.is_null())
        .exec(txn)
        .await
        .map_err(internal)?;
    Ok(still_open.rows_affected == 1)
}

/// One answer of `response`, its comment sealed.
fn answer_row(
    cipher: &TenantCipher,
    response: uuid::Uuid,
    answer: &Answer,
) -> Result<survey_answer::ActiveModel, AppError> {
    let id = uuid::Uuid::new_v4();
    let comment = (!answer.comment.is_empty())
        .then(|| cipher.seal_text(Purpose::SurveyComment, &comment_record(id), &answer.comment));
    Ok(survey_answer::ActiveModel {
        id: Set(id),
        org_id: Set(cipher.org().0),
        response_id: Set(response),
        question_id: Set(answer.question.map(|q| q.0).ok_or(AppError::Internal)?),
        score: Set(answer.score),
        comment: Set(comment),
    })
}

/// The groups a respondent belongs to when answering.
struct Segments {
    unit: Option<UnitId>,
    function: Option<uuid::Uuid>,
    tenure: Option<TenureBand>,
    age: Option<AgeBand>,
}

/// The respondent's unit is the one they were asked through: their primary
/// unit when the survey is for it, else a unit of theirs that it is for.
async fn segments_of(
    db: &impl ConnectionTrait,
    scope: &OrgScope,
    survey: uuid::Uuid,
    today: chrono::NaiveDate,
) -> Result<Segments, AppError> {
    let person = user_account::Entity::find_by_id(scope.user.0)
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let structure = Structure::load(db, scope.org).await.map_err(internal)?;
    let audience = super::results::audience_units(db, survey, &structure).await?;
    let mut memberships = unit_member::Entity::find()
        .filter(unit_member::Column::UserId.eq(person.id))
        .all(db)
        .await
        .map_err(internal)?;
    memberships.sort_by_key(|m| !m.is_primary);
    let unit = memberships
        .iter()
        .map(|m| UnitId(m.unit_id))
        .find(|unit| audience.contains(unit))
        .or_else(|| memberships.first().map(|m| UnitId(m.unit_id)));
    Ok(Segments {
        unit,
        function: person.function_id,
        tenure: person.started_on.map(|started| TenureBand::of_days((today - started).num_days())),
        age: person.birth_year.map(|year| AgeBand::of(year, today.year())),
    })
}
