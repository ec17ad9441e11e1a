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
    /// Processing restricted (GDPR art. 18): frozen like a deactivated
    /// account until an admin lifts it.
    Restricted,
}

impl AccountStatus {
    pub fn label_key(self) -> crate::i18n::Key {
        use crate::i18n::Key;
        match self {
            AccountStatus::Invited => Key::PeopleStatusInvited,
            AccountStatus::Active => Key::PeopleStatusActive,
            AccountStatus::Deactivated => Key::PeopleStatusDeactivated,
            AccountStatus::Restricted => Key::PeopleStatusRestricted,
        }
    }
}

/// A person as the admin's people list shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonSummary {
    pub id: UserId,
    pub name: String,
    pub email: Option<String>,
    pub username: Option<String>,
    pub roles: Roles,
    pub status: AccountStatus,
    /// Whether an authenticator app guards their account.
    pub has_second_factor: bool,
    /// A scheduled invitation that has not gone out yet: when, `YYYY-MM-DD HH:MM` local time.
    pub invitation_goes_out: Option<String>,
    /// The admin viewing the list: they cannot deactivate themselves.
    pub is_you: bool,
}

/// A person as their admin page shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonDetails {
    pub summary: PersonSummary,
    pub language: String,
    /// Their mobile number, if they have one (E.164).
    pub phone: Option<String>,
    /// Their units, each with whether it is the primary one.
    pub units: Vec<(super::UnitNode, bool)>,
    /// Who manages them now: the override, or what the structure gives.
    pub managers: Vec<super::PersonRef>,
    /// An explicit manager instead of the structure's (a matrix manager).
    pub manager_override: Option<super::PersonRef>,
    /// Everyone else who is active, to choose an override from.
    pub candidates: Vec<super::PersonRef>,
    /// What was decided when their access ended, if it did so.
    pub offboarding: Option<Offboarding>,
    /// Their job function, and every function they could have.
    pub function: Option<crate::domain::ids::FunctionId>,
    pub functions: Vec<super::JobFunction>,
    /// The day they started (`YYYY-MM-DD`) and their year of birth, when
    /// known: only survey results use them, as tenure and age bands.
    pub started_on: Option<String>,
    pub birth_year: Option<u32>,
}

/// What happens to someone's data after offboarding (DPA 8.D).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Offboarding {
    /// Their personal data is to be deleted.
    DeleteData,
    /// Their shared items go to this person.
    TransferTo(super::PersonRef),
}

/// What the admin's people list asks for: a search over name, e-mail
/// address and username; a status, unit, function and role; a page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleFilter {
    #[serde(default)]
    pub q: String,
    /// `invited`, `active`, `deactivated`, or empty for all.
    #[serde(default)]
    pub status: String,
    /// A unit id, or empty for all.
    #[serde(default)]
    pub unit: String,
    /// A job function id, or empty for all.
    #[serde(default)]
    pub function: String,
    /// `manager`, `admin` or `auditor`, or empty for all.
    #[serde(default)]
    pub role: String,
    /// `name` (default), `name_desc` or `newest` (most recently added first).
    #[serde(default)]
    pub sort: String,
    /// From 0.
    #[serde(default)]
    pub page: u32,
}

/// One page of the people list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleListing {
    pub people: Vec<PersonSummary>,
    /// How many match the filter, on all pages.
    pub total: u64,
    pub page: u32,
    pub page_size: u32,
}

/// The invitation form as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPersonForm {
    pub name: String,
    /// `email`, `sms` or `code`: how the invitation reaches them.
    #[serde(default)]
    pub delivery: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub username: String,
    pub language: String,
    /// When to send it (`datetime-local`, in the installation's time zone); empty for now.
    #[serde(default)]
    pub send_at: String,
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
    pub delivery: Delivery,
    /// Required when the invitation does not go by e-mail: they sign in with it.
    pub username: Option<String>,
    pub language: Lang,
    pub roles: Roles,
    /// `YYYY-MM-DDTHH:MM` in the installation's time zone; `None` sends at once.
    pub send_at: Option<String>,
}

/// An invitation by code, for the admin to hand out: shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandedOutCode {
    pub name: String,
    pub username: String,
    pub code: String,
    /// Where they enter it: `https://…/invite`.
    pub enter_at: String,
    pub valid_days: u32,
}

/// How an invitation reaches the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// A link by e-mail; the address is also their sign-in name.
    Email(String),
    /// A registration text message to this number (E.164), used for nothing else.
    Sms(String),
    /// A one-time code the admin hands out in person.
    Code,
}

