//! The background worker that delivers queued messages: at once when this
//! server enqueued one (a wake-up), batch after batch while batches come
//! full, and every half minute for retries and for messages other servers
//! enqueued.

use std::sync::Arc;
use std::time::Duration;

use sea_orm::DatabaseConnection;
use tokio::sync::Notify;

use super::outbox::{Transports, deliver_due};

const POLL: Duration = Duration::from_secs(30);

/// Wakes the worker after a message was enqueued.
#[derive(Clone, Debug, Default)]
pub struct Wakeup(Arc<Notify>);

impl Wakeup {
    pub fn notify(&self) {
        self.0.notify_one();
    }
}

pub fn spawn_worker(
    db: DatabaseConnection,
    transports: Transports,
    wakeup: Wakeup,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match deliver_due(&db, &transports, chrono::Utc::now()).await {
                Ok(delivery) if delivery.sent + delivery.failed > 0 => {
                    tracing::info!(sent = delivery.sent, failed = delivery.failed, "outgoing messages");
                    if delivery.took_full_batch() {
                        continue;
                    }
                }
                Ok(_) => {}
                Err(error) => tracing::error!(%error, "outgoing messages could not be read"),
            }
            tokio::select! {
                () = wakeup.0.notified() => {}
                () = tokio::time::sleep(POLL) => {}
            }
        }
    })
}
