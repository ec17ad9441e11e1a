use sea_orm::entity::prelude::*;

/// A goal: an organisation's, a unit's, or a person's. Title, description
/// and target are sealed under the organisation's data key.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "goal")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub kind: String,
    pub owner_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
    pub parent_id: Option<Uuid>,
    pub competency_id: Option<Uuid>,
    pub value_id: Option<Uuid>,
    pub template_id: Option<Uuid>,
    pub year: i32,
    pub title: Vec<u8>,
    pub description: Vec<u8>,
    pub target: Vec<u8>,
    pub due_on: Option<ChronoDate>,
    pub status: String,
    pub visibility: String,
    pub progress: i32,
    pub created_by: Uuid,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
