//! Demo data for `make run`: a realistic organisation to click through.
//! Runs only on an empty database, so a second start keeps what users changed.

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

use super::auth::OrgScope;
use super::auth::second_factor::{self, TotpSecret};
use super::auth::session::Holder;
use super::config::KeyEncryptionKey;
use super::crypto::Keyring;
use super::entity::organisation;
use super::service::accounts::{self, NewUser};
use super::service::{organisations, structure};
use crate::domain::AppError;
use crate::domain::ids::{OrgId, UserId};
use crate::domain::roles::Roles;
use crate::i18n::Lang;

pub const DEMO_ORGANISATION: &str = "Zorggroep De Linde";
/// The password of every demo account; printed by `make run`, listed in the README.
pub const DEMO_PASSWORD: &str = "Linde-demo-wachtwoord-2026";

/// The authenticator-app key of the demo accounts that must have a second
/// factor (operator and admin); printed by `make run`, listed in the README,
/// used by the end-to-end tests. Type it into any authenticator app.
pub const DEMO_TOTP_SECRET: &str = "KOERSDEMOKOERSDEMOKOERSDEMOKOERS";

/// A demo sign-in, as `make run` prints it.
pub struct DemoLogin {
    pub email: &'static str,
    pub who: &'static str,
    /// Whether signing in asks for a code from [`DEMO_TOTP_SECRET`].
    pub second_factor: bool,
}

pub const OPERATOR_LOGIN: DemoLogin =
    DemoLogin { email: "operator@koers.localhost", who: "operator staff", second_factor: true };

const MEMBERS: [(&str, &str, Lang, Roles, &str); 4] = [
    (
        "Femke Jansen",
        "femke.jansen@delinde.example",
        Lang::Nl,
        Roles { manager: false, admin: true, auditor: false },
        "admin (HR)",
    ),
    (
        "Ahmed El Amrani",
        "ahmed.elamrani@delinde.example",
        Lang::Nl,
        Roles { manager: true, admin: false, auditor: false },
        "manager",
    ),
    (
        "Sanne de Vries",
        "sanne.devries@delinde.example",
        Lang::Nl,
        Roles { manager: false, admin: false, auditor: false },
        "employee",
    ),
    (
        "Thomas Bakker",
        "thomas.bakker@delinde.example",
        Lang::En,
        Roles { manager: false, admin: false, auditor: false },
        "employee",
    ),
];

/// Every demo sign-in, for `make run` to print.
pub fn demo_logins() -> Vec<DemoLogin> {
    std::iter::once(OPERATOR_LOGIN)
        .chain(MEMBERS.iter().map(|(_, email, _, roles, who)| DemoLogin {
            email,
            who,
            second_factor: roles.admin,
        }))
        .collect()
}

/// Creates the demo operator account and organisation with its people,
/// unless any organisation exists. Returns whether it seeded.
pub async fn seed_demo_if_empty(
    db: &DatabaseConnection,
    keys: &Keyring,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let existing = organisation::Entity::find().count(db).await.map_err(|error| {
        tracing::error!(%error, "database not readable");
        AppError::Internal
    })?;
    if existing > 0 {
        tracing::info!("database already holds data; demo seed skipped");
        return Ok(false);
    }
    let operator =
        accounts::create_operator(db, "Olga de Boer", OPERATOR_LOGIN.email, DEMO_PASSWORD, now).await?;
    enrol_demo_app(db, &keys.kek, Holder::Operator { operator: operator.0 }, now).await?;
    let org = organisations::create(db, keys, DEMO_ORGANISATION, now).await.map_err(|error| {
        tracing::error!(%error, "demo organisation not created");
        AppError::Internal
    })?;
    let mut people = Vec::new();
    for (name, email, language, roles, _) in MEMBERS {
        let user = NewUser { name, email: Some(email), language, roles };
        let id = accounts::create_user(db, org, user, Some(DEMO_PASSWORD), now).await?;
        if roles.admin {
            enrol_demo_app(db, &keys.kek, Holder::User { user: id.0, org: org.0 }, now).await?;
        }
        people.push((id, name, roles));
    }
    seed_structure(db, org, &people, now).await?;
    tracing::info!(organisation = DEMO_ORGANISATION, "demo data created");
    Ok(true)
}

/// Staf (Femke) and Zorg with two district teams: Noord, managed by Ahmed,
/// with Sanne; Zuid, with Thomas.
async fn seed_structure(
    db: &DatabaseConnection,
    org: OrgId,
    people: &[(UserId, &str, Roles)],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let [(femke, femke_name, femke_roles), (ahmed, ..), (sanne, ..), (thomas, ..)] = people else {
        return Err(AppError::Internal);
    };
    let admin = OrgScope { org, user: *femke, name: (*femke_name).to_owned(), roles: *femke_roles };
    let staff = structure::create(db, &admin, "Staf", None, now).await?;
    let care = structure::create(db, &admin, "Zorg", None, now).await?;
    let north = structure::create(db, &admin, "Wijkteam Noord", Some(care), now).await?;
    let south = structure::create(db, &admin, "Wijkteam Zuid", Some(care), now).await?;
    structure::add_member(db, &admin, staff, *femke, true, now).await?;
    structure::set_manager(db, &admin, north, *ahmed, true, now).await?;
    structure::add_member(db, &admin, north, *ahmed, true, now).await?;
    structure::add_member(db, &admin, north, *sanne, true, now).await?;
    structure::add_member(db, &admin, south, *thomas, true, now).await
}

async fn enrol_demo_app(
    db: &DatabaseConnection,
    kek: &KeyEncryptionKey,
    holder: Holder,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let secret = TotpSecret::from_base32(DEMO_TOTP_SECRET).ok_or(AppError::Internal)?;
    second_factor::enrol_known_secret(db, kek, holder, &secret, now).await.map_err(|error| {
        tracing::error!(%error, "demo authenticator app not enrolled");
        AppError::Internal
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::entity::user_account;
    use crate::server::testing::for_each_backend;

    for_each_backend! {
        async fn seeding_fills_an_empty_database_once(db) {
            let keys = crate::server::testing::test_keyring();
            let now = Utc::now();
            assert!(seed_demo_if_empty(&db, &keys, now).await.expect("first seed"));
            assert!(!seed_demo_if_empty(&db, &keys, now).await.expect("second seed"));
            let names: Vec<String> =
                organisation::Entity::find().all(&db).await.expect("organisations").into_iter().map(|o| o.name).collect();
            assert_eq!(names, [DEMO_ORGANISATION]);
            assert_eq!(user_account::Entity::find().count(&db).await.expect("users"), 4);
            assert_eq!(crate::server::entity::org_unit::Entity::find().count(&db).await.expect("units"), 4);
            let user = |email: &str| {
                let db = db.clone();
                let email = email.to_owned();
                async move {
                    use sea_orm::{ColumnTrait, QueryFilter};
                    let found = user_account::Entity::find().filter(user_account::Column::Email.eq(email)).one(&db).await;
                    let found = found.expect("query").expect("demo user");
                    (OrgId(found.org_id), UserId(found.id))
                }
            };
            let (org, sanne) = user("sanne.devries@delinde.example").await;
            let (_, ahmed) = user("ahmed.elamrani@delinde.example").await;
            let managers = crate::server::auth::reach::managers_of(&db, org, sanne).await.expect("derived");
            assert_eq!(managers, [ahmed], "Ahmed manages Sanne");
        }
    }
}
