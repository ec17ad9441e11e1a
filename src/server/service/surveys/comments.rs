//! Conversations on survey comments: a manager (or admin) who may see a
//! comment replies to it by name; its author answers through the code only
//! their browser holds, and stays anonymous. Nothing here records who the
//! author is, and their replies carry no time of their own — an exact time
//! could be matched to who was signed in at that moment: a reply by the
//! author is dated just after the reply before it (or the start of the
//! day, if later) and shown by its day only, with a random id.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use super::answering::comment_record;
use super::groups::GroupKey;
use super::results::{Reach, RoundData, audience_units, reach_of};
use super::{owned_round, questions_of};
use crate::domain::AppError;
use crate::domain::dto::surveys::{
    CommentThread, OwnComments, Reply, ReplyForm, SurveyQuestion, ThemeComments,
};
use crate::domain::ids::{SurveyAnswerId, SurveyRoundId};
use crate::domain::validation::Problem;
use crate::server::auth::OrgScope;
use crate::server::auth::reach::Structure;
use crate::server::auth::token::token_hash;
use crate::server::crypto::{Keyring, Purpose, TenantCipher};
use crate::server::db::internal;
use crate::server::entity::{survey_answer, survey_reply, survey_response, user_account};
use crate::server::service::local_time::{shown, start_of_day};
use crate::server::service::tenant_keys;

/// The comments of `answers` with their conversations, by theme in the
/// order of the survey's questions.
pub(super) async fn threads(
    db: &impl ConnectionTrait,
    keys: &Keyring,
    viewer: &OrgScope,
    answers: &[&survey_answer::Model],
    questions: &[SurveyQuestion],
    time_zone: chrono_tz::Tz,
) -> Result<Vec<ThemeComments>, AppError> {
    let cipher = tenant_keys::content_cipher(db, keys, viewer.org).await?;
    let mut replies = replies_of(db, &cipher, answers.iter().map(|a| a.id).collect(), time_zone).await?;
    let mut by_theme: Vec<ThemeComments> = Vec::new();
    for question in questions {
        let mut comments: Vec<CommentThread> = Vec::new();
        for answer in answers.iter().filter(|a| a.question_id == question.id.0) {
            comments.push(CommentThread {
                answer: SurveyAnswerId(answer.id),
                question: question.text.clone(),
                text: comment_text(&cipher, answer)?,
                replies: replies.remove(&answer.id).unwrap_or_default(),
            });
        }
        if comments.is_empty() {
            continue;
        }
        match by_theme.iter_mut().find(|t| t.theme == question.theme) {
            Some(theme) => theme.comments.extend(comments),
            None => by_theme.push(ThemeComments { theme: question.theme, comments }),
        }
    }
    Ok(by_theme)
}

fn comment_text(cipher: &TenantCipher, answer: &survey_answer::Model) -> Result<String, AppError> {
    let Some(sealed) = &answer.comment else { return Ok(String::new()) };
    cipher.open_text(Purpose::SurveyComment, &comment_record(answer.id), sealed).map_err(|error| {
        tracing::error!(%error, "a survey comment does not open");
        AppError::Internal
    })
}

fn reply_record(id: uuid::Uuid) -> String {
    format!("survey_reply/{id}/body")
}

