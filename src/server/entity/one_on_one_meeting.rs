use sea_orm::entity::prelude::*;

/// One meeting of a 1:1: planned, or held with sealed shared notes.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "one_on_one_meeting")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub series_id: Uuid,
    pub scheduled_at: ChronoDateTimeUtc,
    pub held_at: Option<ChronoDateTimeUtc>,
    pub notes: Option<Vec<u8>>,
    pub reminded_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
