use sea_orm::entity::prelude::*;

/// Where a manager placed one of their people in a cycle's 9-box.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "talent_review")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub cycle_id: Uuid,
    pub employee_id: Uuid,
    pub performance: String,
    pub potential: String,
    pub placed_by: Option<Uuid>,
    pub placed_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
