//! Goals as pages show them and forms send them (issue 5).

use serde::{Deserialize, Serialize};

use super::PersonRef;
use crate::domain::goals::{GoalKind, GoalStatus, GoalVisibility, PlanState};
use crate::domain::ids::{GoalId, KeyResultId, UnitId};
use crate::domain::validation::{Checks, FieldError, Problem};

/// Longest title, in characters.
pub const TITLE_MAX: u32 = 200;
/// Longest description, target or comment, in characters.
pub const TEXT_MAX: u32 = 4000;
/// Most key results on one goal.
pub const KEY_RESULTS_MAX: usize = 10;
/// Key-result rows the goal form offers (more when a goal has more).
pub const KEY_RESULT_ROWS: usize = 5;

/// A goal as someone who may see it sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub id: GoalId,
    pub kind: GoalKind,
    /// The person of a performance or development goal.
    pub owner: Option<PersonRef>,
    /// The unit of a team goal.
    pub unit: Option<(UnitId, String)>,
    /// The goal it is aligned to, if the viewer may see that one.
    pub parent: Option<GoalRef>,
    /// The competency or core value a development goal develops: its id and name.
    pub develops: Option<(String, super::FunctionName)>,
    pub year: i32,
    pub title: String,
    pub description: String,
    pub target: String,
    /// `YYYY-MM-DD`.
    pub due_on: Option<String>,
    pub status: GoalStatus,
    pub visibility: GoalVisibility,
    pub progress: u8,
    pub key_results: Vec<KeyResult>,
    /// Whether the viewer may change it and post check-ins.
    pub editable: bool,
}

/// A goal named in a list or as a parent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalRef {
    pub id: GoalId,
    pub title: String,
    pub kind: GoalKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyResult {
    pub id: KeyResultId,
    pub title: String,
    pub start: f64,
    pub target: f64,
    pub current: f64,
}

/// A progress update in a goal's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    pub author: PersonRef,
    /// `YYYY-MM-DD HH:MM` in the installation's time zone.
    pub at: String,
    pub status: GoalStatus,
    pub progress: u8,
    pub comment: String,
    /// Each key result's title and its value after the check-in.
    pub values: Vec<(String, f64)>,
}

/// A goal with its history, for its own page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoalDetails {
    pub goal: Goal,
    /// Newest first.
    pub check_ins: Vec<CheckIn>,
    /// Goals aligned to this one that the viewer may see.
    pub children: Vec<GoalRef>,
}

/// The goal form as sent. Numbers and dates come as text, so that a wrong
/// one can be named beside its field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalForm {
    /// `organisation`, `team`, `performance` or `development`.
    #[serde(default)]
    pub kind: String,
    /// For a personal goal: whose (a manager for a report); empty: the sender.
    #[serde(default)]
    pub owner: String,
    /// For a team goal: the unit.
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub parent: String,
    /// For a development goal: a competency id or a core value id.
    #[serde(default)]
    pub develops: String,
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub due_on: String,
    /// Empty: the organisation's default for the owner's unit.
    #[serde(default)]
    pub visibility: String,
    #[serde(default)]
    pub key_results: Vec<KeyResultForm>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyResultForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub target: String,
}

/// A goal form whose fields each passed their own checks; whether the
/// sender may set such a goal is for the service to say.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedGoal {
    pub kind: GoalKind,
    pub owner: Option<String>,
    pub unit: Option<String>,
    pub parent: Option<String>,
    pub develops: Option<String>,
    pub year: i32,
    pub title: String,
    pub description: String,
    pub target: String,
    pub due_on: Option<String>,
    pub visibility: Option<GoalVisibility>,
    /// Title, start and target of each key result that has a title.
    pub key_results: Vec<(String, f64, f64)>,
}

impl GoalForm {
    pub fn validate(&self) -> Result<CheckedGoal, Vec<FieldError>> {
        let mut c = Checks::default();
        let kind = GoalKind::from_code(self.kind.trim());
        if kind.is_none() {
            c.fail("kind", Problem::NotAChoice);
        }
        let year = self.year.trim().parse::<i32>().ok().filter(|year| (2000..=2100).contains(year));
        if year.is_none() {
            c.fail("year", Problem::InvalidYear);
        }
        let title = c.text("title", &self.title, TITLE_MAX);
        let description = c.optional_text("description", &self.description, TEXT_MAX);
        let target = c.optional_text("target", &self.target, TEXT_MAX);
        let due_on = (!self.due_on.trim().is_empty()).then(|| c.date("due_on", &self.due_on));
        let visibility = check_visibility(&mut c, &self.visibility);
        let key_results = check_key_results(&mut c, &self.key_results);
        c.finish().map(|()| CheckedGoal {
            kind: kind.unwrap_or(GoalKind::Performance),
            owner: optional(&self.owner),
            unit: optional(&self.unit),
            parent: optional(&self.parent),
            develops: optional(&self.develops),
            year: year.unwrap_or_default(),
            title,
            description,
            target,
            due_on,
            visibility,
            key_results,
        })
    }
}

/// A visibility code; empty: the organisation's default.
pub(super) fn check_visibility(c: &mut Checks, code: &str) -> Option<GoalVisibility> {
    let code = code.trim();
    if code.is_empty() {
        return None;
    }
    let visibility = GoalVisibility::from_code(code);
    if visibility.is_none() {
        c.fail("visibility", Problem::NotAChoice);
    }
    visibility
}

