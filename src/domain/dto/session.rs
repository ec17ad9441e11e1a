use serde::{Deserialize, Serialize};

/// One signed-in browser of the viewer, for the account page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSummary {
    /// The stored hash of the session's token: safe to show, opens nothing.
    pub id: String,
    pub user_agent: String,
    /// `YYYY-MM-DD HH:MM` in UTC.
    pub signed_in_at: String,
    pub last_seen_at: String,
    /// The browser the list is shown in.
    pub is_current: bool,
}
