use serde::{Deserialize, Serialize};

use crate::domain::ids::OrgId;

/// An organisation as the operator console lists it: no tenant content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationSummary {
    pub id: OrgId,
    pub name: String,
    /// `YYYY-MM-DD`, in UTC.
    pub created_on: String,
}
