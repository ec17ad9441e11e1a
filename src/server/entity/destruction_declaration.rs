use sea_orm::entity::prelude::*;

/// The written declaration that an organisation's data was destroyed (DPA 8.E).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "destruction_declaration")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub organisation_name: String,
    pub contract_end: Date,
    pub destroyed_at: ChronoDateTimeUtc,
    /// The identifier of the destroyed data key: a hash of its wrapped form.
    pub key_fingerprint: String,
    /// What was destroyed: JSON `[[entity, rows], …]`.
    pub counts: String,
    /// Where it was mailed: the privacy contact, or empty when none was known.
    pub sent_to: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
