use sea_orm::entity::prelude::*;

/// A manager's reply to a survey comment, or the anonymous respondent's answer.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "survey_reply")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub answer_id: Uuid,
    pub author_id: Option<Uuid>,
    pub from_respondent: bool,
    pub body: Vec<u8>,
    pub written_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
