//! A real SMTP server for tests: Debian's aiosmtpd, storing what it receives
//! in a maildir that the test reads.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The Python with aiosmtpd installed (`python3-aiosmtpd`, see scripts/setup.sh).
const PYTHON: &str = "/usr/bin/python3";

pub struct SmtpSink {
    pub port: u16,
    pub maildir: PathBuf,
    child: Child,
}

impl SmtpSink {
    /// Starts a server on a free port.
    pub async fn start() -> SmtpSink {
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
        Self::start_on(port).await
    }

    pub async fn start_on(port: u16) -> SmtpSink {
        let maildir = std::env::temp_dir().join(format!("koers-smtp-{}", uuid::Uuid::new_v4()));
        let child = Command::new(PYTHON)
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(&maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd starts (apt-get install python3-aiosmtpd)");
        // Owned from here on: dropping it (also when the wait below fails) stops the server.
        let sink = SmtpSink { port, maildir, child };
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
                return sink;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("aiosmtpd did not listen on port {port}");
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Mail to this server; text messages to a directory.
    pub fn transports(&self) -> crate::server::messages::Transports {
        use crate::server::config::{MailConfig, Secret, SmsConfig};
        use crate::server::messages::{MailTransport, SmsTransport};
        let mail = MailConfig {
            smtp_url: Some(Secret::new(self.url())),
            from: "Koers <noreply@koers.example>".into(),
            outbox_directory: std::env::temp_dir(),
        };
        let sms = SmsConfig {
            provider_url: None,
            provider_token: None,
            outbox_directory: std::env::temp_dir().join("koers-test-sms"),
        };
        crate::server::messages::Transports {
            mail: MailTransport::from_config(&mail).expect("mail transport"),
            sms: SmsTransport::from_config(&sms).expect("sms transport"),
        }
    }

    /// Every message received so far, as raw text.
    pub fn received(&self) -> Vec<String> {
        let mut messages: Vec<String> = std::fs::read_dir(self.maildir.join("new"))
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                    .collect()
            })
            .unwrap_or_default();
        messages.sort();
        messages
    }

    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
        std::fs::remove_dir_all(&self.maildir).ok();
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.shutdown();
    }
}
