use serde::{Deserialize, Serialize};

/// What an invitation link shows before the invited user chooses a password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationDetails {
    pub name: String,
    pub organisation: String,
    /// What they will sign in with: their e-mail address or username.
    pub sign_in_name: String,
}
