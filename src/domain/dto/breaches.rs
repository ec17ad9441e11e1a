//! The breach register (issue 8, DPA 7) as the processor's staff keep it,
//! the notices organisations read, and the forms of both.

use serde::{Deserialize, Serialize};

use crate::domain::ids::{BreachId, OrgId};
use crate::domain::validation::{Checks, FieldError, Problem};

/// Longest text of a notice field or update, in characters.
pub const BREACH_TEXT_MAX: u32 = 4_000;

/// What 7.A asks of every notice, the same for every organisation told.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachFacts {
    pub id: BreachId,
    pub nature: String,
    /// `YYYY-MM-DD HH:MM`, in the installation's time zone.
    pub discovered_at: String,
    /// Discovery plus 24 hours: the latest moment of a notice (7.A).
    pub notice_due: String,
    pub contact_point: String,
    pub consequences: String,
    pub measures: String,
    /// The follow-ups, oldest first (7.C).
    pub updates: Vec<BreachUpdateView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachUpdateView {
    pub at: String,
    pub body: String,
}

/// Which data of one organisation an incident concerns, approximately (7.A.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AffectedData {
    pub subject_categories: String,
    pub subjects_approx: u64,
    pub record_categories: String,
    pub records_approx: u64,
}

/// Where something owed by a deadline stands: a breach notice within 24
/// hours of discovery (7.A), a forwarded rights request within five
/// working days (8.C).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeadlineState {
    /// Done at `at`; `on_time` when by the deadline.
    Sent { at: String, on_time: bool },
    /// Not done yet, and the deadline has not passed.
    Due,
    /// Not done yet, and the deadline has passed.
    Overdue,
}

/// One affected organisation in the processor's register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AffectedOrganisation {
    pub org: OrgId,
    pub name: String,
    pub data: AffectedData,
    pub notice: DeadlineState,
}

/// An incident in the processor's register; one without affected
/// organisations is logged all the same (7.G).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachRecord {
    pub facts: BreachFacts,
    pub recorded_by: String,
    pub affected: Vec<AffectedOrganisation>,
}

/// A notice as the organisation told of it reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachNotice {
    pub facts: BreachFacts,
    pub data: AffectedData,
    pub notified_at: String,
    /// Whether the notice came within 24 hours of discovery (7.A).
    pub on_time: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachForm {
    #[serde(default)]
    pub nature: String,
    /// As `<input type="datetime-local">` sends it.
    #[serde(default)]
    pub discovered_at: String,
    #[serde(default)]
    pub contact_point: String,
    #[serde(default)]
    pub consequences: String,
    #[serde(default)]
    pub measures: String,
}

/// A breach form whose fields passed their own checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedBreach {
    pub nature: String,
    pub discovered_at: String,
    pub contact_point: String,
    pub consequences: String,
    pub measures: String,
}

impl BreachForm {
    pub fn validate(&self) -> Result<CheckedBreach, Vec<FieldError>> {
        let mut c = Checks::default();
        let discovered_at = c.optional_local_date_time("discovered_at", &self.discovered_at);
        if discovered_at.is_none() {
            c.fail("discovered_at", Problem::Required);
        }
        let checked = CheckedBreach {
            nature: c.text("nature", &self.nature, BREACH_TEXT_MAX),
            discovered_at: discovered_at.unwrap_or_default(),
            contact_point: c.text("contact_point", &self.contact_point, BREACH_TEXT_MAX),
            consequences: c.text("consequences", &self.consequences, BREACH_TEXT_MAX),
            measures: c.text("measures", &self.measures, BREACH_TEXT_MAX),
        };
        c.finish().map(|()| checked)
    }
}

/// The processor adds an affected organisation to an incident.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AffectedForm {
    /// The organisation's id, from a list.
    #[serde(default)]
    pub org: String,
    #[serde(default)]
    pub subject_categories: String,
    #[serde(default)]
    pub subjects_approx: String,
    #[serde(default)]
    pub record_categories: String,
    #[serde(default)]
    pub records_approx: String,
}

impl AffectedForm {
    pub fn validate(&self) -> Result<(OrgId, AffectedData), Vec<FieldError>> {
        let mut c = Checks::default();
        // A value in place of a refused field is never used: `finish` fails.
        let org = self.org.trim().parse().map(OrgId).unwrap_or_else(|_| {
            c.fail("org", Problem::NotAChoice);
            OrgId(uuid::Uuid::nil())
        });
        let count = |c: &mut Checks, field: &str, value: &str| {
            value.trim().parse::<u64>().unwrap_or_else(|_| {
                c.fail(field, Problem::InvalidNumber);
                0
            })
        };
        let data = AffectedData {
            subject_categories: c.text("subject_categories", &self.subject_categories, BREACH_TEXT_MAX),
            subjects_approx: count(&mut c, "subjects_approx", &self.subjects_approx),
            record_categories: c.text("record_categories", &self.record_categories, BREACH_TEXT_MAX),
            records_approx: count(&mut c, "records_approx", &self.records_approx),
        };
        c.finish().map(|()| (org, data))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_needs_every_field_of_dpa_7a() {
        let errors = BreachForm::default().validate().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["discovered_at", "nature", "contact_point", "consequences", "measures"]);
    }

    #[test]
    fn approximate_numbers_are_whole_numbers_of_zero_or_more() {
        let form = AffectedForm {
            org: uuid::Uuid::nil().to_string(),
            subject_categories: "Medewerkers".into(),
            subjects_approx: "ongeveer 40".into(),
            record_categories: "Doelen".into(),
            records_approx: "-3".into(),
        };
        let errors = form.validate().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["subjects_approx", "records_approx"]);
    }
}
