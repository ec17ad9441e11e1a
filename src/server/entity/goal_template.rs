use sea_orm::entity::prelude::*;

/// A personal goal an admin defines once and assigns to many; its texts
/// and key results are sealed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "goal_template")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub kind: String,
    pub competency_id: Option<Uuid>,
    pub value_id: Option<Uuid>,
    pub title: Vec<u8>,
    pub description: Vec<u8>,
    pub target: Vec<u8>,
    pub visibility: Option<String>,
    pub key_results: Vec<u8>,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
