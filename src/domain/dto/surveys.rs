//! Engagement surveys as their builder, their respondents and their
//! results pages exchange them (issue 9). A result is either shown, with
//! how many answered, or hidden with the anonymity engine's reason.

use serde::{Deserialize, Serialize};

use super::FunctionName;
use crate::domain::AppError;
use crate::domain::anonymity::Verdict;
use crate::domain::ids::{SurveyAnswerId, SurveyId, SurveyQuestionId, SurveyRoundId, UnitId};
use crate::domain::surveys::bands::{AgeBand, TenureBand};
use crate::domain::surveys::{
    COMMENT_MAX, ONBOARDING_DAYS_RANGE, OPEN_DAYS_RANGE, QUESTION_MAX, REPEAT_MONTHS_RANGE, REPLY_MAX,
    Segment, SurveyKind, SurveyQuestionKind, Theme,
};
use crate::domain::validation::{Checks, FieldError, Problem};
use crate::i18n::{Key, Lang, format, text};

coded!(
    /// Where a round is in its life.
    RoundState {
        Scheduled => "scheduled", SurveysStateScheduled;
        Open => "open", SurveysStateOpen;
        Closed => "closed", SurveysStateClosed;
    }
);

/// A survey in the admin's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveySummary {
    pub id: SurveyId,
    pub title: FunctionName,
    pub kind: SurveyKind,
    pub questions: u32,
    /// The latest round first.
    pub rounds: Vec<RoundSummary>,
}

/// One round: when it runs and how many of those asked answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundSummary {
    pub id: SurveyRoundId,
    /// `YYYY-MM-DD`, local time.
    pub opens_on: String,
    pub closes_on: String,
    pub state: RoundState,
    pub invited: u32,
    pub answered: u32,
}

impl RoundSummary {
    /// "Closed, 2026-10-01 to 2026-10-15: 8 of 10 answered", as every list shows a round.
    pub fn line(&self, lang: Lang) -> String {
        format(
            lang,
            Key::SurveysRoundLine,
            &[
                ("state", text(lang, self.state.label_key())),
                ("opens", &self.opens_on),
                ("closes", &self.closes_on),
                ("answered", &self.answered.to_string()),
                ("invited", &self.invited.to_string()),
            ],
        )
    }
}

/// A survey with everything its builder shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyDetails {
    pub id: SurveyId,
    pub form: SurveyForm,
    pub questions: Vec<SurveyQuestion>,
    /// The units it is for (with the units below them).
    pub units: Vec<UnitId>,
    pub unit_choices: Vec<(UnitId, String)>,
    /// Library questions not in the survey yet, by key.
    pub library: Vec<LibraryChoice>,
    /// Questions and audience are fixed once a round has opened: answers
    /// must mean the same from round to round.
    pub locked: bool,
    pub rounds: Vec<RoundSummary>,
    /// The organisation's threshold, which a round fixes when it opens.
    pub threshold: u32,
}

/// A question of the library, for the builder to offer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryChoice {
    pub key: String,
    pub theme: Theme,
    pub kind: SurveyQuestionKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyQuestion {
    pub id: SurveyQuestionId,
    pub theme: Theme,
    pub kind: SurveyQuestionKind,
    pub text: FunctionName,
}

/// A survey's title, introduction and schedule, as the builder sends them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyForm {
    #[serde(default)]
    pub title_nl: String,
    #[serde(default)]
    pub title_en: String,
    #[serde(default)]
    pub intro_nl: String,
    #[serde(default)]
    pub intro_en: String,
    #[serde(default)]
    pub kind: String,
    /// How many days each round stays open.
    #[serde(default)]
    pub open_days: String,
    /// For a pulse: every so many months.
    #[serde(default)]
    pub repeat_months: String,
    /// For onboarding: so many days after the start date.
    #[serde(default)]
    pub onboarding_days: String,
    /// After so many days open, those who have not answered are reminded; empty for never.
    #[serde(default)]
    pub remind_after_days: String,
}

/// A survey form that passed its checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedSurvey {
    pub title_nl: String,
    pub title_en: String,
    pub intro_nl: String,
    pub intro_en: String,
    pub kind: SurveyKind,
    pub open_days: i32,
    pub repeat_months: Option<i32>,
    pub onboarding_days: Option<i32>,
    pub remind_after_days: Option<i32>,
}

