use sea_orm::entity::prelude::*;

/// A template given to the people of a unit or a function for a year.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "goal_template_assignment")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub template_id: Uuid,
    pub unit_id: Option<Uuid>,
    pub function_id: Option<Uuid>,
    pub year: i32,
    pub due_on: Option<Date>,
    pub assigned_by: Uuid,
    pub assigned_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
