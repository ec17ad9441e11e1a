//! A stand-in SMS provider for tests: `scripts/sms-receiver.py`, a real HTTP
//! server process that records every message it accepts in a file.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// One message as the provider received it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct ReceivedSms {
    pub authorization: Option<String>,
    pub body: SmsBody,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct SmsBody {
    pub to: String,
    pub text: String,
}

pub struct SmsSink {
    pub port: u16,
    file: PathBuf,
    child: Child,
}

impl SmsSink {
    /// A provider that accepts every message.
    pub async fn start() -> SmsSink {
        Self::answering(202).await
    }

    /// A provider that answers every message with `status`.
    pub async fn answering(status: u16) -> SmsSink {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let file = std::env::temp_dir().join(format!("koers-sms-{}.jsonl", uuid::Uuid::new_v4()));
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/sms-receiver.py");
        let child = Command::new("python3")
            .arg(script)
            .arg(port.to_string())
            .arg(&file)
            .arg(status.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the SMS receiver starts");
        let sink = SmsSink { port, file, child };
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
                return sink;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the SMS receiver did not listen on port {port}");
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/messages", self.port)
    }

    pub fn received(&self) -> Vec<ReceivedSms> {
        std::fs::read_to_string(&self.file)
            .unwrap_or_default()
            .lines()
            .map(|line| serde_json::from_str(line).expect("a recorded message"))
            .collect()
    }
}

impl Drop for SmsSink {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
        std::fs::remove_file(&self.file).ok();
    }
}
