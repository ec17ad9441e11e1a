use sea_orm::entity::prelude::*;

/// An authenticator app of an account. The shared secret is sealed under the
/// key-encryption key, bound to this row's id.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "totp_credential")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Option<Uuid>,
    pub operator_id: Option<Uuid>,
    pub sealed_secret: Vec<u8>,
    pub created_at: ChronoDateTimeUtc,
    /// Empty until the first code from the app was typed in.
    pub confirmed_at: Option<ChronoDateTimeUtc>,
    /// The newest time step whose code was accepted; older and equal ones are refused.
    pub last_used_step: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
