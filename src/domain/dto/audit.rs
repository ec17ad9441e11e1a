use serde::{Deserialize, Serialize};

use crate::domain::audit::AuditAction;

/// One line of the audit log as admins, auditors and operators read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub seq: i64,
    /// `YYYY-MM-DD HH:MM:SS` in UTC.
    pub occurred_at: String,
    /// The person who acted, or `None` for Koers itself or an unknown visitor.
    pub actor: Option<String>,
    pub action: Option<AuditAction>,
    /// The stored code, shown when this version does not know it.
    pub action_code: String,
    pub object: Option<String>,
    pub request_id: Option<String>,
}

/// A page of the audit log, newest first, with the state of its hash chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub lines: Vec<AuditLine>,
    /// `None` when intact, else the first entry that does not check out.
    pub broken_at: Option<i64>,
    pub has_more: bool,
}
