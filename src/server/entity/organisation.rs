use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "organisation")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub default_language: String,
    pub created_at: ChronoDateTimeUtc,
    /// Chamber of Commerce (KvK) number.
    pub kvk_number: String,
    /// Where the organisation is established ("gevestigd in").
    pub address: String,
    pub representative: String,
    /// The contact for privacy matters: rights requests and breach notices go here.
    pub privacy_contact_name: String,
    pub privacy_contact_email: String,
    /// The interface languages offered, e.g. `nl,en`.
    pub languages: String,
    pub contract_start: Option<Date>,
    /// The last day of the contract; from then on the organisation can only
    /// read and export (DPA 8.B).
    pub contract_end: Option<Date>,
    /// The day its data is destroyed: 30 days after the end, or later on request (8.A–B).
    pub destroy_on: Option<Date>,
    pub destroyed_at: Option<ChronoDateTimeUtc>,
    /// The fewest respondents a survey group needs to be shown (never below 3).
    pub survey_threshold: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
