//! A round's results as a viewer may see them: admins for everyone,
//! managers for the units they manage and the units below. Every number
//! comes from a group the anonymity engine judged for the whole round
//! (`groups::Judgement`); a hidden group says why. Results appear once the
//! round has closed: numbers that move with each answer would tell, answer
//! by answer, what the last one said.

use std::collections::{HashMap, HashSet};

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait,
};

use super::groups::{GroupKey, Judgement, Respondent, SegmentValue};
use super::{local_day, owned, owned_round, questions_of, title_of};
use crate::domain::AppError;
use crate::domain::dto::FunctionName;
use crate::domain::dto::surveys::{
    Cell, Comments, QuestionResult, ResultRow, ResultsEntry, ResultsQuery, RoundState, RoundSummary,
    RowLabel, SurveyQuestion, SurveyResults, TrendPoint,
};
use crate::domain::ids::{SurveyRoundId, UnitId};
use crate::domain::surveys::bands::{AgeBand, TenureBand};
use crate::domain::surveys::scores::{agreement_score, enps};
use crate::domain::surveys::{Segment, SurveyQuestionKind, Theme};
use crate::domain::validation::Problem;
use crate::server::auth::OrgScope;
use crate::server::auth::reach::Structure;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::{
    survey, survey_answer, survey_response, survey_round, survey_unit, unit_manager,
};

/// What the viewer may look at: everything, or some units (with the units below).
pub(super) enum Reach {
    Everything,
    Units(HashSet<UnitId>),
}

impl Reach {
    pub(super) fn covers(&self, scope: Option<UnitId>) -> bool {
        match (self, scope) {
            (Reach::Everything, _) => true,
            (Reach::Units(units), Some(unit)) => units.contains(&unit),
            (Reach::Units(_), None) => false,
        }
    }
}

/// Admins see everything; managers the units they manage and below; others nothing.
pub(super) async fn reach_of(
    db: &impl ConnectionTrait,
    viewer: &OrgScope,
    structure: &Structure,
) -> Result<Reach, AppError> {
    if viewer.roles.admin {
        return Ok(Reach::Everything);
    }
    let managed: Vec<UnitId> = unit_manager::Entity::find()
        .filter(unit_manager::Column::UserId.eq(viewer.user.0))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|link| UnitId(link.unit_id))
        .filter(|unit| structure.contains(*unit))
        .collect();
    if managed.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(Reach::Units(
        structure
            .units()
            .filter(|unit| managed.iter().any(|above| structure.is_within(*unit, *above)))
            .collect(),
    ))
}

/// Every score the results can show, with the questions it is made of.
fn measures_of(questions: &[SurveyQuestion]) -> HashMap<Measure, HashSet<uuid::Uuid>> {
    let mut measures: HashMap<Measure, HashSet<uuid::Uuid>> = HashMap::new();
    for question in questions {
        let of_whole = match question.kind {
            SurveyQuestionKind::Likert => Measure::Theme(question.theme),
            SurveyQuestionKind::Enps => Measure::Enps,
            SurveyQuestionKind::Open => continue,
        };
        measures.entry(of_whole).or_default().insert(question.id.0);
        measures.entry(Measure::Question(question.id.0)).or_default().insert(question.id.0);
    }
    measures
}

impl Measured {
    /// Judges the groups of those who gave a score to any of `questions`.
    fn of(
        questions: HashSet<uuid::Uuid>,
        respondents: &[Respondent],
        answers: &[Vec<survey_answer::Model>],
        threshold: u32,
    ) -> Measured {
        let respondent: Vec<usize> = (0..respondents.len())
            .filter(|at| answers[*at].iter().any(|a| a.score.is_some() && questions.contains(&a.question_id)))
            .collect();
        let answering: Vec<Respondent> = respondent.iter().map(|at| respondents[*at].clone()).collect();
        Measured { questions, judgement: Judgement::of(&answering, threshold), respondent }
    }
}

