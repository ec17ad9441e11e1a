use sea_orm::entity::prelude::*;

/// An action item agreed in a 1:1, with an owner; sealed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "one_on_one_action")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub series_id: Uuid,
    pub meeting_id: Uuid,
    pub owner_id: Uuid,
    pub body: Vec<u8>,
    pub due_on: Option<ChronoDate>,
    pub done_at: Option<ChronoDateTimeUtc>,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
