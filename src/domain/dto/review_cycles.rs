//! Review cycles as admins configure them (issue 7): a name, a period, who
//! is in scope, whether it repeats yearly, and its moments.

use serde::{Deserialize, Serialize};

use super::{FunctionName, PersonRef};
use crate::domain::ids::{MomentId, ReviewCycleId, ReviewFormId, UnitId};
use crate::domain::reviews::{ANONYMITY_THRESHOLD_RANGE, DEFAULT_ANONYMITY_THRESHOLD, MomentKind, Writers};
use crate::domain::validation::{Checks, FieldError, Problem};

/// Longest cycle name, in characters.
pub const CYCLE_NAME_MAX: u32 = 200;
/// Longest intro text of a moment, in characters.
pub const MOMENT_INTRO_MAX: u32 = 4000;
/// Most reminder dates a moment has.
pub const REMINDERS_MAX: u32 = 10;

/// A cycle in the list of cycles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewCycleSummary {
    pub id: ReviewCycleId,
    pub name: String,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    pub ends_on: String,
    pub repeats_yearly: bool,
    pub moments: u32,
}

/// A cycle with its scope and moments, to configure it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewCycleDetails {
    pub id: ReviewCycleId,
    pub form: CycleForm,
    /// Units in scope (with the units below them), by id and name.
    pub units: Vec<(UnitId, String)>,
    pub people: Vec<PersonRef>,
    pub moments: Vec<ReviewMoment>,
    /// What scope and moments can be chosen from.
    pub choices: CycleChoices,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleChoices {
    pub units: Vec<(UnitId, String)>,
    pub people: Vec<PersonRef>,
    pub forms: Vec<(ReviewFormId, FunctionName)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewMoment {
    pub id: MomentId,
    pub kind: MomentKind,
    pub opens_on: String,
    pub closes_on: String,
    pub writers: Writers,
    pub form: (ReviewFormId, FunctionName),
    pub intro: FunctionName,
    /// `YYYY-MM-DD`, in order.
    pub reminders: Vec<String>,
    /// The form others answer about the employee, if the moment asks others.
    pub peer_form: Option<(ReviewFormId, FunctionName)>,
}

/// A cycle's name, period and repeat, as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub starts_on: String,
    #[serde(default)]
    pub ends_on: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    pub repeats_yearly: Option<String>,
    /// A checkbox: reviewers' answers are shown with their names.
    #[serde(default)]
    pub reviewers_named: Option<String>,
    /// From how many answers anonymous reviews are shown; empty gives the default.
    #[serde(default)]
    pub anonymity_threshold: String,
    /// A checkbox: employees see their final, calibrated score.
    #[serde(default)]
    pub final_score_visible: Option<String>,
}

/// Who is in a cycle's scope, as ticked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScopeForm {
    #[serde(default)]
    pub units: Vec<String>,
    #[serde(default)]
    pub people: Vec<String>,
}

/// A moment as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub opens_on: String,
    #[serde(default)]
    pub closes_on: String,
    #[serde(default)]
    pub writers: String,
    #[serde(default)]
    pub form: String,
    #[serde(default)]
    pub intro_nl: String,
    #[serde(default)]
    pub intro_en: String,
    /// Reminder dates, `YYYY-MM-DD`, separated by commas or spaces.
    #[serde(default)]
    pub reminders: String,
    /// The form others answer about the employee (peer, upward, 360);
    /// empty: nobody else is asked.
    #[serde(default)]
    pub peer_form: String,
}

/// A cycle form whose fields passed their checks; dates as `YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedCycle {
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub repeats_yearly: bool,
    pub reviewers_named: bool,
    pub anonymity_threshold: u32,
    pub final_score_visible: bool,
}

impl CycleForm {
    pub fn validate(&self) -> Result<CheckedCycle, Vec<FieldError>> {
        let mut c = Checks::default();
        let name = c.text("name", &self.name, CYCLE_NAME_MAX);
        let starts_on = c.date("starts_on", &self.starts_on);
        let ends_on = c.date("ends_on", &self.ends_on);
        // Calendar dates as `YYYY-MM-DD` compare as text.
        if !starts_on.is_empty() && !ends_on.is_empty() && ends_on <= starts_on {
            c.fail("ends_on", Problem::InvalidDate);
        }
        let anonymity_threshold = match self.anonymity_threshold.trim() {
            "" => DEFAULT_ANONYMITY_THRESHOLD,
            given => match given.parse::<u32>() {
                Ok(threshold) if ANONYMITY_THRESHOLD_RANGE.contains(&threshold) => threshold,
                _ => {
                    c.fail("anonymity_threshold", Problem::InvalidNumber);
                    DEFAULT_ANONYMITY_THRESHOLD
                }
            },
        };
        c.finish().map(|()| CheckedCycle {
            name,
            starts_on,
            ends_on,
            repeats_yearly: self.repeats_yearly.is_some(),
            reviewers_named: self.reviewers_named.is_some(),
            anonymity_threshold,
            final_score_visible: self.final_score_visible.is_some(),
        })
    }
}

