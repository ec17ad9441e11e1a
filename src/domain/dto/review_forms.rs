//! Review forms as the form editor shows and sends them (issue 7): named
//! and described in Dutch and English, with questions in order.

use serde::{Deserialize, Serialize};

use super::{BilingualForm, FunctionName};
use crate::domain::ids::{QuestionId, ReviewFormId};
use crate::domain::reviews::{DEFAULT_SCALE, QuestionKind, SCALE_RANGE};
use crate::domain::validation::{Checks, FieldError, Problem};

/// Longest question, in characters.
pub const QUESTION_TEXT_MAX: u32 = 500;
/// Longest hint under a question, in characters.
pub const QUESTION_HINT_MAX: u32 = 1000;

/// A form in the list of forms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewFormSummary {
    pub id: ReviewFormId,
    pub name: FunctionName,
    pub questions: u32,
}

/// A form with its questions, to edit it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewFormDetails {
    pub id: ReviewFormId,
    pub form: BilingualForm,
    pub questions: Vec<ReviewQuestion>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewQuestion {
    pub id: QuestionId,
    pub kind: QuestionKind,
    pub text: FunctionName,
    /// An explanation under the question; may be empty.
    pub hint: FunctionName,
    /// The highest rating, for rated kinds.
    pub scale: u32,
    pub required: bool,
}

/// A question as the editor sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub text_nl: String,
    #[serde(default)]
    pub text_en: String,
    #[serde(default)]
    pub hint_nl: String,
    #[serde(default)]
    pub hint_en: String,
    /// The highest rating, for rated kinds; empty gives the default.
    #[serde(default)]
    pub scale: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    pub required: Option<String>,
}

/// A question form whose fields each passed their own checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedQuestion {
    pub kind: QuestionKind,
    pub text_nl: String,
    pub text_en: String,
    pub hint_nl: String,
    pub hint_en: String,
    /// 0 for an open question.
    pub scale: u32,
    pub required: bool,
}

impl QuestionForm {
    pub fn validate(&self) -> Result<CheckedQuestion, Vec<FieldError>> {
        let mut c = Checks::default();
        let kind = QuestionKind::from_code(self.kind.trim());
        if kind.is_none() {
            c.fail("kind", Problem::NotAChoice);
        }
        let text_nl = c.text("text_nl", &self.text_nl, QUESTION_TEXT_MAX);
        let text_en = c.optional_text("text_en", &self.text_en, QUESTION_TEXT_MAX);
        let hint_nl = c.optional_text("hint_nl", &self.hint_nl, QUESTION_HINT_MAX);
        let hint_en = c.optional_text("hint_en", &self.hint_en, QUESTION_HINT_MAX);
        let scale = match (kind, self.scale.trim()) {
            (Some(kind), _) if !kind.rated() => 0,
            (_, "") => DEFAULT_SCALE,
            (_, given) => match given.parse::<u32>() {
                Ok(scale) if SCALE_RANGE.contains(&scale) => scale,
                _ => {
                    c.fail("scale", Problem::InvalidNumber);
                    DEFAULT_SCALE
                }
            },
        };
        c.finish().map(|()| CheckedQuestion {
            kind: kind.unwrap_or(QuestionKind::Open),
            text_nl,
            text_en,
            hint_nl,
            hint_en,
            scale,
            required: self.required.is_some(),
        })
    }
}

impl From<&ReviewQuestion> for QuestionForm {
    /// The editor's fields filled in with a question as it is.
    fn from(question: &ReviewQuestion) -> QuestionForm {
        QuestionForm {
            kind: question.kind.code().to_owned(),
            text_nl: question.text.nl.clone(),
            text_en: question.text.en.clone(),
            hint_nl: question.hint.nl.clone(),
            hint_en: question.hint.en.clone(),
            scale: if question.kind.rated() { question.scale.to_string() } else { String::new() },
            required: question.required.then(|| "on".to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_rating_has_a_scale_an_open_question_none() {
        let rating =
            QuestionForm { kind: "rating".into(), text_nl: "Samenwerking".into(), ..Default::default() };
        assert_eq!(rating.validate().expect("valid").scale, DEFAULT_SCALE, "the default scale");
        let ten = QuestionForm { scale: "10".into(), ..rating.clone() };
        assert_eq!(ten.validate().expect("valid").scale, 10);
        let open = QuestionForm { kind: "open".into(), scale: "7".into(), ..rating.clone() };
        assert_eq!(open.validate().expect("valid").scale, 0, "no scale for a written answer");
        let wide = QuestionForm { scale: "11".into(), ..rating };
        assert_eq!(fields(wide.validate().expect_err("too wide")), ["scale"]);
    }

    #[test]
    fn a_question_needs_a_kind_and_dutch_text() {
        let form = QuestionForm { kind: "essay".into(), ..Default::default() };
        assert_eq!(fields(form.validate().expect_err("invalid")), ["kind", "text_nl"]);
    }
}
