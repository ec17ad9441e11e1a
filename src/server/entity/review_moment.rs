use sea_orm::entity::prelude::*;

/// A moment of a cycle: goal-setting, mid-term or end evaluation.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "review_moment")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub cycle_id: Uuid,
    pub kind: String,
    pub opens_on: ChronoDate,
    pub closes_on: ChronoDate,
    pub writers: String,
    pub form_id: Uuid,
    pub intro_nl: String,
    pub intro_en: String,
    pub peer_form_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
