use serde::{Deserialize, Serialize};

use crate::domain::ids::OrgId;

/// An organisation's contract details and its signature under the
/// processing agreement, as the operator console shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationDetails {
    pub id: OrgId,
    pub name: String,
    pub kvk_number: String,
    pub address: String,
    pub representative: String,
    pub privacy_contact_name: String,
    pub privacy_contact_email: String,
    /// `YYYY-MM-DD`, when recorded.
    pub contract_start: Option<String>,
    /// Language codes, e.g. `["nl", "en"]`.
    pub languages: Vec<String>,
    pub signature: Option<DpaSignature>,
    pub contract: super::ContractState,
    pub declaration: Option<super::DeclarationView>,
}

/// The signature block of the processing agreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DpaSignature {
    pub agreement_version: String,
    pub signer_name: String,
    pub signer_function: String,
    /// `YYYY-MM-DD`
    pub signed_on: String,
    pub signed_at: String,
    /// `YYYY-MM-DD HH:MM` UTC, and by which operator.
    pub recorded_at: String,
    pub recorded_by: String,
}
