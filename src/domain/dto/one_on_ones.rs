//! 1:1 conversations as pages show them and forms send them (issue 6):
//! a manager and an employee, their upcoming meeting's agenda, action
//! items, and the meetings held.

use serde::{Deserialize, Serialize};

use super::PersonRef;
use crate::domain::ids::{ActionItemId, OneOnOneId, PointId};
use crate::domain::one_on_ones::Cadence;
use crate::domain::validation::{Checks, FieldError, Problem};

/// Longest talking point or action item, in characters.
pub const POINT_MAX: u32 = 500;
/// Longest shared notes of a meeting, in characters.
pub const MEETING_NOTES_MAX: u32 = 10_000;

/// One's 1:1s and with whom one could start one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneOnOnes {
    pub series: Vec<OneOnOneSummary>,
    /// One's reports and managers without a 1:1 with one yet.
    pub partners: Vec<PersonRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneOnOneSummary {
    pub id: OneOnOneId,
    /// The other person.
    pub with: PersonRef,
    /// Whether the viewer is the manager in it.
    pub managing: bool,
    pub cadence: Cadence,
    /// The next meeting, `YYYY-MM-DD HH:MM` in the installation's time zone.
    pub next: String,
    pub open_actions: u32,
}

/// A 1:1 as one of its two people sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneOnOneDetails {
    pub id: OneOnOneId,
    /// The other one of the two, for the viewer.
    pub with: PersonRef,
    pub manager: PersonRef,
    pub employee: PersonRef,
    pub cadence: Cadence,
    pub upcoming: Meeting,
    /// Open items first (by due date), then those done.
    pub actions: Vec<ActionItem>,
    /// Meetings held, newest first.
    pub history: Vec<Meeting>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// `YYYY-MM-DD HH:MM` in the installation's time zone.
    pub at: String,
    /// The same moment as `<input type="datetime-local">` takes it.
    pub at_local: String,
    /// The shared notes, once held.
    pub notes: Option<String>,
    /// Shared points and the viewer's own private ones.
    pub points: Vec<TalkingPoint>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkingPoint {
    pub id: PointId,
    pub author: PersonRef,
    /// The viewer wrote it: they may delete it.
    pub mine: bool,
    /// Only its author sees it.
    pub private: bool,
    pub body: String,
    pub discussed: bool,
    /// How many meetings it moved on from, not discussed.
    pub carried_over: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    pub id: ActionItemId,
    pub owner: PersonRef,
    pub body: String,
    /// `YYYY-MM-DD`.
    pub due_on: Option<String>,
    pub done: bool,
}

/// Starting a 1:1 with a report or a manager.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanOneOnOneForm {
    #[serde(default)]
    pub with: String,
    /// The first meeting, as `<input type="datetime-local">` sends it.
    #[serde(default)]
    pub first: String,
    #[serde(default)]
    pub cadence: String,
}

/// A talking point for the upcoming meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointForm {
    #[serde(default)]
    pub body: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    pub private: Option<String>,
}

/// An action item agreed in the 1:1.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItemForm {
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub body: String,
    /// `YYYY-MM-DD` or empty.
    #[serde(default)]
    pub due_on: String,
}

/// The upcoming meeting marked held: shared notes and, optionally, another
/// moment for the next one than the schedule gives.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldForm {
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub next: String,
}

/// An action item form whose fields each passed their own checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedActionItem {
    pub owner: uuid::Uuid,
    pub body: String,
    pub due_on: Option<String>,
}

impl ActionItemForm {
    pub fn validate(&self) -> Result<CheckedActionItem, Vec<FieldError>> {
        let mut c = Checks::default();
        let owner = self.owner.trim().parse::<uuid::Uuid>().ok();
        if owner.is_none() {
            c.fail("owner", Problem::NotAChoice);
        }
        let body = c.text("body", &self.body, POINT_MAX);
        let due_on = (!self.due_on.trim().is_empty()).then(|| c.date("due_on", &self.due_on));
        c.finish().map(|()| CheckedActionItem { owner: owner.unwrap_or_default(), body, due_on })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_action_item_needs_an_owner_and_a_text_and_may_have_a_due_date() {
        let form = ActionItemForm { owner: "Ahmed".into(), body: " ".into(), due_on: "2026-13-01".into() };
        let fields: Vec<String> =
            form.validate().expect_err("invalid").into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["owner", "body", "due_on"]);
        let owner = uuid::Uuid::now_v7();
        let form =
            ActionItemForm { owner: owner.to_string(), body: "Cursus zoeken".into(), due_on: String::new() };
        assert_eq!(form.validate().expect("valid").due_on, None);
    }
}
