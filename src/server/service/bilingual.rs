//! What job functions, core values and competencies share: each is a list
//! an organisation keeps of things named and described in Dutch and
//! English, in a table with the same columns (`id`, `org_id`, `name_nl`,
//! `name_en`, `description_nl`, `description_en`, `created_at`).

/// Writes `create`, `update` (names and descriptions) and `owned` (the row,
/// if it is the admin's organisation's; else not found) for such a table,
/// in the module that invokes it.
macro_rules! bilingual_rows {
    ($entity:ident, $id:ident) => {
        /// Adds one, named and described as the form says (a Dutch name is required).
        pub async fn create(
            db: &sea_orm::DatabaseConnection,
            admin: &$crate::server::auth::OrgScope,
            form: &$crate::domain::dto::BilingualForm,
            now: chrono::DateTime<chrono::Utc>,
        ) -> Result<$id, $crate::domain::AppError> {
            use sea_orm::{ActiveModelTrait, Set};
            let form = form.validate().map_err(|errors| $crate::domain::AppError::Invalid { errors })?;
            let id = $id(uuid::Uuid::now_v7());
            $entity::ActiveModel {
                id: Set(id.0),
                org_id: Set(admin.org.0),
                name_nl: Set(form.name_nl),
                name_en: Set(form.name_en),
                description_nl: Set(form.description_nl),
                description_en: Set(form.description_en),
                created_at: Set(now),
            }
            .insert(db)
            .await
            .map_err($crate::server::db::internal)?;
            Ok(id)
        }

        /// Renames or describes one of the admin's organisation.
        pub async fn update(
            db: &sea_orm::DatabaseConnection,
            admin: &$crate::server::auth::OrgScope,
            id: $id,
            form: &$crate::domain::dto::BilingualForm,
        ) -> Result<(), $crate::domain::AppError> {
            use sea_orm::{ActiveModelTrait, Set};
            let form = form.validate().map_err(|errors| $crate::domain::AppError::Invalid { errors })?;
            owned(db, admin, id).await?;
            $entity::ActiveModel {
                id: Set(id.0),
                name_nl: Set(form.name_nl),
                name_en: Set(form.name_en),
                description_nl: Set(form.description_nl),
                description_en: Set(form.description_en),
                ..Default::default()
            }
            .update(db)
            .await
            .map(|_| ())
            .map_err($crate::server::db::internal)
        }

        /// The row, when it belongs to the admin's organisation.
        async fn owned(
            db: &sea_orm::DatabaseConnection,
            admin: &$crate::server::auth::OrgScope,
            id: $id,
        ) -> Result<$entity::Model, $crate::domain::AppError> {
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            $entity::Entity::find_by_id(id.0)
                .filter($entity::Column::OrgId.eq(admin.org.0))
                .one(db)
                .await
                .map_err($crate::server::db::internal)?
                .ok_or($crate::domain::AppError::NotFound)
        }
    };
}

pub(super) use bilingual_rows;