/// Longest title, in characters.
pub const TITLE_MAX: u32 = 200;
/// Longest introduction, in characters.
pub const INTRO_MAX: u32 = 4000;

fn number_in(c: &mut Checks, field: &str, value: &str, range: std::ops::RangeInclusive<i32>) -> Option<i32> {
    match value.trim() {
        "" => {
            c.fail(field, Problem::Required);
            None
        }
        given => match given.parse::<i32>() {
            Ok(number) if range.contains(&number) => Some(number),
            _ => {
                c.fail(field, Problem::InvalidNumber);
                None
            }
        },
    }
}

impl SurveyForm {
    pub fn validate(&self) -> Result<CheckedSurvey, Vec<FieldError>> {
        let mut c = Checks::default();
        let title_nl = c.text("title_nl", &self.title_nl, TITLE_MAX);
        let title_en = c.optional_text("title_en", &self.title_en, TITLE_MAX);
        let intro_nl = c.optional_text("intro_nl", &self.intro_nl, INTRO_MAX);
        let intro_en = c.optional_text("intro_en", &self.intro_en, INTRO_MAX);
        let kind = SurveyKind::from_code(self.kind.trim());
        if kind.is_none() {
            c.fail("kind", Problem::NotAChoice);
        }
        let open_days = number_in(&mut c, "open_days", &self.open_days, OPEN_DAYS_RANGE);
        let repeat_months = (kind == Some(SurveyKind::Pulse))
            .then(|| number_in(&mut c, "repeat_months", &self.repeat_months, REPEAT_MONTHS_RANGE))
            .flatten();
        let onboarding_days = (kind == Some(SurveyKind::Onboarding))
            .then(|| number_in(&mut c, "onboarding_days", &self.onboarding_days, ONBOARDING_DAYS_RANGE))
            .flatten();
        let remind_after_days = match self.remind_after_days.trim() {
            "" => None,
            _ => {
                let days = number_in(&mut c, "remind_after_days", &self.remind_after_days, OPEN_DAYS_RANGE);
                if let (Some(days), Some(open)) = (days, open_days)
                    && days >= open
                {
                    c.fail("remind_after_days", Problem::NotNow);
                }
                days
            }
        };
        c.finish().map(|()| CheckedSurvey {
            title_nl,
            title_en,
            intro_nl,
            intro_en,
            kind: kind.unwrap_or(SurveyKind::Once),
            open_days: open_days.unwrap_or_default(),
            repeat_months,
            onboarding_days,
            remind_after_days,
        })
    }
}

/// A question of one's own, as the builder sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomQuestionForm {
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub text_nl: String,
    #[serde(default)]
    pub text_en: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedCustomQuestion {
    pub theme: Theme,
    pub kind: SurveyQuestionKind,
    pub text_nl: String,
    pub text_en: String,
}

impl CustomQuestionForm {
    pub fn validate(&self) -> Result<CheckedCustomQuestion, Vec<FieldError>> {
        let mut c = Checks::default();
        let theme = Theme::from_code(self.theme.trim());
        if theme.is_none() {
            c.fail("theme", Problem::NotAChoice);
        }
        let kind = SurveyQuestionKind::from_code(self.kind.trim());
        if kind.is_none() {
            c.fail("kind", Problem::NotAChoice);
        }
        let text_nl = c.text("text_nl", &self.text_nl, QUESTION_MAX);
        let text_en = c.optional_text("text_en", &self.text_en, QUESTION_MAX);
        c.finish().map(|()| CheckedCustomQuestion {
            theme: theme.unwrap_or(Theme::General),
            kind: kind.unwrap_or(SurveyQuestionKind::Open),
            text_nl,
            text_en,
        })
    }
}

/// The units a survey is for, as the builder's checkboxes send them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudienceForm {
    #[serde(default)]
    pub units: Vec<String>,
}

impl AudienceForm {
    pub fn units(&self) -> Result<Vec<UnitId>, AppError> {
        self.units
            .iter()
            .map(|unit| unit.parse().map(UnitId).map_err(|_| AppError::invalid("units", Problem::NotAChoice)))
            .collect()
    }
}

/// A survey whose closed rounds the viewer may read the results of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultsEntry {
    pub title: FunctionName,
    /// Closed rounds, the latest first.
    pub rounds: Vec<RoundSummary>,
}

