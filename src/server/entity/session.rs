use sea_orm::entity::prelude::*;

/// A signed-in browser. Only the SHA-256 of the cookie's token is stored, so
/// a copy of the database cannot be used to take over a session.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "session")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub user_id: Option<Uuid>,
    pub operator_id: Option<Uuid>,
    pub org_id: Option<Uuid>,
    pub created_at: ChronoDateTimeUtc,
    pub last_seen_at: ChronoDateTimeUtc,
    /// The absolute end, whatever the activity.
    pub expires_at: ChronoDateTimeUtc,
    pub user_agent: String,
    /// The password was right, the second factor is still to come: not signed in yet.
    pub second_factor_pending: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