/// A moment form whose fields passed their checks; dates as `YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedMoment {
    pub kind: MomentKind,
    pub opens_on: String,
    pub closes_on: String,
    pub writers: Writers,
    pub form: uuid::Uuid,
    pub intro_nl: String,
    pub intro_en: String,
    pub reminders: Vec<String>,
    pub peer_form: Option<uuid::Uuid>,
}

impl MomentForm {
    pub fn validate(&self) -> Result<CheckedMoment, Vec<FieldError>> {
        let mut c = Checks::default();
        let kind = MomentKind::from_code(self.kind.trim());
        if kind.is_none() {
            c.fail("kind", Problem::NotAChoice);
        }
        let opens_on = c.date("opens_on", &self.opens_on);
        let closes_on = c.date("closes_on", &self.closes_on);
        if !opens_on.is_empty() && !closes_on.is_empty() && closes_on < opens_on {
            c.fail("closes_on", Problem::InvalidDate);
        }
        let writers = Writers::from_code(self.writers.trim());
        if writers.is_none() {
            c.fail("writers", Problem::NotAChoice);
        }
        let form = self.form.trim().parse::<uuid::Uuid>().ok();
        if form.is_none() {
            c.fail("form", Problem::Required);
        }
        let peer_form = match self.peer_form.trim() {
            "" => None,
            given => {
                let parsed = given.parse::<uuid::Uuid>().ok();
                if parsed.is_none() {
                    c.fail("peer_form", Problem::NotAChoice);
                }
                parsed
            }
        };
        let intro_nl = c.optional_text("intro_nl", &self.intro_nl, MOMENT_INTRO_MAX);
        let intro_en = c.optional_text("intro_en", &self.intro_en, MOMENT_INTRO_MAX);
        let mut reminders: Vec<String> = Vec::new();
        let mut checks = Checks::default();
        for date in self.reminders.split([',', ' ', '\n']).filter(|d| !d.trim().is_empty()) {
            let date = checks.date("reminders", date);
            if !reminders.contains(&date) {
                reminders.push(date);
            }
        }
        if checks.finish().is_err() {
            c.fail("reminders", Problem::InvalidDate);
        } else if reminders.len() > REMINDERS_MAX as usize {
            c.fail("reminders", Problem::TooMany { max: REMINDERS_MAX });
        }
        reminders.sort();
        c.finish().map(|()| CheckedMoment {
            kind: kind.unwrap_or(MomentKind::End),
            opens_on,
            closes_on,
            writers: writers.unwrap_or(Writers::Both),
            form: form.unwrap_or_default(),
            intro_nl,
            intro_en,
            reminders,
            peer_form,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_cycle_ends_after_it_starts() {
        let form = CycleForm {
            name: "2027".into(),
            starts_on: "2027-01-01".into(),
            ends_on: "2026-12-31".into(),
            repeats_yearly: None,
            ..Default::default()
        };
        assert_eq!(fields(form.validate().expect_err("backwards")), ["ends_on"]);
        let form = CycleForm { ends_on: "2027-12-31".into(), repeats_yearly: Some("on".into()), ..form };
        assert!(form.validate().expect("valid").repeats_yearly);
    }

    #[test]
    fn reminder_dates_are_read_in_order_once_each() {
        let form = MomentForm {
            kind: "end".into(),
            opens_on: "2027-11-01".into(),
            closes_on: "2027-12-15".into(),
            writers: "both".into(),
            form: uuid::Uuid::now_v7().to_string(),
            reminders: "2027-12-10, 2027-11-20 2027-12-10".into(),
            ..Default::default()
        };
        assert_eq!(form.validate().expect("valid").reminders, ["2027-11-20", "2027-12-10"]);
        let wrong = MomentForm { reminders: "10 december".into(), writers: "team".into(), ..form };
        assert_eq!(fields(wrong.validate().expect_err("invalid")), ["writers", "reminders"]);
    }
}
