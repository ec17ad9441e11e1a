//! Support access (DPA 6): an admin's grant of time-boxed access to the
//! processor's staff for one support case, and what they then see.

use serde::{Deserialize, Serialize};

use super::PersonSummary;

/// How long a grant may last, in hours; the admin chooses.
pub const SUPPORT_HOURS: [u32; 4] = [1, 4, 24, 72];
pub const CASE_REFERENCE_MAX: u32 = 100;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportGrantForm {
    #[serde(default)]
    pub case_reference: String,
    #[serde(default)]
    pub hours: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportGrantView {
    pub id: uuid::Uuid,
    pub case_reference: String,
    pub granted_by: String,
    /// `YYYY-MM-DD HH:MM` in the site's time zone, as `until`.
    pub granted_at: String,
    pub until: String,
    pub state: SupportGrantState,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SupportGrantState {
    Active,
    /// Ended by an admin before its time.
    Ended,
    Expired,
}

/// What the processor's staff see under a grant: the accounts, to help
/// with sign-in and role questions; never content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportView {
    pub case_reference: String,
    pub until: String,
    pub people: Vec<PersonSummary>,
}
