//! Object stores for tests: a fresh local directory, and a real
//! S3-compatible server — moto's, installed from PyPI into
//! `target/tools/moto` by scripts/setup.sh, on a free port with one bucket,
//! keeping everything in memory until it is dropped.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::server::config::{S3Config, Secret, StorageConfig};
use crate::server::storage::Storage;

/// A store in a new directory under the system's temporary one.
pub fn local_storage() -> Storage {
    let directory = std::env::temp_dir().join(format!("koers-files-{}", uuid::Uuid::new_v4()));
    Storage::from_config(&StorageConfig::Local { directory }).expect("a local store")
}

pub struct S3Server {
    pub port: u16,
    child: Child,
}

pub const BUCKET: &str = "koers-test";

/// moto's server in the project's own Python environment.
fn moto_server() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/tools/moto/bin/moto_server")
}

impl S3Server {
    pub async fn start() -> S3Server {
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
        let child = Command::new(moto_server())
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("moto's server starts (scripts/setup.sh --tests installs it)");
        // Owned from here on: dropping it (also when a wait below fails) stops the server.
        let server = S3Server { port, child };
        let bucket = format!("http://127.0.0.1:{port}/{BUCKET}");
        let client = reqwest::Client::new();
        for _ in 0..200 {
            if let Ok(created) = client.put(&bucket).send().await
                && created.status().is_success()
            {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("moto's server did not answer on port {port}");
    }

    /// The storage configuration that reaches this server's bucket.
    pub fn config(&self) -> StorageConfig {
        StorageConfig::S3(S3Config {
            endpoint: format!("http://127.0.0.1:{}", self.port),
            bucket: BUCKET.into(),
            region: "us-east-1".into(),
            access_key_id: "koers-test".into(),
            secret_access_key: Secret::new("koers-test-secret".into()),
        })
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}
