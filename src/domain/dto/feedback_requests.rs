//! Feedback requests as pages show them and forms send them (issue 6): a
//! person asks colleagues and external people for feedback, with their own
//! questions and a deadline; those asked answer each question.

use serde::{Deserialize, Serialize};

use super::PersonRef;
use crate::domain::feedback::FeedbackVisibility;
use crate::domain::ids::{AskedId, FeedbackRequestId};
use crate::domain::validation::{Checks, FieldError, Problem};

/// Question rows the request form offers.
pub const QUESTION_ROWS: usize = 5;
/// Rows for external people the request form offers.
pub const EXTERNAL_ROWS: usize = 3;
/// Longest question, in characters.
pub const QUESTION_MAX: u32 = 300;
/// Most people asked in one request.
pub const ASKED_MAX: u32 = 25;
/// Longest name of an external person.
const EXTERNAL_NAME_MAX: u32 = 120;

/// The request form as sent; empty rows are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackRequestForm {
    #[serde(default)]
    pub questions: Vec<String>,
    /// `YYYY-MM-DD`: answers are taken until the end of that day.
    #[serde(default)]
    pub deadline: String,
    /// Ids of the colleagues asked.
    #[serde(default)]
    pub colleagues: Vec<String>,
    #[serde(default)]
    pub externals: Vec<ExternalForm>,
}

/// An external person asked: a customer, a supplier.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
}

/// A request form whose fields each passed their own checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedRequest {
    pub questions: Vec<String>,
    /// A calendar date as `YYYY-MM-DD`; the server checks it is not past.
    pub deadline: String,
    pub colleagues: Vec<uuid::Uuid>,
    /// Names and lower-cased e-mail addresses.
    pub externals: Vec<(String, String)>,
}

impl FeedbackRequestForm {
    pub fn validate(&self) -> Result<CheckedRequest, Vec<FieldError>> {
        let mut c = Checks::default();
        let mut questions = Vec::new();
        for (at, question) in self.questions.iter().enumerate() {
            if !question.trim().is_empty() {
                questions.push(c.text(&format!("questions.{at}"), question, QUESTION_MAX));
            }
        }
        if questions.is_empty() {
            c.fail("questions", Problem::Required);
        }
        let deadline = c.date("deadline", &self.deadline);
        let mut colleagues = Vec::new();
        for id in self.colleagues.iter().filter(|id| !id.trim().is_empty()) {
            match id.trim().parse::<uuid::Uuid>() {
                Ok(id) if !colleagues.contains(&id) => colleagues.push(id),
                Ok(_) => {}
                Err(_) => c.fail("colleagues", Problem::NotAChoice),
            }
        }
        let mut externals: Vec<(String, String)> = Vec::new();
        for (at, external) in self.externals.iter().enumerate() {
            if external.name.trim().is_empty() && external.email.trim().is_empty() {
                continue;
            }
            let name = c.text(&format!("externals.{at}.name"), &external.name, EXTERNAL_NAME_MAX);
            let email = c.email(&format!("externals.{at}.email"), &external.email);
            if !externals.iter().any(|(_, known)| *known == email) {
                externals.push((name, email));
            }
        }
        let asked = colleagues.len() + externals.len();
        if asked == 0 {
            c.fail("asked", Problem::Required);
        } else if asked > ASKED_MAX as usize {
            c.fail("asked", Problem::TooMany { max: ASKED_MAX });
        }
        c.finish().map(|()| CheckedRequest { questions, deadline, colleagues, externals })
    }
}

/// Where one person asked stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AskedState {
    Waiting,
    Answered,
    /// The deadline passed, or the request was withdrawn, unanswered.
    Closed,
}

/// One person asked, as the requester sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asked {
    pub id: AskedId,
    pub name: String,
    /// An external person's e-mail address; `None` for a colleague.
    pub email: Option<String>,
    pub state: AskedState,
    /// When they were last reminded, `YYYY-MM-DD HH:MM`.
    pub reminded: Option<String>,
}

/// A request as its requester sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackRequest {
    pub id: FeedbackRequestId,
    pub questions: Vec<String>,
    /// `YYYY-MM-DD`.
    pub deadline: String,
    /// `YYYY-MM-DD HH:MM` in the installation's time zone.
    pub asked_at: String,
    pub withdrawn: bool,
    /// Not withdrawn and the deadline has not passed: reminders can go out.
    pub open: bool,
    pub asked: Vec<Asked>,
}

