use sea_orm::entity::prelude::*;

/// An organisation's round of review conversations over a period.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "review_cycle")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub name: String,
    pub starts_on: ChronoDate,
    pub ends_on: ChronoDate,
    pub repeats_yearly: bool,
    pub copied_to: Option<Uuid>,
    pub created_at: ChronoDateTimeUtc,
    pub reviewers_named: bool,
    pub anonymity_threshold: i32,
    pub final_score_visible: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
