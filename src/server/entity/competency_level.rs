use sea_orm::entity::prelude::*;

/// One level of a competency, with its behavioural indicators.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "competency_level")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub competency_id: Uuid,
    /// From 1 upwards.
    pub position: i32,
    pub name_nl: String,
    pub name_en: String,
    /// One observable behaviour per line.
    pub indicators_nl: String,
    pub indicators_en: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