/// A request waiting for the viewer's answer, or the page to answer it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestToAnswer {
    pub asked: AskedId,
    pub requester: PersonRef,
    pub questions: Vec<String>,
    pub deadline: String,
    /// Who may read the answer: what the organisation allows for the
    /// requester, but praise (that is tied to a core value).
    pub allowed: Vec<FeedbackVisibility>,
}

/// What an external person's link shows: only the questions, and the
/// requester's name and organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalRequest {
    pub requester: String,
    pub organisation: String,
    pub questions: Vec<String>,
    pub deadline: String,
}

/// Someone outside the organisation who was asked for feedback, as the
/// organisation's register of their personal data lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalPerson {
    pub name: String,
    pub email: String,
    /// Who asked them, and when (`YYYY-MM-DD`).
    pub asked_by: String,
    pub asked_on: String,
    pub answered: bool,
}

/// The viewer's requests and the requests waiting for their answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackRequests {
    pub mine: Vec<FeedbackRequest>,
    pub to_answer: Vec<RequestToAnswer>,
}

/// The answers to a request's questions, in the order of the questions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    pub answers: Vec<String>,
    /// For a colleague: who may read the answer. Externals' answers are for
    /// the requester only.
    #[serde(default)]
    pub visibility: String,
}

impl AnswerForm {
    /// The answers as one text, each under its question; unanswered
    /// questions are left out, and at least one must be answered.
    pub fn as_feedback_text(&self, questions: &[String]) -> Result<String, Vec<FieldError>> {
        let mut c = Checks::default();
        let mut parts = Vec::new();
        for (at, question) in questions.iter().enumerate() {
            let answer = self.answers.get(at).map(|a| a.trim()).unwrap_or_default();
            if !answer.is_empty() {
                let answer = c.text(&format!("answers.{at}"), answer, super::FEEDBACK_TEXT_MAX);
                parts.push(format!("{question}\n{answer}"));
            }
        }
        if parts.is_empty() {
            c.fail("answers", Problem::Required);
        }
        c.finish().map(|()| parts.join("\n\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn empty_rows_are_left_out_and_doubles_count_once() {
        let colleague = uuid::Uuid::now_v7().to_string();
        let form = FeedbackRequestForm {
            questions: vec![" Wat ging goed? ".into(), String::new(), "Wat kan beter?".into()],
            deadline: "2026-12-10".into(),
            colleagues: vec![colleague.clone(), colleague],
            externals: vec![
                ExternalForm { name: "Els Klant".into(), email: "Els@Klant.nl".into() },
                ExternalForm::default(),
                ExternalForm { name: "Els".into(), email: "els@klant.nl".into() },
            ],
        };
        let checked = form.validate().expect("valid");
        assert_eq!(checked.questions, ["Wat ging goed?", "Wat kan beter?"]);
        assert_eq!(checked.colleagues.len(), 1);
        assert_eq!(checked.externals, [("Els Klant".to_owned(), "els@klant.nl".to_owned())]);
    }

    #[test]
    fn a_request_needs_a_question_a_date_and_someone_to_ask() {
        let form = FeedbackRequestForm { questions: vec![" ".into()], ..Default::default() };
        assert_eq!(fields(form.validate().expect_err("invalid")), ["questions", "deadline", "asked"]);
        let form = FeedbackRequestForm {
            questions: vec!["Hoe was het?".into()],
            deadline: "2026-02-30".into(),
            colleagues: vec!["iemand".into()],
            externals: vec![ExternalForm { name: String::new(), email: "geen-adres".into() }],
        };
        assert_eq!(
            fields(form.validate().expect_err("invalid")),
            ["deadline", "colleagues", "externals.0.name", "externals.0.email"]
        );
    }

    #[test]
    fn answers_stand_under_their_questions() {
        let questions = ["Wat ging goed?".to_owned(), "Wat kan beter?".to_owned()];
        let form =
            AnswerForm { answers: vec![String::new(), " Sneller terugbellen ".into()], ..Default::default() };
        assert_eq!(
            form.as_feedback_text(&questions).expect("answered"),
            "Wat kan beter?\nSneller terugbellen"
        );
        let unanswered = AnswerForm { answers: vec![" ".into()], ..Default::default() };
        assert_eq!(fields(unanswered.as_feedback_text(&questions).expect_err("empty")), ["answers"]);
    }
}
