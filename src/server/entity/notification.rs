use sea_orm::entity::prelude::*;

/// Something a person is told in the app: a kind and references, no text.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "notification")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub user_id: Uuid,
    pub kind: String,
    pub about_user_id: Option<Uuid>,
    pub goal_id: Option<Uuid>,
    pub year: Option<i32>,
    pub created_at: ChronoDateTimeUtc,
    pub read_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
