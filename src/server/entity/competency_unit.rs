use sea_orm::entity::prelude::*;

/// A competency asked of the people of a unit and the units below it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "competency_unit")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub competency_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub unit_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
