use sea_orm::entity::prelude::*;

/// One question of a survey, at its position, counting towards a theme.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "survey_question")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub survey_id: Uuid,
    pub position: i32,
    pub theme: String,
    /// `likert`, `enps` or `open`.
    pub kind: String,
    pub library_key: Option<String>,
    pub text_nl: String,
    pub text_en: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
