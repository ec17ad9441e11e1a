//! Core values and competencies: the frame feedback, goals and reviews
//! refer to.

use serde::{Deserialize, Serialize};

use super::bilingual::{BilingualForm, DESCRIPTION_MAX, NAME_MAX, in_language};
use crate::domain::ids::{CompetencyId, FunctionId, LevelId, UnitId, ValueId};
use crate::domain::validation::{Checks, FieldError};
use crate::i18n::Lang;

/// A core value of the organisation, in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CoreValue {
    pub id: ValueId,
    pub name_nl: String,
    pub name_en: String,
    pub description_nl: String,
    pub description_en: String,
}

impl CoreValue {
    /// Its names and descriptions, to fill in a form.
    pub fn texts(&self) -> BilingualForm {
        BilingualForm {
            name_nl: self.name_nl.clone(),
            name_en: self.name_en.clone(),
            description_nl: self.description_nl.clone(),
            description_en: self.description_en.clone(),
        }
    }

    pub fn name(&self, lang: Lang) -> &str {
        in_language(lang, &self.name_nl, &self.name_en)
    }
}

/// A competency, whom it is asked of, and its levels from the first up.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Competency {
    pub id: CompetencyId,
    pub name_nl: String,
    pub name_en: String,
    pub description_nl: String,
    pub description_en: String,
    /// Asked of the holders of these functions…
    pub functions: Vec<FunctionId>,
    /// …and of the people of these units and the units below them.
    pub units: Vec<UnitId>,
    pub levels: Vec<CompetencyLevel>,
}

impl Competency {
    /// Its names and descriptions, to fill in a form.
    pub fn texts(&self) -> BilingualForm {
        BilingualForm {
            name_nl: self.name_nl.clone(),
            name_en: self.name_en.clone(),
            description_nl: self.description_nl.clone(),
            description_en: self.description_en.clone(),
        }
    }

    pub fn name(&self, lang: Lang) -> &str {
        in_language(lang, &self.name_nl, &self.name_en)
    }

    pub fn description(&self, lang: Lang) -> &str {
        in_language(lang, &self.description_nl, &self.description_en)
    }
}

/// One level of a competency with the behaviour that shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CompetencyLevel {
    pub id: LevelId,
    /// 1 for the first level.
    pub position: u32,
    pub name_nl: String,
    pub name_en: String,
    /// Observable behaviours, one per line.
    pub indicators_nl: String,
    pub indicators_en: String,
}

impl CompetencyLevel {
    pub fn name(&self, lang: Lang) -> &str {
        in_language(lang, &self.name_nl, &self.name_en)
    }

    /// The behavioural indicators in `lang`, one per item.
    pub fn indicators(&self, lang: Lang) -> Vec<&str> {
        in_language(lang, &self.indicators_nl, &self.indicators_en)
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect()
    }
}

/// A level as the form sends it: a Dutch name is required.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyLevelForm {
    #[serde(default)]
    pub name_nl: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub indicators_nl: String,
    #[serde(default)]
    pub indicators_en: String,
}

impl CompetencyLevelForm {
    pub fn validate(&self) -> Result<CompetencyLevelForm, Vec<FieldError>> {
        let mut c = Checks::default();
        let valid = CompetencyLevelForm {
            name_nl: c.text("name_nl", &self.name_nl, NAME_MAX),
            name_en: c.optional_text("name_en", &self.name_en, NAME_MAX),
            indicators_nl: c.optional_text("indicators_nl", &self.indicators_nl, DESCRIPTION_MAX),
            indicators_en: c.optional_text("indicators_en", &self.indicators_en, DESCRIPTION_MAX),
        };
        c.finish().map(|()| valid)
    }
}

/// Whom a competency is asked of, as checkboxes send it: ids of functions
/// and of units. Neither: nobody in particular yet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyScopeForm {
    #[serde(default)]
    pub functions: Vec<String>,
    #[serde(default)]
    pub units: Vec<String>,
}
