//! Demo data for `make run`: a realistic organisation to click through.
//! Runs only on an empty database, so a second start keeps what users changed.

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

use super::config::KeyEncryptionKey;
use super::entity::organisation;
use super::service::accounts::{self, NewUser};
use super::service::organisations;
use crate::domain::AppError;
use crate::domain::roles::Roles;
use crate::i18n::Lang;

pub const DEMO_ORGANISATION: &str = "Zorggroep De Linde";
/// The password of every demo account; printed by `make run`, listed in the README.
pub const DEMO_PASSWORD: &str = "Linde-demo-wachtwoord-2026";

/// A demo sign-in, as `make run` prints it.
pub struct DemoLogin {
    pub email: &'static str,
    pub who: &'static str,
}

pub const OPERATOR_LOGIN: DemoLogin = DemoLogin { email: "operator@koers.localhost", who: "operator staff" };

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
        .chain(MEMBERS.iter().map(|(_, email, _, _, who)| DemoLogin { email, who }))
        .collect()
}

/// Creates the demo operator account and organisation with its people,
/// unless any organisation exists. Returns whether it seeded.
pub async fn seed_demo_if_empty(
    db: &DatabaseConnection,
    kek: &KeyEncryptionKey,
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
    accounts::create_operator(db, "Olga de Boer", OPERATOR_LOGIN.email, DEMO_PASSWORD, now).await?;
    let org = organisations::create(db, kek, DEMO_ORGANISATION, now).await.map_err(|error| {
        tracing::error!(%error, "demo organisation not created");
        AppError::Internal
    })?;
    for (name, email, language, roles, _) in MEMBERS {
        let user = NewUser { name, email: Some(email), language, roles };
        accounts::create_user(db, org, user, Some(DEMO_PASSWORD), now).await?;
    }
    tracing::info!(organisation = DEMO_ORGANISATION, "demo data created");
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::entity::user_account;
    use crate::server::testing::for_each_backend;

    for_each_backend! {
        async fn seeding_fills_an_empty_database_once(db) {
            let kek = crate::server::testing::test_kek();
            let now = Utc::now();
            assert!(seed_demo_if_empty(&db, &kek, now).await.expect("first seed"));
            assert!(!seed_demo_if_empty(&db, &kek, now).await.expect("second seed"));
            let names: Vec<String> =
                organisation::Entity::find().all(&db).await.expect("organisations").into_iter().map(|o| o.name).collect();
            assert_eq!(names, [DEMO_ORGANISATION]);
            assert_eq!(user_account::Entity::find().count(&db).await.expect("users"), 4);
        }
    }
}
