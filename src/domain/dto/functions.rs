use serde::{Deserialize, Serialize};

use super::bilingual::{BilingualForm, in_language};
use crate::domain::ids::FunctionId;
use crate::i18n::Lang;

/// A job function, in both languages, with how many people hold it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JobFunction {
    pub id: FunctionId,
    pub name_nl: String,
    pub name_en: String,
    pub description_nl: String,
    pub description_en: String,
    pub people: u64,
}

impl JobFunction {
    /// Its names and descriptions, to fill in a form.
    pub fn texts(&self) -> BilingualForm {
        BilingualForm {
            name_nl: self.name_nl.clone(),
            name_en: self.name_en.clone(),
            description_nl: self.description_nl.clone(),
            description_en: self.description_en.clone(),
        }
    }

    /// The name in `lang`, or the Dutch one when no English name was given.
    pub fn name(&self, lang: Lang) -> &str {
        in_language(lang, &self.name_nl, &self.name_en)
    }
}
