use sea_orm::entity::prelude::*;

/// A measurable key result of a goal; its title is sealed.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "key_result")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub goal_id: Uuid,
    pub position: i32,
    pub title: Vec<u8>,
    pub start_value: f64,
    pub target_value: f64,
    pub current_value: f64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
