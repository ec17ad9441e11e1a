use sea_orm::entity::prelude::*;

/// That the owner was reminded of a goal's due date.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "goal_due_reminder")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub goal_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub due_on: Date,
    pub sent_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
