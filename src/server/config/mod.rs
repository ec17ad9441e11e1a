//! Runtime configuration: `Leptos.toml`, layered under `KOERS_*` environment
//! variables (`KOERS_DATABASE_URL` overrides `[database] url`).
//!
//! Every key is validated at start-up; a bad value names its key, where it came
//! from and what is expected, and the server refuses to start.

mod reader;
mod secret;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use url::Url;

use crate::i18n::Lang;
use reader::Reader;
pub use reader::{ConfigError, ConfigErrors};
pub use secret::{KeyEncryptionKey, Secret};

/// The file read when `KOERS_CONFIG` does not name another.
pub const DEFAULT_CONFIG_FILE: &str = "Leptos.toml";

#[derive(Clone, Debug)]
pub struct Config {
    pub site: SiteConfig,
    pub database: DatabaseConfig,
    pub storage: StorageConfig,
    /// The largest document the server takes, in MiB (`[storage] max_file_megabytes`).
    pub max_file_megabytes: u64,
    pub mail: MailConfig,
    pub sms: SmsConfig,
    pub security: SecurityConfig,
    pub log: LogConfig,
    pub processor: ProcessorConfig,
}

/// Who runs this installation: the processor under the GDPR, as the
/// register of processing activities and the DPIA pack name it.
#[derive(Clone, Debug)]
pub struct ProcessorConfig {
    pub name: String,
    pub address: String,
    pub contact_email: String,
}

#[derive(Clone, Debug)]
pub struct SiteConfig {
    /// Where the server listens.
    pub address: SocketAddr,
    /// The origin users reach the site at; `https` turns on HSTS and secure cookies.
    pub public_url: PublicOrigin,
    /// The static site built by cargo-leptos (`/pkg`, icons, service worker).
    pub root: PathBuf,
    /// Where the server keeps its files: SQLite database, outboxes, local storage.
    pub data_directory: PathBuf,
    pub environment: Environment,
    pub default_language: Lang,
    /// Where people enter and read times, e.g. when a scheduled invitation goes out.
    pub time_zone: chrono_tz::Tz,
}

/// Scheme, host and port under which users reach Koers, e.g. `https://koers.example.org`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicOrigin(String);

impl PublicOrigin {
    fn parse(value: &str) -> Option<PublicOrigin> {
        let url = parse_http_url(value)?;
        let bare = url.path() == "/" && url.query().is_none() && url.fragment().is_none();
        bare.then(|| PublicOrigin(url.origin().ascii_serialization()))
    }

    /// `https://host[:port]`, as browsers send it in the `Origin` header.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_https(&self) -> bool {
        self.0.starts_with("https://")
    }
}

