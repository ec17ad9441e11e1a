use sea_orm::entity::prelude::*;

/// An organisation the processor works with to run Koers (DPA 4), as the
/// register lists it, from the day it may be used.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "sub_processor")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub function: String,
    pub data_categories: String,
    pub head_office: String,
    pub data_location: String,
    pub in_eea: bool,
    pub announced_at: ChronoDateTimeUtc,
    pub effective_from: ChronoDate,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
