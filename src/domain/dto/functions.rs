use serde::{Deserialize, Serialize};

use crate::domain::ids::FunctionId;
use crate::domain::validation::{Checks, FieldError};
use crate::i18n::Lang;

/// A job function, in both languages, with how many people hold it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobFunction {
    pub id: FunctionId,
    pub name_nl: String,
    pub name_en: String,
    pub description_nl: String,
    pub description_en: String,
    pub people: u64,
}

impl JobFunction {
    /// The name in `lang`, or the Dutch one when no English name was given.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.name_en.is_empty() => &self.name_en,
            _ => &self.name_nl,
        }
    }
}

/// The job-function form as sent: a Dutch name is required, the rest optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobFunctionForm {
    #[serde(default)]
    pub name_nl: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub description_nl: String,
    #[serde(default)]
    pub description_en: String,
}

/// Longest description, in characters.
pub const DESCRIPTION_MAX: u32 = 2000;

impl JobFunctionForm {
    pub fn validate(&self) -> Result<JobFunctionForm, Vec<FieldError>> {
        let mut c = Checks::default();
        let valid = JobFunctionForm {
            name_nl: c.text("name_nl", &self.name_nl, 200),
            name_en: c.optional_text("name_en", &self.name_en, 200),
            description_nl: c.optional_text("description_nl", &self.description_nl, DESCRIPTION_MAX),
            description_en: c.optional_text("description_en", &self.description_en, DESCRIPTION_MAX),
        };
        c.finish().map(|()| valid)
    }
}