async fn replies_of(
    db: &impl ConnectionTrait,
    cipher: &TenantCipher,
    answers: Vec<uuid::Uuid>,
    time_zone: chrono_tz::Tz,
) -> Result<HashMap<uuid::Uuid, Vec<Reply>>, AppError> {
    let rows = survey_reply::Entity::find()
        .filter(survey_reply::Column::AnswerId.is_in(answers))
        .order_by_asc(survey_reply::Column::WrittenAt)
        .all(db)
        .await
        .map_err(internal)?;
    let authors: HashMap<uuid::Uuid, String> = user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(rows.iter().filter_map(|r| r.author_id)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let mut replies: HashMap<uuid::Uuid, Vec<Reply>> = HashMap::new();
    for row in rows {
        let text =
            cipher.open_text(Purpose::SurveyComment, &reply_record(row.id), &row.body).map_err(|error| {
                tracing::error!(%error, "a survey reply does not open");
                AppError::Internal
            })?;
        let written_at = if row.from_respondent {
            row.written_at.with_timezone(&time_zone).format("%Y-%m-%d").to_string()
        } else {
            shown(row.written_at, time_zone)
        };
        let author = match (row.from_respondent, row.author_id) {
            (true, _) => None,
            (false, Some(id)) => authors.get(&id).cloned(),
            // A manager since erased.
            (false, None) => Some(String::new()),
        };
        replies.entry(row.answer_id).or_default().push(Reply { author, text, written_at });
    }
    Ok(replies)
}

/// The answer, its response and its round's data, when the answer is of the viewer's organisation.
async fn answer_in_round(
    db: &DatabaseConnection,
    viewer: &OrgScope,
    answer: SurveyAnswerId,
) -> Result<(survey_answer::Model, survey_response::Model), AppError> {
    let row = survey_answer::Entity::find_by_id(answer.0)
        .filter(survey_answer::Column::OrgId.eq(viewer.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .filter(|a| a.comment.is_some())
        .ok_or(AppError::NotFound)?;
    let response = survey_response::Entity::find_by_id(row.response_id)
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    Ok((row, response))
}

/// A manager's or admin's reply to a comment they may see: on a results
/// page within their reach, where the group's comments are shown.
pub async fn reply(
    db: &DatabaseConnection,
    keys: &Keyring,
    viewer: &OrgScope,
    answer: SurveyAnswerId,
    form: &ReplyForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let text = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let (row, response) = answer_in_round(db, viewer, answer).await?;
    let round = owned_round(db, viewer.org, SurveyRoundId(response.round_id)).await?;
    if round.closed_at.is_none() {
        return Err(AppError::invalid("round", Problem::NotNow));
    }
    let structure = Structure::load(db, viewer.org).await.map_err(internal)?;
    let reach = reach_of(db, viewer, &structure).await?;
    let mut scopes: Vec<GroupKey> = audience_units(db, round.survey_id, &structure)
        .await?
        .into_iter()
        .filter(|unit| reach.covers(Some(*unit)))
        .map(GroupKey::Unit)
        .collect();
    if matches!(reach, Reach::Everything) {
        scopes.push(GroupKey::All);
    }
    let data = RoundData::load(db, round, &structure, &[]).await?;
    let visible = scopes.into_iter().any(|key| data.comments_of(key).iter().any(|a| a.id == row.id));
    if !visible {
        return Err(AppError::NotFound);
    }
    insert_reply(db, keys, viewer, row.id, Some(viewer.user.0), &text, now).await
}

async fn insert_reply(
    db: &DatabaseConnection,
    keys: &Keyring,
    viewer: &OrgScope,
    answer: uuid::Uuid,
    author: Option<uuid::Uuid>,
    text: &str,
    written_at: DateTime<Utc>,
) -> Result<(), AppError> {
    let cipher = tenant_keys::content_cipher(db, keys, viewer.org).await?;
    let id = if author.is_some() { uuid::Uuid::now_v7() } else { uuid::Uuid::new_v4() };
    survey_reply::ActiveModel {
        id: Set(id),
        org_id: Set(viewer.org.0),
        answer_id: Set(answer),
        author_id: Set(author),
        from_respondent: Set(author.is_none()),
        body: Set(cipher.seal_text(Purpose::SurveyComment, &reply_record(id), text)),
        written_at: Set(written_at),
    }
    .insert(db)
    .await
    .map(|_| ())
    .map_err(internal)
}

/// The response of `round` that `code` belongs to.
async fn response_of_code(
    db: &DatabaseConnection,
    viewer: &OrgScope,
    round: SurveyRoundId,
    code: &str,
) -> Result<survey_response::Model, AppError> {
    let code = code.trim().to_lowercase();
    if code.is_empty() {
        return Err(AppError::NotFound);
    }
    survey_response::Entity::find()
        .filter(survey_response::Column::OrgId.eq(viewer.org.0))
        .filter(survey_response::Column::RoundId.eq(round.0))
        .filter(survey_response::Column::ReplyCodeHash.eq(token_hash(&code)))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

/// The respondent's own comments on a round, with their conversations,
/// found by the code only they hold.
pub async fn own(
    db: &DatabaseConnection,
    keys: &Keyring,
    viewer: &OrgScope,
    round: SurveyRoundId,
    code: &str,
    time_zone: chrono_tz::Tz,
) -> Result<OwnComments, AppError> {
    let response = response_of_code(db, viewer, round, code).await?;
    let answers = survey_answer::Entity::find()
        .filter(survey_answer::Column::ResponseId.eq(response.id))
        .filter(survey_answer::Column::Comment.is_not_null())
        .all(db)
        .await
        .map_err(internal)?;
    let row = owned_round(db, viewer.org, round).await?;
    let of_survey = super::owned(db, viewer.org, row.survey_id).await?;
    let questions = questions_of(db, row.survey_id).await?;
    let themes =
        threads(db, keys, viewer, &answers.iter().collect::<Vec<_>>(), &questions, time_zone).await?;
    Ok(OwnComments { round, title: super::title_of(&of_survey), themes })
}

/// The respondent answers a reply to their comment, anonymously; the reply
/// keeps only the day.
pub async fn answer_as_respondent(
    db: &DatabaseConnection,
    keys: &Keyring,
    viewer: &OrgScope,
    (round, code): (SurveyRoundId, &str),
    answer: SurveyAnswerId,
    form: &ReplyForm,
    (now, time_zone): (DateTime<Utc>, chrono_tz::Tz),
) -> Result<(), AppError> {
    let text = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let response = response_of_code(db, viewer, round, code).await?;
    let (row, of_response) = answer_in_round(db, viewer, answer).await?;
    if of_response.id != response.id {
        return Err(AppError::NotFound);
    }
    let day = start_of_day(now.with_timezone(&time_zone).date_naive(), time_zone);
    // The respondent answers a manager: there is no conversation before one
    // replied (and so none before the round closed).
    let Some(previous) = survey_reply::Entity::find()
        .filter(survey_reply::Column::AnswerId.eq(row.id))
        .order_by_desc(survey_reply::Column::WrittenAt)
        .one(db)
        .await
        .map_err(internal)?
    else {
        return Err(AppError::invalid("text", Problem::NotNow));
    };
    let written_at = (previous.written_at + chrono::Duration::microseconds(1)).max(day);
    insert_reply(db, keys, viewer, row.id, None, &text, written_at).await
}
