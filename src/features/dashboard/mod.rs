//! `/`: the personal start page of a signed-in user.

pub mod pages;

use crate::domain::roles::Role;
use crate::i18n::{I18n, Key};

/// The translated name of a role.
pub fn role_name(i18n: I18n, role: Role) -> &'static str {
    i18n.t(match role {
        Role::Employee => Key::RoleEmployee,
        Role::Manager => Key::RoleManager,
        Role::Admin => Key::RoleAdmin,
        Role::Auditor => Key::RoleAuditor,
    })
}
