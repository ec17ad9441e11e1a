//! Evaluations as their writers see them (issue 7): the moment, the
//! questions, the viewer's own writing and the other party's once shared,
//! the acknowledgements, and a side panel with the period's goals,
//! feedback and the viewer's own notes.

use serde::{Deserialize, Serialize};

use super::{CheckIn, Feedback, FunctionName, Goal, Note, PersonRef, ReviewQuestion};
use crate::domain::evaluations::{Party, Stage, Workflow};
use crate::domain::ids::{MomentId, QuestionId};
use crate::domain::reviews::{MomentKind, QuestionKind};
use crate::domain::validation::{FieldError, Problem};

/// Longest written answer, in characters.
pub const ANSWER_MAX: u32 = 10_000;
/// Longest acknowledgement comment, in characters.
pub const ACKNOWLEDGEMENT_COMMENT_MAX: u32 = 2_000;
/// Longest reason to reopen an evaluation, in characters.
pub const REOPEN_REASON_MAX: u32 = 1_000;

/// An evaluation in a list: whose, at which moment, and how far it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationSummary {
    pub moment: MomentId,
    pub cycle: String,
    pub kind: MomentKind,
    pub employee: PersonRef,
    /// The viewer's part in it.
    pub viewer: Party,
    pub stage: Stage,
    /// Whether the viewer still has something to do: write, share or acknowledge.
    pub waiting_for_viewer: bool,
    /// `YYYY-MM-DD`.
    pub closes_on: String,
    pub overdue: bool,
}

/// One evaluation, to write, read and acknowledge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub moment: MomentId,
    pub cycle: String,
    pub kind: MomentKind,
    pub opens_on: String,
    pub closes_on: String,
    pub intro: FunctionName,
    pub employee: PersonRef,
    pub viewer: Party,
    pub workflow: Workflow,
    pub questions: Vec<EvaluationQuestion>,
    /// The viewer's own writing, if they write at this moment and began.
    pub mine: Option<WritingView>,
    /// The other party's writing, once shared.
    pub theirs: Option<WritingView>,
    pub acknowledgements: Vec<Acknowledgement>,
    /// The last time an admin reopened it, and why.
    pub reopened: Option<Reopening>,
    /// Reviews by others, if the moment asks for them.
    pub peers: Option<super::PeerReviews>,
    pub score: super::ScoreView,
    pub panel: SidePanel,
}

/// A question of the moment's form with what it rates, for rated kinds
/// that rate several things (the goals, the competencies).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationQuestion {
    pub question: ReviewQuestion,
    pub items: Vec<RatedItem>,
}

/// A goal or competency rated by a question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatedItem {
    pub id: uuid::Uuid,
    pub name: FunctionName,
}

/// The answers of one party, as stored (sealed) and shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub question: QuestionId,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub rating: Option<u32>,
    /// Per goal or competency.
    #[serde(default)]
    pub ratings: Vec<(uuid::Uuid, u32)>,
}

