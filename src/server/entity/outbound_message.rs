use sea_orm::entity::prelude::*;

/// An e-mail or SMS waiting to be delivered, or delivered. After delivery the
/// bodies are emptied: the message is kept only as a record that it was sent.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "outbound_message")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Option<Uuid>,
    /// `mail` or `sms`.
    pub channel: String,
    /// What it is for, e.g. `password_reset`.
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub created_at: ChronoDateTimeUtc,
    pub send_after: ChronoDateTimeUtc,
    /// While a worker delivers it; another worker leaves it alone until then.
    pub locked_until: Option<ChronoDateTimeUtc>,
    pub attempts: i32,
    /// Why the last attempt failed, without personal text.
    pub last_error: Option<String>,
    pub sent_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