impl NewPersonForm {
    pub fn validate(&self) -> Result<NewPerson, Vec<FieldError>> {
        let mut c = Checks::default();
        let delivery = match self.delivery.as_str() {
            "sms" => Delivery::Sms(c.phone("phone", &self.phone)),
            "code" => Delivery::Code,
            _ => Delivery::Email(c.email("email", &self.email)),
        };
        let username = match (self.username.trim().is_empty(), &delivery) {
            (true, Delivery::Email(_)) => None,
            _ => Some(c.username("username", &self.username)),
        };
        // A code is handed out at once; there is nothing to schedule.
        let send_at = match delivery {
            Delivery::Code => None,
            _ => c.optional_local_date_time("send_at", &self.send_at),
        };
        let person = NewPerson {
            name: c.text("name", &self.name, 200),
            delivery,
            username,
            send_at,
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

/// The admin's correction of a person's own data (GDPR art. 16, DPA 3.G).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RectifyForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub language: String,
    /// `YYYY-MM-DD`, or empty when not known.
    #[serde(default)]
    pub started_on: String,
    #[serde(default)]
    pub birth_year: String,
}

/// A correction whose fields passed their checks; empty optional fields are `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rectified {
    pub name: String,
    pub email: Option<String>,
    pub username: Option<String>,
    pub phone: Option<String>,
    pub language: Lang,
    /// The day they started working for the organisation (`YYYY-MM-DD`).
    pub started_on: Option<String>,
    pub birth_year: Option<u32>,
}

impl RectifyForm {
    /// A person keeps a name to sign in with: an e-mail address or a
    /// username. A year of birth is checked against `this_year`.
    pub fn validate(&self, this_year: u32) -> Result<Rectified, Vec<FieldError>> {
        let mut c = Checks::default();
        let given = |value: &str| !value.trim().is_empty();
        let name = c.text("name", &self.name, 200);
        let email = given(&self.email).then(|| c.email("email", &self.email));
        let username = given(&self.username).then(|| c.username("username", &self.username));
        if email.is_none() && username.is_none() {
            c.fail("email", crate::domain::validation::Problem::Required);
        }
        let phone = given(&self.phone).then(|| c.phone("phone", &self.phone));
        let language = Lang::from_code(&self.language).unwrap_or_else(|| {
            c.fail("language", crate::domain::validation::Problem::NotAChoice);
            Lang::default()
        });
        let started_on = c.optional_date("started_on", &self.started_on);
        let birth_year = c.optional_birth_year("birth_year", &self.birth_year, this_year);
        c.finish().map(|()| Rectified { name, email, username, phone, language, started_on, birth_year })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validation::Problem;

    #[test]
    fn a_correction_keeps_a_name_to_sign_in_with() {
        let form = RectifyForm { name: "Dewi".into(), language: "nl".into(), ..Default::default() };
        let problems: Vec<_> =
            form.validate(2026).unwrap_err().into_iter().map(|e| (e.field, e.problem)).collect();
        assert_eq!(problems, [("email".to_owned(), Problem::Required)]);
        let fixed =
            RectifyForm { email: "Dewi.S@DeLinde.example".into(), phone: "06 1234 5678".into(), ..form };
        let rectified = fixed.validate(2026).expect("valid");
        assert_eq!(rectified.email.as_deref(), Some("dewi.s@delinde.example"));
        assert_eq!(rectified.phone.as_deref(), Some("+31612345678"));
    }

    fn form(delivery: &str) -> NewPersonForm {
        NewPersonForm {
            name: "Jan".into(),
            delivery: delivery.into(),
            language: "nl".into(),
            ..Default::default()
        }
    }

    fn problems(form: &NewPersonForm) -> Vec<(String, Problem)> {
        form.validate().err().unwrap_or_default().into_iter().map(|e| (e.field, e.problem)).collect()
    }

    #[test]
    fn an_e_mail_invitation_needs_the_address_and_no_username() {
        let person = NewPersonForm { email: "Jan@DeLinde.example".into(), ..form("email") }.validate();
        assert_eq!(
            person.map(|p| (p.delivery, p.username)),
            Ok((Delivery::Email("jan@delinde.example".into()), None))
        );
        assert_eq!(problems(&form("email")), [("email".into(), Problem::Required)]);
    }

    #[test]
    fn a_text_message_invitation_needs_a_number_and_a_username() {
        let valid = NewPersonForm { phone: "06 1234 5678".into(), username: "jan".into(), ..form("sms") };
        assert_eq!(valid.validate().map(|p| p.delivery), Ok(Delivery::Sms("+31612345678".into())));
        assert_eq!(
            problems(&form("sms")),
            [("phone".into(), Problem::Required), ("username".into(), Problem::Required)]
        );
    }

    #[test]
    fn a_code_is_handed_out_at_once_so_it_is_never_scheduled() {
        let coded =
            NewPersonForm { username: "jan".into(), send_at: "2027-01-04T09:00".into(), ..form("code") };
        let person = coded.validate().expect("valid");
        assert_eq!((person.delivery, person.send_at), (Delivery::Code, None));
    }
}
