//! Reviews by others — peers, reports, people outside (issue 7): whom the
//! employee asked, the manager's approval, and the answers once they may be
//! shown; and what a reviewer sees to answer.

use serde::{Deserialize, Serialize};

use super::{Answer, EvaluationQuestion, FunctionName, PersonRef};
use crate::domain::ids::NominationId;
use crate::domain::reviews::MomentKind;

/// Longest name of an external reviewer, in characters.
pub const REVIEWER_NAME_MAX: u32 = 200;

/// The reviews by others of one evaluation, as its two parties see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerReviews {
    /// The form reviewers answer.
    pub form: FunctionName,
    /// Whether answers are shown with the reviewer's name.
    pub named: bool,
    /// From how many answers anonymous ones are shown.
    pub threshold: u32,
    pub nominations: Vec<Nomination>,
    pub answered: u32,
    /// The answers, once they may be shown: per reviewer, named or not.
    pub results: Option<Vec<PeerAnswers>>,
    pub questions: Vec<EvaluationQuestion>,
    /// The employee, while the moment is open: may ask more people.
    pub may_nominate: bool,
    /// A manager, while some nominations wait for approval.
    pub may_approve: bool,
    /// Whom the employee can ask (colleagues), for the nomination form.
    pub colleagues: Vec<PersonRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nomination {
    pub id: NominationId,
    /// A colleague's name, or the name an external person was given.
    pub who: String,
    pub external: bool,
    pub approved: bool,
    pub answered: bool,
}

/// One reviewer's answers; `reviewer` only when the cycle names them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerAnswers {
    pub reviewer: Option<String>,
    pub answers: Vec<Answer>,
}

/// A colleague, or someone outside by name and address, as the form sends.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NominationForm {
    #[serde(default)]
    pub reviewer: String,
    #[serde(default)]
    pub external_name: String,
    #[serde(default)]
    pub external_email: String,
}

/// A review someone was asked for and has not given yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRequest {
    pub nomination: NominationId,
    pub employee: PersonRef,
    pub kind: MomentKind,
    pub cycle: String,
    /// `YYYY-MM-DD`: the last day to answer.
    pub closes_on: String,
}

/// What a reviewer sees to answer: about whom, until when, the questions,
/// and whether their name goes with the answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewerForm {
    pub employee: String,
    pub organisation: String,
    pub kind: MomentKind,
    pub closes_on: String,
    pub named: bool,
    pub questions: Vec<EvaluationQuestion>,
}