/// A round's responses and answers, cut into groups and judged.
pub(super) struct RoundData {
    pub(super) round: survey_round::Model,
    pub(super) judgement: Judgement,
    respondents: Vec<Respondent>,
    /// Per respondent, their answers.
    pub(super) answers: Vec<Vec<survey_answer::Model>>,
    /// Each score shown (a theme, eNPS, a question) judged again over only
    /// those who gave it: questions may be skipped, so a group and its
    /// sub-group can differ by one answerer while their respondents differ
    /// by many.
    measures: HashMap<Measure, Measured>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Measure {
    Theme(Theme),
    Enps,
    Question(uuid::Uuid),
}

/// A measure's questions and its own judgement over those who answered them.
struct Measured {
    questions: HashSet<uuid::Uuid>,
    judgement: Judgement,
    /// Position in the measure's judgement to position among all respondents.
    respondent: Vec<usize>,
}

impl RoundData {
    pub(super) async fn load(
        db: &impl ConnectionTrait,
        round: survey_round::Model,
        structure: &Structure,
        questions: &[SurveyQuestion],
    ) -> Result<RoundData, AppError> {
        let responses = survey_response::Entity::find()
            .filter(survey_response::Column::RoundId.eq(round.id))
            .order_by_asc(survey_response::Column::Id)
            .all(db)
            .await
            .map_err(internal)?;
        let position: HashMap<uuid::Uuid, usize> =
            responses.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        let mut answers: Vec<Vec<survey_answer::Model>> = vec![Vec::new(); responses.len()];
        let of_round = survey_response::Entity::find()
            .select_only()
            .column(survey_response::Column::Id)
            .filter(survey_response::Column::RoundId.eq(round.id))
            .into_query();
        for answer in survey_answer::Entity::find()
            .filter(survey_answer::Column::ResponseId.in_subquery(of_round))
            .all(db)
            .await
            .map_err(internal)?
        {
            if let Some(at) = position.get(&answer.response_id) {
                answers[*at].push(answer);
            }
        }
        let respondents: Vec<Respondent> = responses
            .iter()
            .map(|r| Respondent {
                // As fixed at closing; before that, as the organisation stands.
                units: match &r.units_at_close {
                    Some(units) => super::shuffle::units_from_text(units),
                    None => r.unit_id.map(|unit| structure.ancestry(UnitId(unit))).unwrap_or_default(),
                },
                function: if r.units_at_close.is_some() { r.function_at_close } else { r.function_id },
                tenure: r.tenure_band.as_deref().and_then(TenureBand::from_code),
                age: r.age_band.as_deref().and_then(AgeBand::from_code),
            })
            .collect();
        let threshold = round.threshold.and_then(|t| u32::try_from(t).ok()).unwrap_or_default();
        let judgement = Judgement::of(&respondents, threshold);
        let measures = measures_of(questions)
            .into_iter()
            .map(|(measure, ids)| (measure, Measured::of(ids, &respondents, &answers, threshold)))
            .collect();
        Ok(RoundData { round, judgement, respondents, answers, measures })
    }

    /// The scores a shown group gave for `measure`, when at least the
    /// threshold of its members gave one and the measure's own judgement
    /// shows the group; else none.
    fn scores(&self, measure: Measure, key: GroupKey) -> Option<(usize, Vec<i32>)> {
        let measured = self.measures.get(&measure)?;
        let members = measured.judgement.shown_members(key)?;
        let scores = members
            .iter()
            .flat_map(|m| &self.answers[measured.respondent[*m]])
            .filter(|a| measured.questions.contains(&a.question_id))
            .filter_map(|a| a.score)
            .collect();
        Some((members.len(), scores))
    }

    /// A group's numbers, or why they are hidden.
    fn cell(&self, key: GroupKey, themes: &[Theme]) -> Cell {
        let Some(members) = self.judgement.shown_members(key) else {
            return Cell::Hidden(self.judgement.verdict(key));
        };
        let scores = |measure| self.scores(measure, key).map(|(_, scores)| scores).unwrap_or_default();
        Cell::Shown {
            respondents: u32::try_from(members.len()).unwrap_or(u32::MAX),
            themes: themes.iter().map(|theme| agreement_score(&scores(Measure::Theme(*theme)))).collect(),
            enps: enps(&scores(Measure::Enps)),
        }
    }

