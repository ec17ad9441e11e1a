//! The full export of an organisation's data (DPA 3.N, 8.B) as its page
//! shows it.

use serde::{Deserialize, Serialize};

/// The organisation's latest full export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FullExportStatus {
    pub id: uuid::Uuid,
    /// When it was asked for, in the site's time zone.
    pub requested_at: String,
    pub state: FullExportState,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FullExportState {
    /// Being written: `done` of `total` rows.
    Running {
        done: u64,
        total: u64,
    },
    /// Ready to download until `expires_at` (in the site's time zone).
    Ready {
        expires_at: String,
        size_bytes: u64,
        download: String,
    },
    /// The link has expired and the file is gone.
    Expired,
    Failed,
}
