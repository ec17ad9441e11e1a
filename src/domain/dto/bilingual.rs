use serde::{Deserialize, Serialize};

use crate::domain::validation::{Checks, FieldError};
use crate::i18n::Lang;

/// The text in `lang`, or the Dutch one when no English was given.
pub fn in_language<'a>(lang: Lang, nl: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::En if !en.is_empty() => en,
        _ => nl,
    }
}

/// A name and description in Dutch and English, as job functions, core
/// values and competencies are given: a Dutch name is required, the rest
/// optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BilingualForm {
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

/// Longest name, in characters.
pub const NAME_MAX: u32 = 200;

impl BilingualForm {
    pub fn validate(&self) -> Result<BilingualForm, Vec<FieldError>> {
        let mut c = Checks::default();
        let valid = BilingualForm {
            name_nl: c.text("name_nl", &self.name_nl, NAME_MAX),
            name_en: c.optional_text("name_en", &self.name_en, NAME_MAX),
            description_nl: c.optional_text("description_nl", &self.description_nl, DESCRIPTION_MAX),
            description_en: c.optional_text("description_en", &self.description_en, DESCRIPTION_MAX),
        };
        c.finish().map(|()| valid)
    }
}
