use sea_orm::entity::prelude::*;

/// Someone the employee asked to review them at a moment: a colleague or
/// an external person (sealed name and address, a single-use link), with
/// the manager's approval and, once given, the sealed answers.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "review_nomination")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub moment_id: Uuid,
    pub employee_id: Uuid,
    pub reviewer_id: Option<Uuid>,
    pub external_name: Option<Vec<u8>>,
    pub external_email: Option<Vec<u8>>,
    pub token_hash: Option<String>,
    pub approved_at: Option<ChronoDateTimeUtc>,
    pub approved_by: Option<Uuid>,
    pub answers: Option<Vec<u8>>,
    pub answered_at: Option<ChronoDateTimeUtc>,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
