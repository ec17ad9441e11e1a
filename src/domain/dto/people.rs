use serde::{Deserialize, Serialize};

use crate::domain::ids::UserId;
use crate::domain::roles::Roles;
use crate::domain::validation::{Checks, FieldError};
use crate::i18n::Lang;

/// Where a person's account stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    /// Invited; no password chosen yet.
    Invited,
    Active,
    /// Cannot sign in; every session was ended.
    Deactivated,
}

/// A person as the admin's people list shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonSummary {
    pub id: UserId,
    pub name: String,
    pub email: Option<String>,
    pub roles: Roles,
    pub status: AccountStatus,
    /// The admin viewing the list: they cannot deactivate themselves.
    pub is_you: bool,
}

/// The invitation form as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPersonForm {
    pub name: String,
    pub email: String,
    pub language: String,
    #[serde(default)]
    pub manager: Option<String>,
    #[serde(default)]
    pub admin: Option<String>,
    #[serde(default)]
    pub auditor: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPerson {
    pub name: String,
    pub email: String,
    pub language: Lang,
    pub roles: Roles,
}

impl NewPersonForm {
    pub fn validate(&self) -> Result<NewPerson, Vec<FieldError>> {
        let mut c = Checks::default();
        let person = NewPerson {
            name: c.text("name", &self.name, 200),
            email: c.email("email", &self.email),
            language: Lang::from_code(&self.language).unwrap_or_default(),
            roles: Roles {
                manager: self.manager.is_some(),
                admin: self.admin.is_some(),
                auditor: self.auditor.is_some(),
            },
        };
        c.finish().map(|()| person)
    }
}
