use serde::{Deserialize, Serialize};

use super::PersonRef;
use crate::domain::ids::UnitId;
use crate::i18n::Lang;

/// A job function's name in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunctionName {
    pub nl: String,
    pub en: String,
}

impl FunctionName {
    /// The name in `lang`, or the Dutch one when there is no English name.
    pub fn in_language(&self, lang: Lang) -> &str {
        super::in_language(lang, &self.nl, &self.en)
    }
}

/// A person in the org chart, with their job function.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartMember {
    pub person: PersonRef,
    pub function: Option<FunctionName>,
}

/// A unit as the org chart lists it, before it is opened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartUnit {
    pub id: UnitId,
    pub name: String,
    pub managers: Vec<PersonRef>,
    pub member_count: u64,
    pub sub_unit_count: u64,
}

/// One level of the org chart: the top (no `unit`) or one opened unit with
/// the way to it, its sub-units and its members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartLevel {
    /// The units above the opened one, from the top.
    pub path: Vec<ChartUnit>,
    pub unit: Option<ChartUnit>,
    pub sub_units: Vec<ChartUnit>,
    pub members: Vec<ChartMember>,
}

/// A person found by the org chart's search, with their units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartPerson {
    pub person: PersonRef,
    pub function: Option<FunctionName>,
    pub units: Vec<ChartUnit>,
}

/// What a search found: people by name, units by name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartSearch {
    pub people: Vec<ChartPerson>,
    pub units: Vec<ChartUnit>,
}

/// One of a manager's reports, for the team page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub person: PersonRef,
    pub function: Option<FunctionName>,
    /// Their primary unit, if they have one.
    pub unit: Option<String>,
    /// For an indirect report, the report of the manager's they report to;
    /// `None` for a direct report.
    pub reports_to: Option<PersonRef>,
}
