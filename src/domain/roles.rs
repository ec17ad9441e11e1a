//! What a user of an organisation may do (PRODUCT.md §1). Every user is an
//! employee; manager, admin and auditor are added rights.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Employee,
    Manager,
    Admin,
    Auditor,
}

/// The roles one user holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roles {
    pub manager: bool,
    pub admin: bool,
    pub auditor: bool,
}

impl Roles {
    pub fn has(self, role: Role) -> bool {
        match role {
            Role::Employee => true,
            Role::Manager => self.manager,
            Role::Admin => self.admin,
            Role::Auditor => self.auditor,
        }
    }

    /// Every role held, employee first.
    pub fn held(self) -> Vec<Role> {
        [Role::Employee, Role::Manager, Role::Admin, Role::Auditor]
            .into_iter()
            .filter(|r| self.has(*r))
            .collect()
    }
}
