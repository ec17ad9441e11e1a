use sea_orm::entity::prelude::*;

/// Time-boxed access of the processor's staff to an organisation for one
/// support case, granted by an admin (DPA 6).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "support_grant")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub case_reference: String,
    pub granted_by: Option<Uuid>,
    pub granted_at: ChronoDateTimeUtc,
    pub expires_at: ChronoDateTimeUtc,
    /// When an admin ended it before it expired.
    pub ended_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
