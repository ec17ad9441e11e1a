//! Delivering one text message: through the SMS provider's HTTP API, or
//! into a directory in development.
//!
//! The API is one JSON request per message — `POST provider_url` with
//! `Authorization: Bearer <provider_token>` and `{"to": "+31612345678",
//! "text": "…"}` — which most providers accept directly or through a small
//! adapter. A 2xx answer means accepted; 429 and 5xx are retried later,
//! other answers are final.

use std::path::PathBuf;
use std::time::Duration;

use crate::server::config::{Secret, SmsConfig};

/// A text message, in its recipient's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sms {
    /// E.164, e.g. `+31612345678`.
    pub to: String,
    pub text: String,
}

pub enum SmsTransport {
    Http {
        client: reqwest::Client,
        url: url::Url,
        token: Option<Secret>,
    },
    /// Development without a provider: each message becomes a `.txt` file.
    Directory {
        path: PathBuf,
    },
}

/// Why a delivery failed, without personal data.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SmsError {
    #[error("the SMS provider refused the message for good (HTTP {0})")]
    Permanent(u16),
    #[error("the SMS provider refused the message for now (HTTP {0})")]
    Transient(u16),
    #[error("the SMS provider could not be reached")]
    Unreachable,
    #[error("the message could not be written to the outbox directory")]
    Outbox,
}

/// A provider that does not answer within this time is tried again later.
const TIMEOUT: Duration = Duration::from_secs(15);

impl SmsTransport {
    pub fn from_config(config: &SmsConfig) -> Result<SmsTransport, String> {
        match &config.provider_url {
            Some(url) => {
                let client = reqwest::Client::builder()
                    .timeout(TIMEOUT)
                    .build()
                    .map_err(|error| format!("SMS client could not be built: {error}"))?;
                Ok(SmsTransport::Http { client, url: url.clone(), token: config.provider_token.clone() })
            }
            None => Ok(SmsTransport::Directory { path: config.outbox_directory.clone() }),
        }
    }

    pub async fn send(&self, sms: &Sms) -> Result<(), SmsError> {
        match self {
            SmsTransport::Http { client, url, token } => {
                let mut request =
                    client.post(url.clone()).json(&serde_json::json!({ "to": sms.to, "text": sms.text }));
                if let Some(token) = token {
                    request = request.bearer_auth(token.expose());
                }
                let response = request.send().await.map_err(|_| SmsError::Unreachable)?;
                let status = response.status();
                if status.is_success() {
                    Ok(())
                } else if status.as_u16() == 429 || status.is_server_error() {
                    Err(SmsError::Transient(status.as_u16()))
                } else {
                    Err(SmsError::Permanent(status.as_u16()))
                }
            }
            SmsTransport::Directory { path } => {
                tokio::fs::create_dir_all(path).await.map_err(|_| SmsError::Outbox)?;
                let file = path.join(format!("{}.txt", uuid::Uuid::now_v7()));
                let content = format!("To: {}\n\n{}\n", sms.to, sms.text);
                tokio::fs::write(&file, content).await.map_err(|_| SmsError::Outbox)?;
                // Development only: the links in the message, so they can be followed.
                for link in sms.text.split_whitespace().filter(|word| word.starts_with("http")) {
                    tracing::info!(file = %file.display(), %link, "SMS written to the outbox");
                }
                Ok(())
            }
        }
    }
}
