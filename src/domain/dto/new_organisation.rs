//! What the operator fills in to add an organisation: the controller's
//! details from the processing agreement's heading, its signature block
//! (name, function, date and place), the privacy contact, the contract
//! start, the languages, and the first admin to invite.

use serde::{Deserialize, Serialize};

use crate::domain::validation::{Checks, FieldError};
use crate::i18n::Lang;

/// The version of the processing agreement that new organisations accept.
pub const AGREEMENT_VERSION: &str = "dialog-2024";

/// The form as sent; every field is text, as browsers send it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewOrganisationForm {
    pub name: String,
    pub kvk_number: String,
    pub address: String,
    pub representative: String,
    pub privacy_contact_name: String,
    pub privacy_contact_email: String,
    pub contract_start: String,
    /// Present (`on`) when the checkbox is ticked.
    #[serde(default)]
    pub language_nl: Option<String>,
    #[serde(default)]
    pub language_en: Option<String>,
    pub signer_name: String,
    pub signer_function: String,
    pub signed_on: String,
    pub signed_at: String,
    pub admin_name: String,
    pub admin_email: String,
    pub admin_language: String,
}

/// The form after every check passed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewOrganisation {
    pub name: String,
    pub kvk_number: String,
    pub address: String,
    pub representative: String,
    pub privacy_contact_name: String,
    pub privacy_contact_email: String,
    /// `YYYY-MM-DD`
    pub contract_start: String,
    pub languages: Vec<Lang>,
    pub signer_name: String,
    pub signer_function: String,
    /// `YYYY-MM-DD`
    pub signed_on: String,
    pub signed_at: String,
    pub admin_name: String,
    pub admin_email: String,
    pub admin_language: Lang,
}

impl NewOrganisationForm {
    /// Checks every field and reports all problems at once.
    pub fn validate(&self) -> Result<NewOrganisation, Vec<FieldError>> {
        let mut c = Checks::default();
        let languages: Vec<Lang> = [(Lang::Nl, &self.language_nl), (Lang::En, &self.language_en)]
            .into_iter()
            .filter(|(_, ticked)| ticked.is_some())
            .map(|(lang, _)| lang)
            .collect();
        c.at_least_one("languages", !languages.is_empty());
        let valid = NewOrganisation {
            name: c.text("name", &self.name, 200),
            kvk_number: c.kvk_number("kvk_number", &self.kvk_number),
            address: c.text("address", &self.address, 300),
            representative: c.text("representative", &self.representative, 200),
            privacy_contact_name: c.text("privacy_contact_name", &self.privacy_contact_name, 200),
            privacy_contact_email: c.email("privacy_contact_email", &self.privacy_contact_email),
            contract_start: c.date("contract_start", &self.contract_start),
            signer_name: c.text("signer_name", &self.signer_name, 200),
            signer_function: c.text("signer_function", &self.signer_function, 200),
            signed_on: c.date("signed_on", &self.signed_on),
            signed_at: c.text("signed_at", &self.signed_at, 100),
            admin_name: c.text("admin_name", &self.admin_name, 200),
            admin_email: c.email("admin_email", &self.admin_email),
            admin_language: Lang::from_code(&self.admin_language).unwrap_or_default(),
            languages,
        };
        c.finish().map(|()| valid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn filled() -> NewOrganisationForm {
        NewOrganisationForm {
            name: "Zorggroep De Linde".into(),
            kvk_number: "12345678".into(),
            address: "Lindelaan 1, Utrecht".into(),
            representative: "M. de Wit".into(),
            privacy_contact_name: "P. Jansen".into(),
            privacy_contact_email: "privacy@delinde.example".into(),
            contract_start: "2026-12-01".into(),
            language_nl: Some("on".into()),
            language_en: None,
            signer_name: "M. de Wit".into(),
            signer_function: "Bestuurder".into(),
            signed_on: "2026-11-20".into(),
            signed_at: "Utrecht".into(),
            admin_name: "Femke Jansen".into(),
            admin_email: "Femke.Jansen@delinde.example".into(),
            admin_language: "nl".into(),
        }
    }

    #[test]
    fn a_complete_form_is_accepted() {
        let valid = filled().validate().expect("valid");
        assert_eq!(valid.languages, [Lang::Nl]);
        assert_eq!(valid.admin_email, "femke.jansen@delinde.example");
    }

    #[test]
    fn every_problem_is_reported_by_field() {
        let form = NewOrganisationForm {
            kvk_number: "123".into(),
            admin_email: "femke".into(),
            language_nl: None,
            signed_on: "".into(),
            ..filled()
        };
        let fields: Vec<String> =
            form.validate().err().unwrap_or_default().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["languages", "kvk_number", "signed_on", "admin_email"]);
    }
}
