//! Goal templates as admins see and send them (issue 5): a performance or
//! development goal defined once, assigned for a year to everyone in a unit
//! or with a function; each person gets their own copy to track.

use serde::{Deserialize, Serialize};

use super::FunctionName;
use super::goals::{TEXT_MAX, TITLE_MAX, check_key_results, check_visibility, optional};
use super::{KeyResultForm, PersonRef};
use crate::domain::goals::{GoalKind, GoalVisibility};
use crate::domain::ids::{TemplateId, UnitId};
use crate::domain::validation::{Checks, FieldError, Problem};

/// A template in the list, and on its own page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoalTemplate {
    pub id: TemplateId,
    pub kind: GoalKind,
    pub title: String,
    pub description: String,
    pub target: String,
    /// The competency or core value a development template develops: its id and name.
    pub develops: Option<(String, FunctionName)>,
    pub visibility: Option<GoalVisibility>,
    /// Title, start and target value of each key result.
    pub key_results: Vec<(String, f64, f64)>,
    /// Copies people have, over all years.
    pub copies: u32,
}

/// To whom a template was given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AssignedTo {
    /// Everyone whose unit is this one or one below it.
    Unit(String),
    Function(FunctionName),
}

/// One assignment of a template, on the template's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateAssignment {
    /// Sent back to assign again (to people who joined since).
    pub id: String,
    pub to: AssignedTo,
    pub year: i32,
    /// `YYYY-MM-DD`.
    pub due_on: Option<String>,
    pub assigned_by: PersonRef,
    /// `YYYY-MM-DD` in the installation's time zone.
    pub assigned_on: String,
}

/// A template with its assignments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemplateDetails {
    pub template: GoalTemplate,
    /// Newest first.
    pub assignments: Vec<TemplateAssignment>,
}

/// What the template forms offer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateChoices {
    pub competencies: Vec<(String, FunctionName)>,
    pub values: Vec<(String, FunctionName)>,
    pub units: Vec<(UnitId, String)>,
    pub functions: Vec<(String, FunctionName)>,
    /// This year, the default for an assignment.
    pub year: i32,
}

/// The template form as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalTemplateForm {
    /// `performance` or `development`.
    #[serde(default)]
    pub kind: String,
    /// For a development goal: a competency id or a core value id.
    #[serde(default)]
    pub develops: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub visibility: String,
    #[serde(default)]
    pub key_results: Vec<KeyResultForm>,
}

/// A template form whose fields each passed their own checks.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedTemplate {
    pub kind: GoalKind,
    pub develops: Option<String>,
    pub title: String,
    pub description: String,
    pub target: String,
    pub visibility: Option<GoalVisibility>,
    pub key_results: Vec<(String, f64, f64)>,
}

impl GoalTemplateForm {
    pub fn validate(&self) -> Result<CheckedTemplate, Vec<FieldError>> {
        let mut c = Checks::default();
        // Templates are personal goals: organisation and team goals are set once, not copied.
        let kind = GoalKind::from_code(self.kind.trim())
            .filter(|kind| matches!(kind, GoalKind::Performance | GoalKind::Development));
        if kind.is_none() {
            c.fail("kind", Problem::NotAChoice);
        }
        let title = c.text("title", &self.title, TITLE_MAX);
        let description = c.optional_text("description", &self.description, TEXT_MAX);
        let target = c.optional_text("target", &self.target, TEXT_MAX);
        let visibility = check_visibility(&mut c, &self.visibility);
        let key_results = check_key_results(&mut c, &self.key_results);
        c.finish().map(|()| CheckedTemplate {
            kind: kind.unwrap_or(GoalKind::Performance),
            develops: optional(&self.develops),
            title,
            description,
            target,
            visibility,
            key_results,
        })
    }
}

/// The assignment form as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignTemplateForm {
    /// `unit:{id}` or `function:{id}`.
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub due_on: String,
}

/// To whom, as the form named it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignTarget {
    Unit(uuid::Uuid),
    Function(uuid::Uuid),
}

/// An assignment form whose fields each passed their own checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedAssignment {
    pub to: AssignTarget,
    pub year: i32,
    pub due_on: Option<String>,
}

impl AssignTemplateForm {
    pub fn validate(&self) -> Result<CheckedAssignment, Vec<FieldError>> {
        let mut c = Checks::default();
        let to = match self.to.trim().split_once(':') {
            Some(("unit", id)) => id.parse().ok().map(AssignTarget::Unit),
            Some(("function", id)) => id.parse().ok().map(AssignTarget::Function),
            _ => None,
        };
        if to.is_none() {
            c.fail("to", Problem::NotAChoice);
        }
        let year = self.year.trim().parse::<i32>().ok().filter(|year| (2000..=2100).contains(year));
        if year.is_none() {
            c.fail("year", Problem::InvalidYear);
        }
        let due_on = (!self.due_on.trim().is_empty()).then(|| c.date("due_on", &self.due_on));
        c.finish().map(|()| CheckedAssignment {
            to: to.unwrap_or(AssignTarget::Unit(uuid::Uuid::nil())),
            year: year.unwrap_or_default(),
            due_on,
        })
    }
}

/// What an assignment did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentOutcome {
    /// People who got a copy now.
    pub created: u32,
    /// People in scope who already had one for that year.
    pub already: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_personal_goals_only() {
        let form = GoalTemplateForm { kind: "team".into(), title: "BHV".into(), ..Default::default() };
        let fields: Vec<String> =
            form.validate().expect_err("invalid").into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["kind"]);
        let form = GoalTemplateForm { kind: "development".into(), ..form };
        assert_eq!(form.validate().expect("valid").kind, GoalKind::Development);
    }

    #[test]
    fn an_assignment_names_a_unit_or_function_a_year_and_maybe_a_due_date() {
        let unit = uuid::Uuid::now_v7();
        let form =
            AssignTemplateForm { to: format!("unit:{unit}"), year: "2027".into(), due_on: String::new() };
        let checked = form.validate().expect("valid");
        assert_eq!((checked.to, checked.year, checked.due_on), (AssignTarget::Unit(unit), 2027, None));
        let wrong =
            AssignTemplateForm { to: "team:x".into(), year: "soon".into(), due_on: "2027-13-01".into() };
        let fields: Vec<String> =
            wrong.validate().expect_err("invalid").into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["to", "year", "due_on"]);
    }
}