impl Answer {
    /// No answer yet to `question`.
    pub fn to(question: QuestionId) -> Answer {
        Answer { question, text: String::new(), rating: None, ratings: Vec::new() }
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.rating.is_none() && self.ratings.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WritingView {
    pub party: Party,
    /// Who saved it last, while their account exists.
    pub author: Option<String>,
    pub answers: Vec<Answer>,
    /// `YYYY-MM-DD HH:MM` in the installation's time zone.
    pub saved: String,
    pub shared: Option<String>,
}

impl WritingView {
    pub fn answer(&self, question: QuestionId) -> Option<&Answer> {
        self.answers.iter().find(|a| a.question == question)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acknowledgement {
    pub party: Party,
    pub by: Option<String>,
    pub at: String,
    pub comment: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reopening {
    pub by: Option<String>,
    pub at: String,
    pub reason: String,
}

/// What the writer may want to look at while writing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SidePanel {
    /// The employee's goals of the cycle's years, with their latest check-ins.
    pub goals: Vec<(Goal, Vec<CheckIn>)>,
    /// Feedback the employee received in the cycle's period that the viewer may read.
    pub feedback: Vec<Feedback>,
    /// The viewer's own private notes about the employee.
    pub notes: Vec<Note>,
}

/// A writing as the form sends it: one entry per question, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WritingForm {
    #[serde(default)]
    pub answers: Vec<ReviewAnswerForm>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewAnswerForm {
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub text: String,
    /// Empty when not rated (yet).
    #[serde(default)]
    pub rating: String,
    #[serde(default)]
    pub items: Vec<ItemRatingForm>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRatingForm {
    #[serde(default)]
    pub item: String,
    #[serde(default)]
    pub rating: String,
}

/// The field name of a question's answer in the form, for its error.
pub fn answer_field(index: usize) -> String {
    format!("answers[{index}]")
}

/// Checks a writing against the questions it answers: ratings on each
/// question's scale, items among those rated, texts not too long. When
/// `sharing`, every required question must be answered (a draft may be
/// incomplete). Answers to questions the form no longer has are dropped.
pub fn check_answers(
    questions: &[EvaluationQuestion],
    form: &WritingForm,
    sharing: bool,
) -> Result<Vec<Answer>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut answers = Vec::new();
    for (index, asked) in questions.iter().enumerate() {
        let question = &asked.question;
        let field = answer_field(index);
        let mut fail = |problem| errors.push(FieldError { field: field.clone(), problem });
        let sent = form.answers.iter().find(|a| a.question == question.id.0.to_string());
        let mut answer = Answer::to(question.id);
        if let Some(sent) = sent {
            answer.text = sent.text.trim().to_owned();
            if answer.text.chars().count() > ANSWER_MAX as usize {
                fail(Problem::TooLong { max: ANSWER_MAX });
            }
            let on_scale = |text: &str| -> Result<Option<u32>, Problem> {
                let text = text.trim();
                if text.is_empty() {
                    return Ok(None);
                }
                match text.parse::<u32>() {
                    Ok(rating) if (1..=question.scale).contains(&rating) => Ok(Some(rating)),
                    _ => Err(Problem::NotAChoice),
                }
            };
            match question.kind {
                QuestionKind::Open => {}
                QuestionKind::Rating => match on_scale(&sent.rating) {
                    Ok(rating) => answer.rating = rating,
                    Err(problem) => fail(problem),
                },
                QuestionKind::GoalRatings | QuestionKind::CompetencyRatings => {
                    for item in &sent.items {
                        let known = asked.items.iter().find(|i| i.id.to_string() == item.item.trim());
                        match (known, on_scale(&item.rating)) {
                            (Some(known), Ok(Some(rating))) => answer.ratings.push((known.id, rating)),
                            (Some(_), Ok(None)) => {}
                            (None, _) | (_, Err(_)) => fail(Problem::NotAChoice),
                        }
                    }
                }
            }
        }
        if sharing && question.required && !is_complete(asked, &answer) {
            fail(Problem::Unanswered);
        }
        if !answer.is_empty() {
            answers.push(answer);
        }
    }
    if errors.is_empty() { Ok(answers) } else { Err(errors) }
}

/// Whether a required question has all the answer it asks for.
fn is_complete(asked: &EvaluationQuestion, answer: &Answer) -> bool {
    match asked.question.kind {
        QuestionKind::Open => !answer.text.is_empty(),
        QuestionKind::Rating => answer.rating.is_some(),
        QuestionKind::GoalRatings | QuestionKind::CompetencyRatings => {
            asked.items.iter().all(|item| answer.ratings.iter().any(|(id, _)| *id == item.id))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::QuestionId;

    fn question(kind: QuestionKind, required: bool, items: Vec<RatedItem>) -> EvaluationQuestion {
        let text = FunctionName { nl: "Vraag".into(), en: "Question".into() };
        EvaluationQuestion {
            question: ReviewQuestion {
                id: QuestionId(uuid::Uuid::now_v7()),
                kind,
                text: text.clone(),
                hint: text,
                scale: if kind.rated() { 5 } else { 0 },
                required,
            },
            items,
        }
    }

    fn answer(
        asked: &EvaluationQuestion,
        text: &str,
        rating: &str,
        items: &[(&RatedItem, &str)],
    ) -> ReviewAnswerForm {
        ReviewAnswerForm {
            question: asked.question.id.0.to_string(),
            text: text.into(),
            rating: rating.into(),
            items: items
                .iter()
                .map(|(item, rating)| ItemRatingForm { item: item.id.to_string(), rating: (*rating).into() })
                .collect(),
        }
    }

    fn item(name: &str) -> RatedItem {
        RatedItem { id: uuid::Uuid::now_v7(), name: FunctionName { nl: name.into(), en: name.into() } }
    }

    #[test]
    fn a_draft_may_leave_required_questions_open_but_sharing_may_not() {
        let open = question(QuestionKind::Open, true, vec![]);
        let form = WritingForm::default();
        assert_eq!(check_answers(std::slice::from_ref(&open), &form, false), Ok(vec![]));
        let errors = check_answers(&[open], &form, true).unwrap_err();
        assert_eq!(errors, vec![FieldError { field: "answers[0]".into(), problem: Problem::Unanswered }]);
    }

    #[test]
    fn a_rating_must_lie_on_the_questions_scale() {
        let rating = question(QuestionKind::Rating, false, vec![]);
        let sent = |value: &str| WritingForm { answers: vec![answer(&rating, "", value, &[])] };
        let kept = check_answers(std::slice::from_ref(&rating), &sent("4"), true).unwrap();
        assert_eq!(kept[0].rating, Some(4));
        for wrong in ["0", "6", "vier"] {
            assert!(check_answers(std::slice::from_ref(&rating), &sent(wrong), false).is_err(), "{wrong}");
        }
    }

    #[test]
    fn per_goal_ratings_rate_only_the_goals_offered_and_all_of_them_when_required() {
        let (first, second) = (item("Cliënttevredenheid"), item("Scholing"));
        let goals = question(QuestionKind::GoalRatings, true, vec![first.clone(), second.clone()]);
        let partly = WritingForm { answers: vec![answer(&goals, "", "", &[(&first, "3"), (&second, "")])] };
        assert_eq!(
            check_answers(std::slice::from_ref(&goals), &partly, false).unwrap()[0].ratings,
            vec![(first.id, 3)]
        );
        assert!(check_answers(std::slice::from_ref(&goals), &partly, true).is_err());
        let stranger = item("Niet van deze persoon");
        let foreign = WritingForm { answers: vec![answer(&goals, "", "", &[(&stranger, "3")])] };
        assert!(check_answers(std::slice::from_ref(&goals), &foreign, false).is_err());
    }

    #[test]
    fn answers_are_trimmed_and_empty_ones_not_kept() {
        let open = question(QuestionKind::Open, false, vec![]);
        let form = WritingForm { answers: vec![answer(&open, "  Goed jaar.  ", "", &[])] };
        assert_eq!(check_answers(std::slice::from_ref(&open), &form, false).unwrap()[0].text, "Goed jaar.");
        let blank = WritingForm { answers: vec![answer(&open, "   ", "", &[])] };
        assert_eq!(check_answers(&[open], &blank, false), Ok(vec![]));
    }
}
