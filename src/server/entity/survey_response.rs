use sea_orm::entity::prelude::*;

/// One anonymous response: the segments its respondent was in, no person
/// and no time. Its id is random, so its order tells nothing either.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "survey_response")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub round_id: Uuid,
    pub unit_id: Option<Uuid>,
    pub function_id: Option<Uuid>,
    pub tenure_band: Option<String>,
    pub age_band: Option<String>,
    pub reply_code_hash: Option<String>,
    /// Fixed when the round closes, without references (see
    /// `service::surveys::shuffle`): the respondent's unit and the units
    /// above it, nearest first, as comma-separated ids; and their function.
    pub units_at_close: Option<String>,
    pub function_at_close: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
