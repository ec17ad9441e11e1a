use sea_orm::entity::prelude::*;

/// A progress update of a goal; its comment is sealed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "goal_check_in")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub goal_id: Uuid,
    pub author_id: Uuid,
    pub status: String,
    pub progress: i32,
    pub comment: Vec<u8>,
    /// The key results' values after it, one `id=value` a line.
    pub values: String,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
