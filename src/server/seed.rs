//! Demo data for `make run`: a realistic organisation to click through.
//! Runs only on an empty database, so a second start keeps what users changed.

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, DbErr, EntityTrait, PaginatorTrait};

use super::config::KeyEncryptionKey;
use super::entity::organisation;
use super::service::organisations;

pub const DEMO_ORGANISATION: &str = "Zorggroep De Linde";

/// Creates the demo organisation unless any organisation exists. Returns
/// whether it seeded.
pub async fn seed_demo_if_empty(
    db: &DatabaseConnection,
    kek: &KeyEncryptionKey,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    if organisation::Entity::find().count(db).await? > 0 {
        tracing::info!("database already holds data; demo seed skipped");
        return Ok(false);
    }
    organisations::create(db, kek, DEMO_ORGANISATION, now).await?;
    tracing::info!(organisation = DEMO_ORGANISATION, "demo organisation created");
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::testing::for_each_backend;

    for_each_backend! {
        async fn seeding_fills_an_empty_database_once(db) {
            let kek = KeyEncryptionKey::from_base64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=").expect("key");
            let now = Utc::now();
            assert!(seed_demo_if_empty(&db, &kek, now).await.expect("first seed"));
            assert!(!seed_demo_if_empty(&db, &kek, now).await.expect("second seed"));
            let names: Vec<String> = organisation::Entity::find()
                .all(&db)
                .await
                .expect("organisations")
                .into_iter()
                .map(|o| o.name)
                .collect();
            assert_eq!(names, [DEMO_ORGANISATION]);
        }
    }
}
