use sea_orm::entity::prelude::*;

/// A data subject's request that reached the processor, to be forwarded to
/// the organisation (DPA 3.G, 8.C).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "rights_request")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    /// A `RightsRequestKind` code.
    pub kind: String,
    /// Who asks and how to reach them, as they wrote it.
    pub requester: String,
    pub summary: String,
    pub received_on: Date,
    pub recorded_by: Option<Uuid>,
    pub recorded_at: ChronoDateTimeUtc,
    pub forwarded_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
