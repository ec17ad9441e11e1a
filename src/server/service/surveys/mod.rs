//! Engagement surveys (issue 9, PRODUCT.md §3.5): admins build them from
//! the question library and run them for units — once, as a pulse, or for
//! newcomers; employees answer anonymously; managers and admins read the
//! results as far as the anonymity engine (`domain::anonymity`) allows.
//!
//! - `builder`: surveys, their questions, audience and rounds (admins);
//! - `rounds`: the job that opens, reminds, closes and repeats rounds;
//! - `shuffle`: closing rewrites a round's answers in random order;
//! - `answering`: the respondent's side, drafts and the anonymous response;
//! - `results`: groups, the engine's verdicts and the numbers shown;
//! - `comments`: conversations on comments, the respondent staying anonymous;
//! - `export`: the results as a spreadsheet, as the page shows them.

pub mod answering;
pub mod builder;
pub mod comments;
pub mod export;
pub mod groups;
pub mod results;
pub mod rounds;
mod shuffle;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::domain::AppError;
use crate::domain::dto::FunctionName;
use crate::domain::dto::surveys::{RoundState, RoundSummary, SurveyQuestion};
use crate::domain::ids::{OrgId, SurveyQuestionId, SurveyRoundId};
use crate::domain::surveys::{SurveyQuestionKind, Theme};
use crate::server::db::internal;
use crate::server::entity::{survey, survey_participant, survey_question, survey_round};

/// The survey, when it belongs to `org`.
async fn owned(db: &impl ConnectionTrait, org: OrgId, id: uuid::Uuid) -> Result<survey::Model, AppError> {
    survey::Entity::find_by_id(id)
        .filter(survey::Column::OrgId.eq(org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

/// The round, when it belongs to `org`.
async fn owned_round(
    db: &impl ConnectionTrait,
    org: OrgId,
    id: SurveyRoundId,
) -> Result<survey_round::Model, AppError> {
    survey_round::Entity::find_by_id(id.0)
        .filter(survey_round::Column::OrgId.eq(org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

/// A survey's questions in order.
async fn questions_of(
    db: &impl ConnectionTrait,
    survey: uuid::Uuid,
) -> Result<Vec<SurveyQuestion>, AppError> {
    Ok(survey_question::Entity::find()
        .filter(survey_question::Column::SurveyId.eq(survey))
        .order_by_asc(survey_question::Column::Position)
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(as_question)
        .collect())
}

fn as_question(row: survey_question::Model) -> SurveyQuestion {
    SurveyQuestion {
        id: SurveyQuestionId(row.id),
        theme: Theme::from_code(&row.theme).unwrap_or(Theme::General),
        kind: SurveyQuestionKind::from_code(&row.kind).unwrap_or(SurveyQuestionKind::Open),
        text: FunctionName { nl: row.text_nl, en: row.text_en },
    }
}

fn title_of(row: &survey::Model) -> FunctionName {
    FunctionName { nl: row.title_nl.clone(), en: row.title_en.clone() }
}

fn state_of(round: &survey_round::Model) -> RoundState {
    match (round.opened_at, round.closed_at) {
        (_, Some(_)) => RoundState::Closed,
        (Some(_), None) => RoundState::Open,
        (None, None) => RoundState::Scheduled,
    }
}

fn local_day(at: DateTime<Utc>, time_zone: chrono_tz::Tz) -> String {
    at.with_timezone(&time_zone).format("%Y-%m-%d").to_string()
}

/// The rounds of `surveys`, the latest first, with how many were asked and answered.
async fn rounds_of(
    db: &impl ConnectionTrait,
    surveys: Vec<uuid::Uuid>,
    time_zone: chrono_tz::Tz,
) -> Result<Vec<(uuid::Uuid, RoundSummary)>, AppError> {
    let rounds = survey_round::Entity::find()
        .filter(survey_round::Column::SurveyId.is_in(surveys))
        .order_by_desc(survey_round::Column::OpensAt)
        .all(db)
        .await
        .map_err(internal)?;
    let participants = survey_participant::Entity::find()
        .filter(survey_participant::Column::RoundId.is_in(rounds.iter().map(|r| r.id)))
        .all(db)
        .await
        .map_err(internal)?;
    Ok(rounds
        .into_iter()
        .map(|round| {
            let of_round = participants.iter().filter(|p| p.round_id == round.id);
            let invited = of_round.clone().count();
            let answered = of_round.filter(|p| p.answered).count();
            let summary = RoundSummary {
                id: SurveyRoundId(round.id),
                opens_on: local_day(round.opens_at, time_zone),
                closes_on: local_day(round.closes_at, time_zone),
                state: state_of(&round),
                invited: u32::try_from(invited).unwrap_or(u32::MAX),
                answered: u32::try_from(answered).unwrap_or(u32::MAX),
            };
            (round.survey_id, summary)
        })
        .collect())
}

#[cfg(test)]
mod onboarding_tests;
#[cfg(test)]
mod test_fixture;
#[cfg(test)]
mod tests;
