use sea_orm::entity::prelude::*;

/// One run of a survey, from its opening to its closing.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "survey_round")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub survey_id: Uuid,
    pub opens_at: ChronoDateTimeUtc,
    pub closes_at: ChronoDateTimeUtc,
    /// The anonymity threshold, fixed when the round opened.
    pub threshold: Option<i32>,
    pub opened_at: Option<ChronoDateTimeUtc>,
    pub closed_at: Option<ChronoDateTimeUtc>,
    pub reminded_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
