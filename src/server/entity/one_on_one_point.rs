use sea_orm::entity::prelude::*;

/// A talking point on a meeting's agenda, shared or private; sealed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "one_on_one_point")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub meeting_id: Uuid,
    pub author_id: Uuid,
    pub private: bool,
    pub body: Vec<u8>,
    pub discussed: bool,
    pub carried_over: i32,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
