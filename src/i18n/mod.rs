//! Dutch and English for every visible text.
//!
//! The wording lives in `nl.toml` and `en.toml` beside this file; `build.rs`
//! turns their keys into [`Key`]. The page language follows the user's choice
//! (a cookie), then the browser's `Accept-Language`, then the default: Dutch.

use serde::{Deserialize, Serialize};

mod negotiate;
pub use negotiate::negotiate;

#[cfg(feature = "hydrate")]
mod browser;

include!(concat!(env!("OUT_DIR"), "/translations.rs"));

/// The cookie that remembers the language a user chose.
pub const LANGUAGE_COOKIE: &str = "koers_lang";

/// A language the interface is offered in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The BCP 47 tag, as used in `<html lang>`, cookies and forms.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Reads a tag such as `nl`, `EN` or `en-GB`; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL.into_iter().find(|lang| lang.code().eq_ignore_ascii_case(primary))
    }

    /// The language's own name, shown in the language switcher.
    pub const fn name_key(self) -> Key {
        match self {
            Lang::Nl => Key::LanguageNl,
            Lang::En => Key::LanguageEn,
        }
    }

    fn lookup(self, key: Key) -> Option<&'static str> {
        match self {
            Lang::Nl => text_nl(key),
            Lang::En => text_en(key),
        }
    }
}

/// The text of `key` in `lang`. A key missing in one file falls back to the
/// other language (the unit tests keep that from shipping).
pub fn text(lang: Lang, key: Key) -> &'static str {
    lang.lookup(key).or_else(|| Lang::ALL.into_iter().find_map(|other| other.lookup(key))).unwrap_or(key.id())
}

/// The text of `key` with each `{name}` placeholder replaced by its value.
pub fn format(lang: Lang, key: Key, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(text(lang, key).to_owned(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

/// The language of the page being rendered, shared through the Leptos context.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct I18n {
    pub lang: Lang,
}

impl I18n {
    pub fn t(self, key: Key) -> &'static str {
        text(self.lang, key)
    }

    pub fn format(self, key: Key, values: &[(&str, &str)]) -> String {
        format(self.lang, key, values)
    }
}

/// The page language: provided by the server shell while rendering, read from
/// `<html lang>` in the browser, so both render the same text.
pub fn use_i18n() -> I18n {
    if let Some(i18n) = leptos::prelude::use_context::<I18n>() {
        return i18n;
    }
    #[cfg(feature = "hydrate")]
    {
        let i18n = I18n { lang: browser::document_language().unwrap_or_default() };
        leptos::prelude::provide_context(i18n);
        return i18n;
    }
    #[allow(unreachable_code, reason = "reached on the server, where the shell provides the context")]
    I18n::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_a_dutch_and_an_english_text() {
        let missing: Vec<String> = Key::ALL
            .iter()
            .flat_map(|&key| {
                Lang::ALL
                    .into_iter()
                    .filter(move |lang| lang.lookup(key).is_none())
                    .map(move |lang| format!("{} has no {} text", key.id(), lang.code()))
            })
            .collect();
        assert!(missing.is_empty(), "{missing:#?}");
    }

    #[test]
    fn placeholders_are_the_same_in_both_languages() {
        fn placeholders(text: &str) -> Vec<&str> {
            let mut names: Vec<&str> = text
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
                .collect();
            names.sort_unstable();
            names
        }
        for &key in Key::ALL {
            assert_eq!(
                placeholders(text(Lang::Nl, key)),
                placeholders(text(Lang::En, key)),
                "placeholders of {} differ between nl and en",
                key.id()
            );
        }
    }

    #[test]
    fn no_text_is_empty() {
        for &key in Key::ALL {
            for lang in Lang::ALL {
                assert!(!text(lang, key).trim().is_empty(), "{} is empty in {}", key.id(), lang.code());
            }
        }
    }

    #[test]
    fn format_fills_placeholders() {
        assert_eq!(format(Lang::En, Key::FooterVersion, &[("version", "1.2.3")]), "Koers version 1.2.3");
        assert_eq!(format(Lang::Nl, Key::FooterVersion, &[("version", "1.2.3")]), "Koers versie 1.2.3");
    }

    #[test]
    fn language_codes_are_read_loosely_but_only_for_offered_languages() {
        assert_eq!(Lang::from_code("nl"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("nl_BE"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
    }
}
