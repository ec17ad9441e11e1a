use sea_orm::entity::prelude::*;

/// An organisation an incident affects, with its own numbers, and when it
/// was told (DPA 7.A).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "breach_tenant")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub breach_id: Uuid,
    pub org_id: Uuid,
    pub subject_categories: String,
    pub subjects_approx: i64,
    pub record_categories: String,
    pub records_approx: i64,
    pub notified_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
