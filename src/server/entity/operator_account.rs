use sea_orm::entity::prelude::*;

/// Staff of the processor. They manage organisations and contracts, never
/// tenant content (DPA 6).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "operator_account")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub email: String,
    pub name: String,
    pub language: String,
    pub password_hash: Option<String>,
    pub created_at: ChronoDateTimeUtc,
    pub deactivated_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