/// A round whose respondent's browser holds a reply code: their own comments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnComments {
    pub round: SurveyRoundId,
    pub title: FunctionName,
    pub themes: Vec<ThemeComments>,
}

/// A round the signed-in person is asked to answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySurvey {
    pub round: SurveyRoundId,
    pub title: FunctionName,
    pub closes_on: String,
    /// Some answers are saved but not sent yet.
    pub started: bool,
}

/// A round as its respondent answers it, with what they saved so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyToAnswer {
    pub round: SurveyRoundId,
    pub title: FunctionName,
    pub intro: FunctionName,
    pub closes_on: String,
    pub questions: Vec<SurveyQuestion>,
    pub saved: Vec<Answer>,
    /// From how many answers a group's results are shown.
    pub threshold: u32,
}

/// One answer: a score for a scored question, a comment for an open one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub question: Option<SurveyQuestionId>,
    pub score: Option<i32>,
    #[serde(default)]
    pub comment: String,
}

/// Checks answers against the questions: each names a question once, a
/// score lies on its question's scale, a comment is not too long. Empty
/// answers are dropped; nothing is required, so anyone can skip a question.
pub fn check_answers(
    questions: &[SurveyQuestion],
    answers: &[Answer],
) -> Result<Vec<Answer>, Vec<FieldError>> {
    let mut c = Checks::default();
    let mut kept: Vec<Answer> = Vec::new();
    for answer in answers {
        let Some(question) = questions.iter().find(|q| Some(q.id) == answer.question) else {
            c.fail("answers", Problem::NotAChoice);
            continue;
        };
        let field = format!("answer_{}", question.id);
        if kept.iter().any(|k| k.question == answer.question) {
            c.fail(&field, Problem::NotAChoice);
            continue;
        }
        match (question.kind.scores(), answer.score) {
            (Some(scale), Some(score)) if scale.contains(&score) => {
                kept.push(Answer { question: answer.question, score: Some(score), comment: String::new() });
            }
            (Some(_), Some(_)) => c.fail(&field, Problem::NotAChoice),
            (Some(_), None) => {}
            (None, _) => {
                let comment = c.optional_text(&field, &answer.comment, COMMENT_MAX);
                if !comment.is_empty() {
                    kept.push(Answer { question: answer.question, score: None, comment });
                }
            }
        }
    }
    c.finish().map(|()| kept)
}

/// What the results page asks for: a round, seen from a unit (or the
/// whole audience), cut by a segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultsQuery {
    pub round: SurveyRoundId,
    pub unit: Option<UnitId>,
    pub breakdown: Segment,
}

impl ResultsQuery {
    /// The query of the results page's address: `/surveys/results/{round}?unit=…&by=…`;
    /// an empty unit is the whole audience, an unknown segment cuts by unit.
    pub fn from_address(round: &str, unit: &str, by: &str) -> Result<ResultsQuery, AppError> {
        let round = SurveyRoundId(round.parse().map_err(|_| AppError::NotFound)?);
        let unit = match unit.trim() {
            "" => None,
            unit => Some(UnitId(unit.parse().map_err(|_| AppError::NotFound)?)),
        };
        Ok(ResultsQuery { round, unit, breakdown: Segment::from_code(by).unwrap_or(Segment::Unit) })
    }

    /// The address of these results as a spreadsheet.
    pub fn export_address(&self) -> String {
        let unit = self.unit.map(|unit| unit.to_string()).unwrap_or_default();
        format!("/surveys/results/{}/export.xlsx?unit={unit}&by={}", self.round, self.breakdown.code())
    }
}

/// A round's results, as far as the anonymity engine allows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyResults {
    pub survey: SurveyId,
    pub title: FunctionName,
    pub round: RoundSummary,
    pub threshold: u32,
    /// The units the viewer may look from; `None` first for admins (everyone).
    pub scopes: Vec<(Option<UnitId>, String)>,
    pub query: ResultsQuery,
    /// The themes the columns show, in order.
    pub themes: Vec<Theme>,
    /// Whether the survey asks the recommendation question.
    pub has_enps: bool,
    pub overall: Cell,
    pub rows: Vec<ResultRow>,
    /// Per question, for the group looked from.
    pub questions: Vec<QuestionResult>,
    /// Comments by theme, for the group looked from, when it is large enough.
    pub comments: Comments,
    /// The same group in the survey's earlier rounds, oldest first.
    pub trend: Vec<TrendPoint>,
}

