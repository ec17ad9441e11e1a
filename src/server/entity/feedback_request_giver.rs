use sea_orm::entity::prelude::*;

/// One person asked in a feedback request: a colleague, or an external
/// with a sealed name and address and a single-use link.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "feedback_request_giver")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub request_id: Uuid,
    pub user_id: Option<Uuid>,
    pub external_name: Option<Vec<u8>>,
    pub external_email: Option<Vec<u8>>,
    pub token_hash: Option<String>,
    pub asked_at: ChronoDateTimeUtc,
    pub reminded_at: Option<ChronoDateTimeUtc>,
    pub answered_at: Option<ChronoDateTimeUtc>,
    pub feedback_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
