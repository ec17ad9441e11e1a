use sea_orm::entity::prelude::*;

/// Someone's request for feedback: sealed questions and a deadline.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "feedback_request")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub requester_id: Uuid,
    pub questions: Vec<u8>,
    pub deadline: ChronoDate,
    pub created_at: ChronoDateTimeUtc,
    pub withdrawn_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
