use sea_orm::entity::prelude::*;

/// The self-reflection or the manager's evaluation of one evaluation: its
/// sealed answers, a draft until shared.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "review_writing")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub evaluation_id: Uuid,
    pub party: String,
    pub author_id: Option<Uuid>,
    pub answers: Vec<u8>,
    pub saved_at: ChronoDateTimeUtc,
    pub shared_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
