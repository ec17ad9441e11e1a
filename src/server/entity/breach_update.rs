use sea_orm::entity::prelude::*;

/// A follow-up on an incident for the organisations told of it (DPA 7.C).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "breach_update")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub breach_id: Uuid,
    pub body: String,
    pub recorded_by: Option<Uuid>,
    pub recorded_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
