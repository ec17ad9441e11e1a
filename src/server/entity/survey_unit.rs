use sea_orm::entity::prelude::*;

/// A unit (with the units below it) a survey is for.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "survey_unit")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub survey_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub unit_id: Uuid,
    pub org_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