/// One row of the heatmap: a unit or a segment's value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultRow {
    pub label: RowLabel,
    pub cell: Cell,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowLabel {
    Unit(String),
    Function(FunctionName),
    Tenure(TenureBand),
    Age(AgeBand),
    /// Respondents whose segment is not known (no function, no start date…).
    Unknown,
    /// Respondents whose function was deleted after the round closed.
    FormerFunction,
}

impl RowLabel {
    pub fn in_language(&self, lang: Lang) -> String {
        match self {
            RowLabel::Unit(name) => name.clone(),
            RowLabel::Function(name) => name.in_language(lang).to_owned(),
            RowLabel::Tenure(band) => text(lang, band.label_key()).to_owned(),
            RowLabel::Age(band) => text(lang, band.label_key()).to_owned(),
            RowLabel::Unknown => text(lang, Key::SurveysUnknown).to_owned(),
            RowLabel::FormerFunction => text(lang, Key::SurveysFormerFunction).to_owned(),
        }
    }
}

/// A group's numbers, or why they are hidden.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    Shown {
        respondents: u32,
        /// Per theme of [`SurveyResults::themes`], 0–100; none where nobody answered it.
        themes: Vec<Option<i32>>,
        enps: Option<i32>,
    },
    Hidden(Verdict),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub text: FunctionName,
    pub theme: Theme,
    pub kind: SurveyQuestionKind,
    /// 0–100 for agreement, −100..100 for eNPS; none for comments, or when
    /// fewer than the threshold answered it.
    pub score: Option<i32>,
    /// How many answered it; none when fewer than the threshold did.
    pub answers: Option<u32>,
}

/// The comments of a group, or why they are not shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Comments {
    Shown(Vec<ThemeComments>),
    /// Comments need more respondents than the threshold.
    Hidden,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeComments {
    pub theme: Theme,
    pub comments: Vec<CommentThread>,
}

/// A comment and its conversation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentThread {
    pub answer: SurveyAnswerId,
    pub question: FunctionName,
    pub text: String,
    pub replies: Vec<Reply>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    /// The manager's name; none when the anonymous respondent wrote it.
    pub author: Option<String>,
    pub text: String,
    /// Local date and time, `YYYY-MM-DD HH:MM`.
    pub written_at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    pub opens_on: String,
    pub cell: Cell,
}

/// A reply as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    pub text: String,
}

impl ReplyForm {
    pub fn validate(&self) -> Result<String, Vec<FieldError>> {
        let mut c = Checks::default();
        let text = c.text("text", &self.text, REPLY_MAX);
        c.finish().map(|()| text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: SurveyQuestionKind) -> SurveyQuestion {
        SurveyQuestion {
            id: SurveyQuestionId(uuid::Uuid::new_v4()),
            theme: Theme::General,
            kind,
            text: FunctionName { nl: "Vraag".into(), en: String::new() },
        }
    }

    #[test]
    fn a_score_must_lie_on_its_scale_and_skipped_questions_are_dropped() {
        let likert = question(SurveyQuestionKind::Likert);
        let open = question(SurveyQuestionKind::Open);
        let questions = [likert.clone(), open.clone()];
        let answer = |q: &SurveyQuestion, score: Option<i32>, comment: &str| Answer {
            question: Some(q.id),
            score,
            comment: comment.into(),
        };
        let kept = check_answers(&questions, &[answer(&likert, Some(4), ""), answer(&open, None, "  ")])
            .expect("valid");
        assert_eq!(kept.len(), 1, "an empty comment is no answer");
        assert!(check_answers(&questions, &[answer(&likert, Some(6), "")]).is_err(), "6 is off the scale");
        let stranger =
            Answer { question: Some(SurveyQuestionId(uuid::Uuid::new_v4())), ..Default::default() };
        assert!(check_answers(&questions, &[stranger]).is_err(), "a question of another survey");
    }

    #[test]
    fn a_pulse_needs_its_interval_and_a_reminder_comes_before_the_close() {
        let form = SurveyForm {
            title_nl: "Pulse".into(),
            kind: "pulse".into(),
            open_days: "14".into(),
            ..Default::default()
        };
        let fields: Vec<String> = form.validate().unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["repeat_months"]);
        let late = SurveyForm { repeat_months: "3".into(), remind_after_days: "14".into(), ..form };
        let fields: Vec<String> = late.validate().unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["remind_after_days"]);
    }
}
