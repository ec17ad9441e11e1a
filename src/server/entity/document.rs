use sea_orm::entity::prelude::*;

/// A file kept in the object store on a person, a goal or an evaluation
/// (exactly one). Its name and its own key are sealed under the
/// organisation's data key; the bytes are in the store under
/// `{org_id}/documents/{id}`, sealed under that file key.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "document")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub person_id: Option<Uuid>,
    pub goal_id: Option<Uuid>,
    pub evaluation_id: Option<Uuid>,
    pub name: Vec<u8>,
    /// The kind as told from the content, as a media type.
    pub media_type: String,
    pub size: i64,
    pub file_key: Vec<u8>,
    pub uploaded_by: Option<Uuid>,
    pub uploaded_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
