use sea_orm::entity::prelude::*;

/// An organisation's objection to a new sub-processor (DPA 4.D).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "sub_processor_objection")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub sub_processor_id: Uuid,
    pub reason: String,
    pub objected_by: Option<Uuid>,
    pub objected_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
