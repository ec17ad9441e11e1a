use sea_orm::entity::prelude::*;

/// An incident in the processor's breach register (DPA 7.A, 7.G).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "breach")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub nature: String,
    pub discovered_at: ChronoDateTimeUtc,
    pub contact_point: String,
    pub consequences: String,
    pub measures: String,
    pub recorded_by: Option<Uuid>,
    pub recorded_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
