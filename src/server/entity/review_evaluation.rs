use sea_orm::entity::prelude::*;

/// One person's evaluation at one moment of a review cycle: the
/// acknowledgements, with their sealed comments, and when it locked.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "review_evaluation")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub moment_id: Uuid,
    pub employee_id: Uuid,
    pub employee_acknowledged_at: Option<ChronoDateTimeUtc>,
    pub employee_comment: Option<Vec<u8>>,
    pub manager_acknowledged_at: Option<ChronoDateTimeUtc>,
    pub manager_acknowledged_by: Option<Uuid>,
    pub manager_comment: Option<Vec<u8>>,
    pub locked_at: Option<ChronoDateTimeUtc>,
    pub reopened_at: Option<ChronoDateTimeUtc>,
    pub reopened_by: Option<Uuid>,
    pub reopen_reason: Option<Vec<u8>>,
    pub created_at: ChronoDateTimeUtc,
    pub proposed_score: Option<i32>,
    pub final_score: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
