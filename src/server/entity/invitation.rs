use sea_orm::entity::prelude::*;

/// A single-use link (or, handed out in person, a code) with which an invited
/// user chooses a password; only the token's SHA-256 is kept.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "invitation")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub user_id: Uuid,
    pub org_id: Uuid,
    pub created_at: ChronoDateTimeUtc,
    pub expires_at: ChronoDateTimeUtc,
    pub accepted_at: Option<ChronoDateTimeUtc>,
    /// `mail`, `sms` or `code`.
    pub channel: String,
    /// When a scheduled invitation goes out; `None` when it went at once.
    pub send_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
