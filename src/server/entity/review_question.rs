use sea_orm::entity::prelude::*;

/// One question of a review form, at its position.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "review_question")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub form_id: Uuid,
    pub position: i32,
    pub kind: String,
    pub text_nl: String,
    pub text_en: String,
    pub hint_nl: String,
    pub hint_en: String,
    pub scale: i32,
    pub required: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
