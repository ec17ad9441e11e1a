use sea_orm::entity::prelude::*;

/// A competency asked of the holders of a job function.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "competency_function")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub competency_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub function_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
