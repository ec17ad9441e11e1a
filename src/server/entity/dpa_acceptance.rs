use sea_orm::entity::prelude::*;

/// An organisation's signature under the processing agreement, as the
/// signature block of the agreement has it (name, function, date and place).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "dpa_acceptance")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub agreement_version: String,
    pub signer_name: String,
    pub signer_function: String,
    pub signed_on: Date,
    /// The place of signing.
    pub signed_at: String,
    /// The operator who recorded it.
    pub recorded_by: Uuid,
    pub recorded_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