    fn question_results(&self, key: GroupKey, questions: &[SurveyQuestion]) -> Vec<QuestionResult> {
        if self.judgement.shown_members(key).is_none() {
            return Vec::new();
        }
        questions
            .iter()
            .filter(|q| q.kind != SurveyQuestionKind::Open)
            .map(|q| {
                let (answered, scores) = self.scores(Measure::Question(q.id.0), key).unwrap_or_default();
                QuestionResult {
                    text: q.text.clone(),
                    theme: q.theme,
                    kind: q.kind,
                    score: if q.kind == SurveyQuestionKind::Enps {
                        enps(&scores)
                    } else {
                        agreement_score(&scores)
                    },
                    answers: (!scores.is_empty()).then(|| u32::try_from(answered).unwrap_or(u32::MAX)),
                }
            })
            .collect()
    }

    /// The answers with a comment of a group whose comments may be shown.
    pub(super) fn comments_of(&self, key: GroupKey) -> Vec<&survey_answer::Model> {
        if !self.judgement.comments_shown(key) {
            return Vec::new();
        }
        let Some(members) = self.judgement.shown_members(key) else { return Vec::new() };
        members.iter().flat_map(|m| &self.answers[*m]).filter(|a| a.comment.is_some()).collect()
    }

    /// The values of a segment: every band, every function of the
    /// organisation (a row only for functions someone answered with would
    /// tell that they took part), then "not known" when some answered so.
    fn values_of(
        &self,
        segment: Segment,
        functions: &HashMap<uuid::Uuid, FunctionName>,
    ) -> Vec<SegmentValue> {
        let mut values: Vec<SegmentValue> = match segment {
            Segment::Tenure => TenureBand::ALL.iter().map(|b| SegmentValue::Tenure(Some(*b))).collect(),
            Segment::Age => AgeBand::ALL.iter().map(|b| SegmentValue::Age(Some(*b))).collect(),
            Segment::Function => {
                let mut named: Vec<(&uuid::Uuid, &FunctionName)> = functions.iter().collect();
                named.sort_by(|a, b| a.1.nl.cmp(&b.1.nl));
                named.into_iter().map(|(id, _)| SegmentValue::Function(Some(*id))).collect()
            }
            Segment::Unit => Vec::new(),
        };
        for respondent in &self.respondents {
            let value = match segment {
                Segment::Function => SegmentValue::Function(respondent.function),
                Segment::Tenure => SegmentValue::Tenure(respondent.tenure),
                Segment::Age => SegmentValue::Age(respondent.age),
                Segment::Unit => continue,
            };
            if !values.contains(&value) {
                values.push(value);
            }
        }
        values
    }
}

/// The surveys with closed rounds whose results the viewer may read:
/// admins all, managers those for units they manage.
pub async fn readable(
    db: &DatabaseConnection,
    viewer: &OrgScope,
    time_zone: chrono_tz::Tz,
) -> Result<Vec<ResultsEntry>, AppError> {
    let structure = Structure::load(db, viewer.org).await.map_err(internal)?;
    let reach = match reach_of(db, viewer, &structure).await {
        Err(AppError::Forbidden) => return Ok(Vec::new()),
        other => other?,
    };
    let surveys = survey::Entity::find()
        .filter(survey::Column::OrgId.eq(viewer.org.0))
        .order_by_desc(survey::Column::CreatedAt)
        .all(db)
        .await
        .map_err(internal)?;
    let mut rounds = super::rounds_of(db, surveys.iter().map(|s| s.id).collect(), time_zone).await?;
    rounds.retain(|(_, round)| round.state == RoundState::Closed);
    let mut chosen: HashMap<uuid::Uuid, Vec<UnitId>> = HashMap::new();
    for row in survey_unit::Entity::find()
        .filter(survey_unit::Column::OrgId.eq(viewer.org.0))
        .all(db)
        .await
        .map_err(internal)?
    {
        chosen.entry(row.survey_id).or_default().push(UnitId(row.unit_id));
    }
    let mut entries = Vec::new();
    for of_survey in surveys {
        let units = units_within(&structure, chosen.get(&of_survey.id).map_or(&[], Vec::as_slice));
        if !units.iter().any(|unit| reach.covers(Some(*unit))) {
            continue;
        }
        let own: Vec<RoundSummary> = rounds
            .iter()
            .filter(|(survey, _)| *survey == of_survey.id)
            .map(|(_, round)| round.clone())
            .collect();
        if !own.is_empty() {
            entries.push(ResultsEntry { title: title_of(&of_survey), rounds: own });
        }
    }
    Ok(entries)
}

/// The results of a closed round as `viewer` may see them.
pub async fn results(
    db: &DatabaseConnection,
    keys: &Keyring,
    viewer: &OrgScope,
    query: ResultsQuery,
    time_zone: chrono_tz::Tz,
) -> Result<SurveyResults, AppError> {
    let round = owned_round(db, viewer.org, query.round).await?;
    let of_survey = owned(db, viewer.org, round.survey_id).await?;
    let structure = Structure::load(db, viewer.org).await.map_err(internal)?;
    let reach = reach_of(db, viewer, &structure).await?;
    if round.closed_at.is_none() {
        return Err(AppError::invalid("round", Problem::NotNow));
    }
    let audience_units = audience_units(db, round.survey_id, &structure).await?;
    let unit_names = crate::server::service::structure::unit_names(db, viewer.org)
        .await?
        .into_iter()
        .collect::<HashMap<_, _>>();
    let mut scopes: Vec<(Option<UnitId>, String)> = audience_units
        .iter()
        .filter(|unit| reach.covers(Some(**unit)))
        .map(|unit| (Some(*unit), unit_names.get(unit).cloned().unwrap_or_default()))
        .collect();
    scopes.sort_by(|a, b| a.1.cmp(&b.1));
    if matches!(reach, Reach::Everything) {
        scopes.insert(0, (None, String::new()));
    }
    let scope = match query.unit {
        Some(unit) if reach.covers(Some(unit)) && audience_units.contains(&unit) => Some(unit),
        Some(_) => return Err(AppError::NotFound),
        None if matches!(reach, Reach::Everything) => None,
        None => scopes.first().and_then(|(unit, _)| *unit),
    };
    if scope.is_none() && !matches!(reach, Reach::Everything) {
        return Err(AppError::Forbidden);
    }
    let query = ResultsQuery { unit: scope, ..query };
    let questions = questions_of(db, of_survey.id).await?;
    let themes = themes_of(&questions);
    let summary = summary_of(db, &round, time_zone).await?;
    let data = RoundData::load(db, round, &structure, &questions).await?;
    let scope_key = GroupKey::scope(scope);
    let rows = match query.breakdown {
        Segment::Unit => {
            let mut units: Vec<UnitId> = audience_units
                .iter()
                .copied()
                .filter(|unit| Some(*unit) != scope)
                .filter(|unit| scope.is_none_or(|above| structure.is_within(*unit, above)))
                .collect();
            units.sort_by_key(|unit| unit_names.get(unit).cloned().unwrap_or_default());
            units
                .into_iter()
                .map(|unit| ResultRow {
                    label: RowLabel::Unit(unit_names.get(&unit).cloned().unwrap_or_default()),
                    cell: data.cell(GroupKey::Unit(unit), &themes),
                })
                .collect()
        }
        segment => {
            let functions = crate::server::service::functions::names(db, viewer.org).await?;
            data.values_of(segment, &functions)
                .into_iter()
                .map(|value| ResultRow {
                    label: label_of(value, &functions),
                    cell: data.cell(GroupKey::within(scope, value), &themes),
                })
                .collect()
        }
    };
    let comments = if data.judgement.comments_shown(scope_key) {
        Comments::Shown(
            super::comments::threads(db, keys, viewer, &data.comments_of(scope_key), &questions, time_zone)
                .await?,
        )
    } else {
        Comments::Hidden
    };
    let trend = trend(db, &data.round, &structure, scope_key, &questions, &themes, time_zone).await?;
    Ok(SurveyResults {
        survey: crate::domain::ids::SurveyId(of_survey.id),
        title: title_of(&of_survey),
        round: summary,
        threshold: data.judgement.threshold(),
        scopes,
        query,
        has_enps: questions.iter().any(|q| q.kind == SurveyQuestionKind::Enps),
        overall: data.cell(scope_key, &themes),
        questions: data.question_results(scope_key, &questions),
        rows,
        themes,
        comments,
        trend,
    })
}

/// The themes of the survey's agreement questions, in the order they first come.
fn themes_of(questions: &[SurveyQuestion]) -> Vec<Theme> {
    let mut themes = Vec::new();
    for question in questions.iter().filter(|q| q.kind == SurveyQuestionKind::Likert) {
        if !themes.contains(&question.theme) {
            themes.push(question.theme);
        }
    }
    themes
}

/// The same group in every closed round of the survey up to this one, oldest first.
async fn trend(
    db: &DatabaseConnection,
    current: &survey_round::Model,
    structure: &Structure,
    key: GroupKey,
    questions: &[SurveyQuestion],
    themes: &[Theme],
    time_zone: chrono_tz::Tz,
) -> Result<Vec<TrendPoint>, AppError> {
    let rounds = survey_round::Entity::find()
        .filter(survey_round::Column::SurveyId.eq(current.survey_id))
        .filter(survey_round::Column::ClosedAt.is_not_null())
        .filter(survey_round::Column::OpensAt.lte(current.opens_at))
        .order_by_asc(survey_round::Column::OpensAt)
        .all(db)
        .await
        .map_err(internal)?;
    let mut points = Vec::with_capacity(rounds.len());
    for round in rounds {
        let opens_on = local_day(round.opens_at, time_zone);
        let data = RoundData::load(db, round, structure, questions).await?;
        points.push(TrendPoint { opens_on, cell: data.cell(key, themes) });
    }
    Ok(points)
}

async fn summary_of(
    db: &impl ConnectionTrait,
    round: &survey_round::Model,
    time_zone: chrono_tz::Tz,
) -> Result<RoundSummary, AppError> {
    let rounds = super::rounds_of(db, vec![round.survey_id], time_zone).await?;
    rounds
        .into_iter()
        .map(|(_, summary)| summary)
        .find(|summary| summary.id == SurveyRoundId(round.id))
        .filter(|summary| summary.state == RoundState::Closed || summary.state == RoundState::Open)
        .ok_or(AppError::Internal)
}

/// The survey's units and every unit below them.
pub(super) async fn audience_units(
    db: &impl ConnectionTrait,
    survey: uuid::Uuid,
    structure: &Structure,
) -> Result<Vec<UnitId>, AppError> {
    let chosen = super::builder::audience(db, survey).await?;
    Ok(units_within(structure, &chosen))
}

/// The `chosen` units and every unit below them.
fn units_within(structure: &Structure, chosen: &[UnitId]) -> Vec<UnitId> {
    structure.units().filter(|unit| chosen.iter().any(|above| structure.is_within(*unit, *above))).collect()
}

fn label_of(value: SegmentValue, functions: &HashMap<uuid::Uuid, FunctionName>) -> RowLabel {
    match value {
        SegmentValue::Function(Some(id)) => {
            functions.get(&id).cloned().map_or(RowLabel::FormerFunction, RowLabel::Function)
        }
        SegmentValue::Tenure(Some(band)) => RowLabel::Tenure(band),
        SegmentValue::Age(Some(band)) => RowLabel::Age(band),
        SegmentValue::Function(None) | SegmentValue::Tenure(None) | SegmentValue::Age(None) => {
            RowLabel::Unknown
        }
    }
}
