//! Demo data for `make run`: a realistic organisation to click through.
//! Runs only on an empty database, so a second start keeps what users changed.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, Set};

use super::entity::organisation;

pub const DEMO_ORGANISATION: &str = "Zorggroep De Linde";

/// Creates the demo organisation unless any organisation exists. Returns
/// whether it seeded.
pub async fn seed_demo_if_empty(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    if organisation::Entity::find().count(db).await? > 0 {
        tracing::info!("database already holds data; demo seed skipped");
        return Ok(false);
    }
    organisation::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        name: Set(DEMO_ORGANISATION.to_owned()),
        default_language: Set("nl".to_owned()),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    tracing::info!(
        organisation = DEMO_ORGANISATION,
        "demo organisation created"
    );
    Ok(true)
}
