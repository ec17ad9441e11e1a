use sea_orm::entity::prelude::*;

/// One change of an evaluation's final score in calibration, with its
/// sealed rationale: the log of how a score came to be.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "review_calibration")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub evaluation_id: Uuid,
    pub from_score: Option<i32>,
    pub to_score: i32,
    pub rationale: Vec<u8>,
    pub changed_by: Option<Uuid>,
    pub changed_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
