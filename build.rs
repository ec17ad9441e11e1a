//! Generates typed translation keys from `src/i18n/{nl,en}.toml`.
//!
//! Every text a user sees lives in those two files. The build turns each
//! dotted key (`nav.home`) into a variant of `i18n::Key` (`Key::NavHome`), so a
//! mistyped key is a compile error; a key present in only one language still
//! builds, and the unit tests of `i18n` fail on it with the key's name.
#![allow(clippy::expect_used, clippy::panic, reason = "a build script reports errors by panicking")]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

const LANGUAGES: [&str; 2] = ["nl", "en"];

fn main() {
    let mut texts: BTreeMap<&str, BTreeMap<String, String>> = BTreeMap::new();
    for language in LANGUAGES {
        let path = format!("src/i18n/{language}.toml");
        println!("cargo::rerun-if-changed={path}");
        let source = std::fs::read_to_string(&path).expect("translation file is readable");
        let table: toml::Table =
            source.parse().unwrap_or_else(|error| panic!("{path} is not valid TOML: {error}"));
        let mut flat = BTreeMap::new();
        flatten("", &table, &mut flat, &path);
        texts.insert(language, flat);
    }

    let keys: BTreeSet<&String> = texts.values().flat_map(|t| t.keys()).collect();
    let mut code = String::from(
        "/// A text a user can see; its wording per language is in `src/i18n/*.toml`.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Key {\n",
    );
    for key in &keys {
        writeln!(code, "    /// `{key}`\n    {},", variant_name(key)).ok();
    }
    code.push_str(
        "}\n\nimpl Key {\n    /// Every key, in file order.\n    pub const ALL: &'static [Key] = &[\n",
    );
    for key in &keys {
        writeln!(code, "        Key::{},", variant_name(key)).ok();
    }
    code.push_str("    ];\n\n    /// The dotted name of the key in the translation files.\n    pub const fn id(self) -> &'static str {\n        match self {\n");
    for key in &keys {
        writeln!(code, "            Key::{} => {key:?},", variant_name(key)).ok();
    }
    code.push_str("        }\n    }\n}\n");
    for (language, table) in &texts {
        writeln!(
            code,
            "\n/// The `{language}` wording of a key, if the file has it.\n#[allow(unreachable_patterns)]\npub(super) const fn text_{language}(key: Key) -> Option<&'static str> {{\n    match key {{"
        )
        .ok();
        for (key, text) in table {
            writeln!(code, "        Key::{} => Some({text:?}),", variant_name(key)).ok();
        }
        code.push_str("        _ => None,\n    }\n}\n");
    }

    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("translations.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

fn flatten(prefix: &str, table: &toml::Table, into: &mut BTreeMap<String, String>, path: &str) {
    for (name, value) in table {
        let key = if prefix.is_empty() { name.clone() } else { format!("{prefix}.{name}") };
        match value {
            toml::Value::String(text) => {
                into.insert(key, text.clone());
            }
            toml::Value::Table(inner) => flatten(&key, inner, into, path),
            other => panic!("{path}: `{key}` must be a text or a table, found {}", other.type_str()),
        }
    }
}

fn variant_name(key: &str) -> String {
    key.split(['.', '_'])
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}
