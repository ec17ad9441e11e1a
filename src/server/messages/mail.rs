//! Delivering one e-mail: over SMTP, or into a directory in development.

use std::path::PathBuf;

use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::server::config::MailConfig;

/// A rendered e-mail, in its recipient's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

pub enum MailTransport {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
    /// Development without a mail server: each mail becomes an `.eml` file.
    Directory {
        path: PathBuf,
        from: Mailbox,
    },
}

/// Why a delivery failed, in words that hold no personal data (the server's
/// reply may quote the address, so it is not kept).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SendError {
    #[error("the recipient address is not valid")]
    InvalidRecipient,
    #[error("the mail server refused the message for good")]
    Permanent,
    #[error("the mail server refused the message for now")]
    Transient,
    #[error("the mail server could not be reached")]
    Unreachable,
    #[error("the mail could not be written to the outbox directory")]
    Outbox,
}

impl MailTransport {
    pub fn from_config(config: &MailConfig) -> Result<MailTransport, String> {
        let from: Mailbox =
            config.from.parse().map_err(|_| format!("mail.from {:?} is not a sender", config.from))?;
        match &config.smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
                    .map_err(|_| "mail.smtp_url is not a usable SMTP URL".to_owned())?
                    .build();
                Ok(MailTransport::Smtp { transport, from })
            }
            None => Ok(MailTransport::Directory { path: config.outbox_directory.clone(), from }),
        }
    }

    pub async fn send(&self, mail: &Mail) -> Result<(), SendError> {
        match self {
            MailTransport::Smtp { transport, from } => {
                let message = build(from, mail)?;
                transport.send(message).await.map(|_| ()).map_err(|error| {
                    if error.is_permanent() {
                        SendError::Permanent
                    } else if error.is_transient() {
                        SendError::Transient
                    } else {
                        SendError::Unreachable
                    }
                })
            }
            MailTransport::Directory { path, from } => {
                let message = build(from, mail)?;
                tokio::fs::create_dir_all(path).await.map_err(|_| SendError::Outbox)?;
                let file = path.join(format!("{}.eml", uuid::Uuid::now_v7()));
                tokio::fs::write(&file, message.formatted()).await.map_err(|_| SendError::Outbox)?;
                // Development only: the links in the mail, so they can be followed.
                for link in mail.text.split_whitespace().filter(|word| word.starts_with("http")) {
                    tracing::info!(file = %file.display(), %link, "mail written to the outbox");
                }
                Ok(())
            }
        }
    }
}

fn build(from: &Mailbox, mail: &Mail) -> Result<Message, SendError> {
    let to: Mailbox = mail.to.parse().map_err(|_| SendError::InvalidRecipient)?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(&mail.subject)
        .multipart(MultiPart::alternative_plain_html(mail.text.clone(), mail.html.clone()))
        .map_err(|_| SendError::InvalidRecipient)
}
