use sea_orm::entity::prelude::*;

/// A full export of an organisation's data: written in the background to
/// a file in the data directory, downloadable until `expires_at`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "organisation_export")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub requested_by: Option<Uuid>,
    pub requested_at: ChronoDateTimeUtc,
    pub rows_total: i64,
    pub rows_done: i64,
    pub finished_at: Option<ChronoDateTimeUtc>,
    pub failed_at: Option<ChronoDateTimeUtc>,
    pub expires_at: Option<ChronoDateTimeUtc>,
    pub size_bytes: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
