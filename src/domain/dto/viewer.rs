use serde::{Deserialize, Serialize};

use crate::domain::roles::Role;

/// The signed-in person, as the interface shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub name: String,
    pub kind: ViewerKind,
    pub second_factor: SecondFactorStatus,
}

/// Whether an authenticator app guards the account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SecondFactorStatus {
    On,
    Off,
    /// Admins and operator staff must set one up before they can do anything else.
    SetupRequired,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ViewerKind {
    Member {
        /// Their own id, for the pages of their own things.
        user: crate::domain::ids::UserId,
        organisation: String,
        roles: Vec<Role>,
        /// Once the organisation's contract has ended: the day its data is
        /// destroyed, until which it can only read and export (DPA 8.B).
        read_only_until: Option<String>,
    },
    Operator,
}
