use sea_orm::entity::prelude::*;

/// A survey: its questions and audience, run once, as a pulse or for newcomers.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "survey")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub title_nl: String,
    pub title_en: String,
    pub intro_nl: String,
    pub intro_en: String,
    /// `once`, `pulse` or `onboarding`.
    pub kind: String,
    pub repeat_months: Option<i32>,
    pub onboarding_days: Option<i32>,
    pub open_days: i32,
    pub remind_after_days: Option<i32>,
    pub created_by: Option<Uuid>,
    pub created_at: ChronoDateTimeUtc,
    pub archived_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
