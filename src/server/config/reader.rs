//! Reads typed values from the layered sources and collects what is wrong.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// One key that could not be used, with where its value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// `KOERS_DATABASE_URL` or `Leptos.toml [database] url`.
    pub origin: String,
    pub problem: String,
}

impl ConfigError {
    pub fn unreadable_file(path: &Path, error: &std::io::Error) -> Self {
        ConfigError { origin: path.display().to_string(), problem: format!("cannot be read: {error}") }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.problem)
    }
}

/// Everything wrong with a configuration, reported together.
#[derive(Debug, PartialEq, Eq)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "the configuration is not valid:")?;
        for error in &self.0 {
            writeln!(f, "  - {error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigErrors {}

const ENV_PREFIX: &str = "KOERS_";

pub struct Reader<'a> {
    file_name: String,
    file: toml::Table,
    env: &'a BTreeMap<String, String>,
    known: BTreeSet<(&'static str, &'static str)>,
    errors: Vec<ConfigError>,
}

impl<'a> Reader<'a> {
    pub fn new(
        path: &Path,
        file: Option<&str>,
        env: &'a BTreeMap<String, String>,
    ) -> Result<Self, ConfigErrors> {
        let file_name = path.display().to_string();
        let file = match file.map(str::parse::<toml::Table>) {
            None => toml::Table::new(),
            Some(Ok(table)) => table,
            Some(Err(error)) => {
                return Err(ConfigErrors(vec![ConfigError {
                    origin: file_name,
                    problem: format!("is not valid TOML: {}", error.message()),
                }]));
            }
        };
        Ok(Reader { file_name, file, env, known: BTreeSet::new(), errors: Vec::new() })
    }

    /// The raw text of a key and where it came from; the environment wins.
    fn raw(&mut self, section: &'static str, key: &'static str) -> Option<(String, String)> {
        self.known.insert((section, key));
        let env_name = env_name(section, key);
        if let Some(value) = self.env.get(&env_name) {
            return Some((value.clone(), env_name));
        }
        let origin = format!("{} [{section}] {key}", self.file_name);
        let value = self.file.get(section)?.get(key)?;
        let text = match value {
            toml::Value::String(text) => text.clone(),
            toml::Value::Integer(_) | toml::Value::Float(_) | toml::Value::Boolean(_) => value.to_string(),
            _ => {
                self.errors.push(ConfigError { origin, problem: "must be a single value".into() });
                return None;
            }
        };
        Some((text, origin))
    }

    /// Records that `section.key` is wrong, citing where its value came from.
    pub fn fail(&mut self, section: &'static str, key: &'static str, expected: &str, found: &str) {
        let origin = if self.env.contains_key(&env_name(section, key)) {
            env_name(section, key)
        } else {
            format!("{} [{section}] {key}", self.file_name)
        };
        let problem = if found.is_empty() {
            format!("expected {expected}, but it is not set")
        } else {
            format!("expected {expected}, found {found:?}")
        };
        self.errors.push(ConfigError { origin, problem });
    }

    /// A value parsed by `parse`; on bad input the error is recorded and a
    /// neutral value returned, so that the remaining keys are still checked
    /// (`finish` then fails, so that value is never used).
    pub fn parsed<T: Default>(
        &mut self,
        section: &'static str,
        key: &'static str,
        default: &str,
        expected: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> T {
        self.parsed_or(section, key, default, expected, parse, T::default())
    }

    /// [`Reader::parsed`] for types without a `Default`.
    pub fn parsed_or<T>(
        &mut self,
        section: &'static str,
        key: &'static str,
        default: &str,
        expected: &str,
        parse: impl Fn(&str) -> Option<T>,
        neutral: T,
    ) -> T {
        let (text, origin) = self
            .raw(section, key)
            .unwrap_or_else(|| (default.to_owned(), format!("default of [{section}] {key}")));
        match parse(text.trim()) {
            Some(value) => value,
            None => {
                self.errors
                    .push(ConfigError { origin, problem: format!("expected {expected}, found {text:?}") });
                neutral
            }
        }
    }

    /// A value that has no default: missing or empty is an error.
    pub fn required<T: Default>(
        &mut self,
        section: &'static str,
        key: &'static str,
        expected: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> T {
        match self.raw(section, key) {
            Some((text, origin)) => parse(text.trim()).unwrap_or_else(|| {
                self.errors
                    .push(ConfigError { origin, problem: format!("expected {expected}, found {text:?}") });
                T::default()
            }),
            None => {
                self.fail(section, key, expected, "");
                T::default()
            }
        }
    }

    /// A value that may be left out or empty.
    pub fn optional<T>(
        &mut self,
        section: &'static str,
        key: &'static str,
        expected: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let (text, origin) = self.raw(section, key)?;
        if text.trim().is_empty() {
            return None;
        }
        let value = parse(text.trim());
        if value.is_none() {
            self.errors.push(ConfigError {
                origin,
                problem: format!("expected {expected}, found a value that is not"),
            });
        }
        value
    }

    pub fn text(&mut self, section: &'static str, key: &'static str, default: &str) -> String {
        self.parsed(section, key, default, "a text", |v| Some(v.to_owned()))
    }

    pub fn path(&mut self, section: &'static str, key: &'static str, default: &str) -> PathBuf {
        self.parsed(section, key, default, "a path", |v| (!v.is_empty()).then(|| PathBuf::from(v)))
    }

    pub fn number<T>(
        &mut self,
        section: &'static str,
        key: &'static str,
        default: T,
        range: RangeInclusive<T>,
    ) -> T
    where
        T: FromStr + PartialOrd + Copy + Default + fmt::Display,
    {
        let expected = format!("a whole number from {} to {}", range.start(), range.end());
        self.parsed(section, key, &default.to_string(), &expected, |v| {
            v.parse::<T>().ok().filter(|n| range.contains(n))
        })
    }

    pub fn choice<T: Copy + Default>(
        &mut self,
        section: &'static str,
        key: &'static str,
        default: &str,
        options: &[(&str, T)],
    ) -> T {
        let names: Vec<&str> = options.iter().map(|(name, _)| *name).collect();
        let expected = format!("one of {}", names.join(", "));
        self.parsed(section, key, default, &expected, |v| {
            options.iter().find(|(name, _)| name.eq_ignore_ascii_case(v)).map(|(_, value)| *value)
        })
    }

    /// Keys that are valid here although this configuration does not read them.
    pub fn allow(&mut self, section: &'static str, keys: &[&'static str]) {
        self.known.extend(keys.iter().map(|key| (section, *key)));
    }

    /// Reports unknown keys (a typo must not silently fall back to a default)
    /// and returns every error found.
    pub fn finish(mut self) -> Result<(), ConfigErrors> {
        let sections: BTreeSet<&str> = self.known.iter().map(|(section, _)| *section).collect();
        for (section, value) in &self.file {
            let Some(table) = value.as_table().filter(|_| sections.contains(section.as_str())) else {
                self.errors.push(ConfigError {
                    origin: format!("{} [{section}]", self.file_name),
                    problem: format!(
                        "is not a known section (known: {})",
                        sections.iter().copied().collect::<Vec<_>>().join(", ")
                    ),
                });
                continue;
            };
            for key in table.keys() {
                if !self.known.iter().any(|(s, k)| s == section && k == key) {
                    self.errors.push(ConfigError {
                        origin: format!("{} [{section}] {key}", self.file_name),
                        problem: "is not a known key".into(),
                    });
                }
            }
        }
        for name in self.env.keys() {
            let Some(rest) = name.strip_prefix(ENV_PREFIX) else {
                continue;
            };
            let Some((section, _)) = rest.split_once('_') else {
                continue;
            };
            let section = section.to_ascii_lowercase();
            let is_known = self.known.iter().any(|(s, k)| env_name(s, k) == *name);
            if sections.contains(section.as_str()) && !is_known {
                self.errors
                    .push(ConfigError { origin: name.clone(), problem: "is not a known setting".into() });
            }
        }
        if self.errors.is_empty() { Ok(()) } else { Err(ConfigErrors(self.errors)) }
    }
}

/// `("database", "max_connections")` → `KOERS_DATABASE_MAX_CONNECTIONS`.
pub fn env_name(section: &str, key: &str) -> String {
    format!("{ENV_PREFIX}{}_{}", section.to_ascii_uppercase(), key.to_ascii_uppercase())
}
