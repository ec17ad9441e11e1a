use sea_orm::entity::prelude::*;

/// Feedback from one person to another; the text is sealed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "feedback")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub giver_id: Option<Uuid>,
    pub recipient_id: Uuid,
    pub visibility: String,
    pub goal_id: Option<Uuid>,
    pub competency_id: Option<Uuid>,
    pub value_id: Option<Uuid>,
    pub body: Vec<u8>,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
