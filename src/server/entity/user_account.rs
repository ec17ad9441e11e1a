use sea_orm::entity::prelude::*;

/// A user of one organisation. Every user is an employee; the flags add roles.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "user_account")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub name: String,
    pub email: Option<String>,
    pub username: Option<String>,
    pub phone: Option<String>,
    pub language: String,
    pub password_hash: Option<String>,
    pub is_manager: bool,
    pub is_admin: bool,
    pub is_auditor: bool,
    pub created_at: ChronoDateTimeUtc,
    pub deactivated_at: Option<ChronoDateTimeUtc>,
    /// Processing restricted (GDPR art. 18): frozen as if deactivated, until lifted.
    pub restricted_at: Option<ChronoDateTimeUtc>,
    /// At offboarding (DPA 8.D): `delete` their personal data, or `transfer`
    /// their shared items to `offboarding_successor`.
    pub offboarding_choice: Option<String>,
    pub offboarding_successor: Option<Uuid>,
    pub offboarded_at: Option<ChronoDateTimeUtc>,
    /// Their job function, if any.
    pub function_id: Option<Uuid>,
    /// When they started: onboarding surveys and tenure bands count from it.
    pub started_on: Option<Date>,
    /// Only the year, for age bands in survey results.
    pub birth_year: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