/// Title, start and target of each key-result row that is filled in.
pub(super) fn check_key_results(c: &mut Checks, rows: &[KeyResultForm]) -> Vec<(String, f64, f64)> {
    let mut key_results = Vec::new();
    for (at, result) in rows.iter().enumerate() {
        if result.title.trim().is_empty() && result.start.trim().is_empty() && result.target.trim().is_empty()
        {
            continue;
        }
        let field = |name: &str| format!("key_results.{at}.{name}");
        let title = c.text(&field("title"), &result.title, TITLE_MAX);
        let mut number = |name: &str, value: &str| {
            let parsed = parse_number(value);
            if parsed.is_none() {
                c.fail(&field(name), Problem::InvalidNumber);
            }
            parsed.unwrap_or_default()
        };
        let start = number("start", &result.start);
        let end = number("target", &result.target);
        key_results.push((title, start, end));
    }
    if key_results.len() > KEY_RESULTS_MAX {
        c.fail("key_results", Problem::TooMany { max: KEY_RESULTS_MAX as u32 });
    }
    key_results
}

/// Text with its surrounding space removed; `None` when nothing is left.
pub(super) fn optional(value: &str) -> Option<String> {
    Some(value.trim().to_owned()).filter(|v| !v.is_empty())
}

/// A number as people type it: `12`, `12.5`, `12,5` (Dutch), `-3`.
pub fn parse_number(value: &str) -> Option<f64> {
    let value = value.trim().replace(',', ".");
    value.parse::<f64>().ok().filter(|number| number.is_finite())
}

/// A check-in as sent: the new values of the key results (by id), the
/// status, a progress for a goal without key results, a comment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInForm {
    #[serde(default)]
    pub status: String,
    /// 0 to 100; used when the goal has no key results.
    #[serde(default)]
    pub progress: String,
    #[serde(default)]
    pub comment: String,
    /// `(key result id, new value)`.
    #[serde(default)]
    pub values: Vec<KeyResultValue>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyResultValue {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub value: String,
}

/// A person's goal plan for a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalPlan {
    pub owner: PersonRef,
    pub year: i32,
    pub state: PlanState,
    /// The manager's comment when they returned it.
    pub comment: Option<String>,
    /// Whether the organisation asks managers to approve this person's plans.
    pub approval_required: bool,
    /// Whether the viewer is the owner (who submits) or their manager (who decides).
    pub viewer_is_owner: bool,
    pub viewer_manages: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> GoalForm {
        GoalForm {
            kind: "performance".into(),
            year: "2027".into(),
            title: "Minder verzuim".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_form_with_key_results_is_read_with_dutch_decimals() {
        let mut goal = form();
        goal.key_results = vec![
            KeyResultForm { title: "Verzuim".into(), start: "6,5".into(), target: "4".into() },
            KeyResultForm::default(),
        ];
        let checked = goal.validate().expect("valid");
        assert_eq!(checked.key_results, [("Verzuim".to_owned(), 6.5, 4.0)], "empty rows are skipped");
    }

    #[test]
    fn every_wrong_field_is_named() {
        let goal = GoalForm {
            kind: "dream".into(),
            year: "twenty".into(),
            title: " ".into(),
            due_on: "2027-02-30".into(),
            visibility: "everyone".into(),
            key_results: vec![KeyResultForm {
                title: "Klanten".into(),
                start: "veel".into(),
                target: "10".into(),
            }],
            ..Default::default()
        };
        let errors = goal.validate().expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["kind", "year", "title", "due_on", "visibility", "key_results.0.start"]);
    }
}

/// What the goal form offers the sender.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalChoices {
    /// The year they are for.
    pub year: i32,
    /// Organisation and team goals of the year, to align to.
    pub alignable: Vec<GoalRef>,
    /// Competencies and core values, for development goals.
    pub competencies: Vec<(String, super::FunctionName)>,
    pub values: Vec<(String, super::FunctionName)>,
    /// Units the sender may set team goals for.
    pub units: Vec<(UnitId, String)>,
    /// People the sender may set personal goals for besides themselves.
    pub reports: Vec<PersonRef>,
    /// Whether the sender may set organisation goals.
    pub organisation_goals: bool,
}

/// One report's goals for a year, on the manager's overview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportGoals {
    pub person: PersonRef,
    /// Goals the manager may see.
    pub goals: u32,
    /// Of those, at risk or behind.
    pub behind: u32,
    pub average_progress: u8,
    pub plan: PlanState,
    pub approval_required: bool,
}

/// The goals of one year, as a list asked for them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoalList {
    /// The year shown: the one asked for, or this year.
    pub year: i32,
    /// Whose goals: `None` for one's own or the organisation's.
    pub owner: Option<PersonRef>,
    pub goals: Vec<Goal>,
}

/// How the goals of a year stand in one unit and the units below it, for admins.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitGoals {
    /// `None` for the organisation as a whole.
    pub unit: Option<UnitId>,
    pub name: String,
    /// 0 right under the organisation.
    pub depth: u32,
    /// People whose primary unit is this one or one below it.
    pub people: u32,
    /// Their personal goals, cancelled ones left out.
    pub goals: u32,
    pub done: u32,
    pub average_progress: u8,
    /// Their performance goals, and how many of those are aligned to a team
    /// or organisation goal.
    pub performance_goals: u32,
    pub aligned: u32,
}
