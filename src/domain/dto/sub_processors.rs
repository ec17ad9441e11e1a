//! The sub-processor register (issue 8, DPA 4) as organisations and the
//! processor's staff see it, and the forms to announce one and object.

use serde::{Deserialize, Serialize};

use crate::domain::ids::SubProcessorId;
use crate::domain::validation::{Checks, FieldError};

/// Longest name, head office or location, in characters.
pub const SUB_PROCESSOR_TEXT_MAX: u32 = 200;
/// Longest function, data categories or objection, in characters.
pub const SUB_PROCESSOR_LONG_MAX: u32 = 2_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubProcessorView {
    pub id: SubProcessorId,
    pub name: String,
    pub function: String,
    pub data_categories: String,
    pub head_office: String,
    pub data_location: String,
    pub in_eea: bool,
    /// `YYYY-MM-DD`.
    pub announced_on: String,
    pub effective_from: String,
    /// Whether it is used already (its date has come).
    pub in_use: bool,
    /// The last day the viewer's organisation may object, while it may (DPA 4.D).
    pub objection_until: Option<String>,
    /// The viewer's organisation's objection, if it made one.
    pub objection: Option<ObjectionView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectionView {
    pub reason: String,
    pub by: Option<String>,
    pub on: String,
    /// The earliest end of the agreement if no agreement is reached (DPA 4.E).
    pub may_end_on: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubProcessorForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub function: String,
    #[serde(default)]
    pub data_categories: String,
    #[serde(default)]
    pub head_office: String,
    #[serde(default)]
    pub data_location: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    pub in_eea: Option<String>,
    #[serde(default)]
    pub effective_from: String,
}

/// A sub-processor form whose fields passed their own checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedSubProcessor {
    pub name: String,
    pub function: String,
    pub data_categories: String,
    pub head_office: String,
    pub data_location: String,
    pub in_eea: bool,
    /// `YYYY-MM-DD`.
    pub effective_from: String,
}

impl SubProcessorForm {
    pub fn validate(&self) -> Result<CheckedSubProcessor, Vec<FieldError>> {
        let mut c = Checks::default();
        let checked = CheckedSubProcessor {
            name: c.text("name", &self.name, SUB_PROCESSOR_TEXT_MAX),
            function: c.text("function", &self.function, SUB_PROCESSOR_LONG_MAX),
            data_categories: c.text("data_categories", &self.data_categories, SUB_PROCESSOR_LONG_MAX),
            head_office: c.text("head_office", &self.head_office, SUB_PROCESSOR_TEXT_MAX),
            data_location: c.text("data_location", &self.data_location, SUB_PROCESSOR_TEXT_MAX),
            in_eea: self.in_eea.is_some(),
            effective_from: c.date("effective_from", &self.effective_from),
        };
        c.finish().map(|()| checked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_the_register_is_required() {
        let errors = SubProcessorForm::default().validate().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["name", "function", "data_categories", "head_office", "data_location", "effective_from"]
        );
    }
}
