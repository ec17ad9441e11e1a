use serde::{Deserialize, Serialize};

use crate::domain::roles::Role;

/// The signed-in person, as the interface shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub name: String,
    pub kind: ViewerKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ViewerKind {
    Member { organisation: String, roles: Vec<Role> },
    Operator,
}
