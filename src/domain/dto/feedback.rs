//! Feedback and private notes as pages show them and forms send them (issue 6).

use serde::{Deserialize, Serialize};

use super::{GoalRef, PersonRef};
use crate::domain::feedback::FeedbackVisibility;
use crate::domain::ids::{FeedbackId, NoteId};
use crate::domain::validation::{Checks, FieldError, Problem};

/// Longest feedback or note, in characters.
pub const FEEDBACK_TEXT_MAX: u32 = 4000;

/// A piece of feedback as someone who may read it sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub id: FeedbackId,
    /// `None` for an external person, or once the giver's account was erased.
    pub giver: Option<PersonRef>,
    /// An external person's name, when they answered a request.
    pub external_giver: Option<String>,
    pub recipient: PersonRef,
    pub visibility: FeedbackVisibility,
    /// The competency or core value it is about, by name in both languages.
    pub about: Option<super::FunctionName>,
    /// The goal it is about, while the reader may see that goal.
    pub goal: Option<GoalRef>,
    pub body: String,
    /// `YYYY-MM-DD HH:MM` in the installation's time zone.
    pub at: String,
}

/// Which feedback a list asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeedbackBox {
    /// What the viewer received and may read.
    #[default]
    Received,
    Given,
    /// What the viewer's reports received that managers may read.
    Team,
    /// Everyone's public praise.
    Praise,
}

impl FeedbackBox {
    pub fn from_code(code: &str) -> FeedbackBox {
        match code {
            "given" => FeedbackBox::Given,
            "team" => FeedbackBox::Team,
            "praise" => FeedbackBox::Praise,
            _ => FeedbackBox::Received,
        }
    }

    pub const fn code(self) -> &'static str {
        match self {
            FeedbackBox::Received => "received",
            FeedbackBox::Given => "given",
            FeedbackBox::Team => "team",
            FeedbackBox::Praise => "praise",
        }
    }
}

/// Who will be able to read feedback to a person with a visibility, shown
/// before it is sent; and what may be chosen for that person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackPreview {
    /// The recipient's name.
    pub recipient: String,
    /// Names of the people who will read it besides the giver.
    pub readers: Vec<String>,
    /// Praise: everyone of the organisation reads it.
    pub everyone: bool,
    /// The visibilities the organisation allows for this recipient.
    pub allowed: Vec<FeedbackVisibility>,
    /// The recipient's goals the giver may see, to give feedback on.
    pub goals: Vec<GoalRef>,
}

/// What the feedback form offers the giver.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackChoices {
    /// Everyone active of the organisation but the giver.
    pub people: Vec<PersonRef>,
    pub competencies: Vec<(String, super::FunctionName)>,
    pub values: Vec<(String, super::FunctionName)>,
}

/// The feedback form as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackForm {
    #[serde(default)]
    pub recipient: String,
    #[serde(default)]
    pub visibility: String,
    /// `goal:{id}`, `competency:{id}`, `value:{id}` or empty.
    #[serde(default)]
    pub about: String,
    #[serde(default)]
    pub body: String,
}

/// What feedback is about, as the form named it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedbackAbout {
    Goal(uuid::Uuid),
    Competency(uuid::Uuid),
    Value(uuid::Uuid),
}

/// A feedback form whose fields each passed their own checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedFeedback {
    pub recipient: uuid::Uuid,
    pub visibility: FeedbackVisibility,
    pub about: Option<FeedbackAbout>,
    pub body: String,
}

impl FeedbackForm {
    pub fn validate(&self) -> Result<CheckedFeedback, Vec<FieldError>> {
        let mut c = Checks::default();
        let recipient = self.recipient.trim().parse::<uuid::Uuid>().ok();
        if recipient.is_none() {
            c.fail("recipient", Problem::Required);
        }
        let visibility = FeedbackVisibility::from_code(self.visibility.trim());
        if visibility.is_none() {
            c.fail("visibility", Problem::NotAChoice);
        }
        let about = match self.about.trim().split_once(':') {
            None if self.about.trim().is_empty() => None,
            Some(("goal", id)) => id.parse().ok().map(FeedbackAbout::Goal),
            Some(("competency", id)) => id.parse().ok().map(FeedbackAbout::Competency),
            Some(("value", id)) => id.parse().ok().map(FeedbackAbout::Value),
            _ => {
                c.fail("about", Problem::NotAChoice);
                None
            }
        };
        if visibility == Some(FeedbackVisibility::Praise) && !matches!(about, Some(FeedbackAbout::Value(_))) {
            // Praise is tied to a core value (PRODUCT.md §3.3).
            c.fail("about", Problem::Required);
        }
        let body = c.text("body", &self.body, FEEDBACK_TEXT_MAX);
        c.finish().map(|()| CheckedFeedback {
            recipient: recipient.unwrap_or_default(),
            visibility: visibility.unwrap_or(FeedbackVisibility::Recipient),
            about,
            body,
        })
    }
}

/// A private note, for its author.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: NoteId,
    pub subject: PersonRef,
    pub body: String,
    /// `YYYY-MM-DD HH:MM` in the installation's time zone.
    pub written: String,
    pub changed: Option<String>,
}

/// The note form as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub body: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn praise_needs_a_core_value() {
        let form = FeedbackForm {
            recipient: uuid::Uuid::nil().to_string(),
            visibility: "praise".into(),
            about: String::new(),
            body: "Top gedaan".into(),
        };
        let fields: Vec<String> =
            form.validate().expect_err("invalid").into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["about"]);
        let value = uuid::Uuid::now_v7();
        let form = FeedbackForm { about: format!("value:{value}"), ..form };
        assert_eq!(form.validate().expect("valid").about, Some(FeedbackAbout::Value(value)));
    }

    #[test]
    fn every_wrong_field_is_named() {
        let form = FeedbackForm {
            recipient: "x".into(),
            visibility: "all".into(),
            about: "team:1".into(),
            body: " ".into(),
        };
        let fields: Vec<String> =
            form.validate().expect_err("invalid").into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["recipient", "visibility", "about", "body"]);
    }
}
