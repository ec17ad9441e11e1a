use sea_orm::entity::prelude::*;

/// Someone invited to a round: whether they answered, and their sealed
/// draft until they send it. Never linked to what they answered.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "survey_participant")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub round_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    pub org_id: Uuid,
    pub answered: bool,
    pub told: bool,
    /// Whether they were reminded (once, whichever server reminds).
    pub reminded: bool,
    pub draft: Option<Vec<u8>>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