impl Default for PublicOrigin {
    fn default() -> Self {
        PublicOrigin("http://127.0.0.1:3000".into())
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Environment {
    #[default]
    Development,
    Production,
}

#[derive(Clone, Debug)]
pub struct DatabaseConfig {
    /// `sqlite://path?mode=rwc` or `postgres://user@host/db`.
    pub url: String,
    pub max_connections: u32,
}

/// Where uploaded documents are kept (PRODUCT.md §3.6).
#[derive(Clone, Debug)]
pub enum StorageConfig {
    Local { directory: PathBuf },
    S3(S3Config),
}

#[derive(Clone, Debug)]
pub struct S3Config {
    pub endpoint: String,
    pub bucket: String,
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: Secret,
}

/// Outgoing e-mail: over SMTP, or into an outbox directory in development.
#[derive(Clone, Debug)]
pub struct MailConfig {
    pub smtp_url: Option<Secret>,
    pub from: String,
    pub outbox_directory: PathBuf,
}

/// Registration SMS through a provider's HTTP API, or into an outbox directory.
#[derive(Clone, Debug)]
pub struct SmsConfig {
    pub provider_url: Option<Url>,
    pub provider_token: Option<Secret>,
    pub outbox_directory: PathBuf,
}

#[derive(Clone, Debug)]
pub struct SecurityConfig {
    pub session_idle_minutes: u32,
    pub session_absolute_hours: u32,
    /// Wraps every tenant's data key (DPA Bijlage 3: per-tenant keys).
    pub key_encryption_key: Option<KeyEncryptionKey>,
    /// Where the wrapped tenant keys live: outside the database and its backups.
    pub key_store_directory: PathBuf,
}

#[derive(Clone, Debug)]
pub struct LogConfig {
    pub format: LogFormat,
    /// A `tracing` filter such as `info` or `koers=debug,sqlx=warn`.
    pub filter: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LogFormat {
    #[default]
    Pretty,
    Json,
}

impl Config {
    /// Reads the file named by `KOERS_CONFIG` (default `Leptos.toml`) and the
    /// process environment.
    pub fn from_environment() -> Result<Config, ConfigErrors> {
        let env: BTreeMap<String, String> = std::env::vars().collect();
        let (path, must_exist) = match env.get("KOERS_CONFIG") {
            Some(path) => (PathBuf::from(path), true),
            None => (PathBuf::from(DEFAULT_CONFIG_FILE), false),
        };
        let file = match std::fs::read_to_string(&path) {
            Ok(text) => Some(text),
            Err(error) if must_exist || error.kind() != std::io::ErrorKind::NotFound => {
                return Err(ConfigErrors(vec![ConfigError::unreadable_file(&path, &error)]));
            }
            Err(_) => None,
        };
        Config::parse(&path, file.as_deref(), &env)
    }

    /// Builds the configuration from the text of a file (if any) and
    /// environment variables; collects every error instead of stopping at the first.
    pub fn parse(
        path: &Path,
        file: Option<&str>,
        env: &BTreeMap<String, String>,
    ) -> Result<Config, ConfigErrors> {
        let mut r = Reader::new(path, file, env)?;
        let data_directory = r.path("site", "data_directory", "data");
        let environment = r.choice(
            "site",
            "environment",
            "development",
            &[("development", Environment::Development), ("production", Environment::Production)],
        );
        let site = SiteConfig {
            address: r.parsed_or(
                "site",
                "address",
                "127.0.0.1:3000",
                "an address such as 127.0.0.1:3000",
                |v| v.parse().ok(),
                SocketAddr::from(([127, 0, 0, 1], 3000)),
            ),
            public_url: r.parsed(
                "site",
                "public_url",
                "http://127.0.0.1:3000",
                "an http(s) origin such as https://koers.example.org",
                PublicOrigin::parse,
            ),
            root: r.path("site", "root", "target/site"),
            default_language: r.parsed("site", "default_language", "nl", "nl or en", Lang::from_code),
            time_zone: r.parsed_or(
                "site",
                "time_zone",
                "Europe/Amsterdam",
                "a time zone such as Europe/Amsterdam",
                |v| v.parse().ok(),
                chrono_tz::Europe::Amsterdam,
            ),
            data_directory: data_directory.clone(),
            environment,
        };
        let database = DatabaseConfig {
            url: r.parsed(
                "database",
                "url",
                "sqlite://data/koers.db?mode=rwc",
                "a sqlite:// or postgres:// URL",
                |v| {
                    (v.starts_with("sqlite:")
                        || v.starts_with("postgres://")
                        || v.starts_with("postgresql://"))
                    .then(|| v.to_owned())
                },
            ),
            max_connections: r.number("database", "max_connections", 8, 1..=1000),
        };
        let storage = match r.choice("storage", "backend", "local", &[("local", false), ("s3", true)]) {
            false => {
                r.allow("storage", &S3_KEYS);
                StorageConfig::Local { directory: r.path("storage", "directory", "data/files") }
            }
            true => {
                r.allow("storage", &["directory"]);
                StorageConfig::S3(S3Config {
                    endpoint: r.required("storage", "s3_endpoint", "an http(s) URL", |v| {
                        parse_http_url(v).map(String::from)
                    }),
                    bucket: r.required("storage", "s3_bucket", "a bucket name", non_empty),
                    region: r.text("storage", "s3_region", "us-east-1"),
                    access_key_id: r.required("storage", "s3_access_key_id", "an access key id", non_empty),
                    secret_access_key: r.required("storage", "s3_secret_access_key", "a secret key", |v| {
                        non_empty(v).map(Secret::new)
                    }),
                })
            }
        };
        let max_file_megabytes = r.number("storage", "max_file_megabytes", 250, 1..=10_240);
        let mail = MailConfig {
            smtp_url: r.optional("mail", "smtp_url", "an smtp:// or smtps:// URL", |v| {
                (v.starts_with("smtp://") || v.starts_with("smtps://")).then(|| Secret::new(v.to_owned()))
            }),
            from: r.parsed(
                "mail",
                "from",
                "Koers <noreply@koers.localhost>",
                "a sender such as Koers <noreply@example.org>",
                |v| v.contains('@').then(|| v.to_owned()),
            ),
            outbox_directory: r.path("mail", "outbox_directory", "data/outbox/mail"),
        };
        let sms = SmsConfig {
            provider_url: r.optional("sms", "provider_url", "an http(s) URL", parse_http_url),
            provider_token: r.optional("sms", "provider_token", "a token", |v| non_empty(v).map(Secret::new)),
            outbox_directory: r.path("sms", "outbox_directory", "data/outbox/sms"),
        };
        let security = SecurityConfig {
            session_idle_minutes: r.number("security", "session_idle_minutes", 30, 1..=7 * 24 * 60),
            session_absolute_hours: r.number("security", "session_absolute_hours", 12, 1..=24 * 90),
            key_encryption_key: r.optional(
                "security",
                "key_encryption_key",
                "32 bytes in base64 (openssl rand -base64 32)",
                KeyEncryptionKey::from_base64,
            ),
            key_store_directory: r.path("security", "key_store_directory", "data/keys"),
        };
        let log = LogConfig {
            format: r.choice(
                "log",
                "format",
                "pretty",
                &[("pretty", LogFormat::Pretty), ("json", LogFormat::Json)],
            ),
            filter: r.parsed(
                "log",
                "filter",
                "info,sqlx=warn",
                "a tracing filter such as info or koers=debug",
                |v| tracing_subscriber::EnvFilter::try_new(v).ok().map(|_| v.to_owned()),
            ),
        };
        let processor = ProcessorConfig {
            name: r.text("processor", "name", "Koers"),
            address: r.text("processor", "address", ""),
            contact_email: r.text("processor", "contact_email", ""),
        };
        if environment == Environment::Production && security.key_encryption_key.is_none() {
            r.fail(
                "security",
                "key_encryption_key",
                "a key in production (tenant data keys are wrapped by it)",
                "",
            );
        }
        if !site.public_url.is_https() && environment == Environment::Production {
            r.fail("site", "public_url", "an https:// origin in production", site.public_url.as_str());
        }
        r.finish()?;
        Ok(Config { site, database, storage, max_file_megabytes, mail, sms, security, log, processor })
    }

    /// True when users reach the site over HTTPS (HSTS, `__Host-` cookies).
    pub fn served_over_https(&self) -> bool {
        self.site.public_url.is_https()
    }
}

const S3_KEYS: [&str; 5] =
    ["s3_endpoint", "s3_bucket", "s3_region", "s3_access_key_id", "s3_secret_access_key"];

fn non_empty(value: &str) -> Option<String> {
    (!value.trim().is_empty()).then(|| value.to_owned())
}

fn parse_http_url(value: &str) -> Option<Url> {
    Url::parse(value).ok().filter(|url| matches!(url.scheme(), "http" | "https") && url.host().is_some())
}

#[cfg(test)]
mod tests;
