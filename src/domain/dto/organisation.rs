use serde::{Deserialize, Serialize};

use crate::domain::ids::OrgId;

/// An organisation as the operator console lists it: no tenant content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationSummary {
    pub id: OrgId,
    pub name: String,
    /// `YYYY-MM-DD`, in UTC.
    pub created_on: String,
    pub contract: ContractState,
}

/// Where an organisation stands against the end of its contract (DPA 8).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContractState {
    Active,
    /// The contract ends on this day (`YYYY-MM-DD`).
    Ending {
        on: String,
    },
    /// Ended: read and export only, until the data is destroyed on this day.
    ReadOnly {
        until: String,
    },
    /// Destroyed on this day.
    Destroyed {
        on: String,
    },
}

/// The written declaration that an organisation's data was destroyed (DPA 8.E).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeclarationView {
    pub organisation: String,
    pub contract_end: String,
    /// `YYYY-MM-DD HH:MM`, in the installation's time zone.
    pub destroyed_at: String,
    pub key_fingerprint: String,
    /// Rows destroyed per table.
    pub counts: Vec<(String, u64)>,
    /// The privacy contact it was mailed to, if one was known.
    pub sent_to: Option<String>,
}
