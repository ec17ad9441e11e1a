//! Core values (issue 4): organisation-wide, named and described in Dutch
//! and English by admins; everyone sees them, and praise and development
//! goals refer to them. A value of another organisation is not found.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::domain::AppError;
use crate::domain::dto::{CoreValue, FunctionName};
use crate::domain::ids::{OrgId, ValueId};
use crate::server::auth::OrgScope;
use crate::server::db::internal;
use crate::server::entity::core_value;

/// Every core value of the organisation, in the order they were added.
pub async fn list(db: &DatabaseConnection, org: OrgId) -> Result<Vec<CoreValue>, AppError> {
    let values = core_value::Entity::find()
        .filter(core_value::Column::OrgId.eq(org.0))
        .order_by_asc(core_value::Column::CreatedAt)
        .order_by_asc(core_value::Column::Id)
        .all(db)
        .await
        .map_err(internal)?;
    Ok(values
        .into_iter()
        .map(|v| CoreValue {
            id: ValueId(v.id),
            name_nl: v.name_nl,
            name_en: v.name_en,
            description_nl: v.description_nl,
            description_en: v.description_en,
        })
        .collect())
}

super::bilingual::bilingual_rows!(core_value, ValueId);

pub async fn delete(db: &DatabaseConnection, admin: &OrgScope, value: ValueId) -> Result<(), AppError> {
    owned(db, admin, value).await?;
    core_value::Entity::delete_by_id(value.0).exec(db).await.map(|_| ()).map_err(internal)
}

/// The organisation's competencies and core values by id and name: what a
/// development goal, a template or a piece of feedback can be about.
pub async fn competencies_and_values(db: &DatabaseConnection, org: OrgId) -> Result<NamedChoices, AppError> {
    let name = |nl: String, en: String| FunctionName { nl, en };
    let competencies = super::competencies::list(db, org)
        .await?
        .into_iter()
        .map(|c| (c.id.to_string(), name(c.name_nl, c.name_en)))
        .collect();
    let values =
        list(db, org).await?.into_iter().map(|v| (v.id.to_string(), name(v.name_nl, v.name_en))).collect();
    Ok((competencies, values))
}

/// Competencies and core values, each as `(id, name)`.
pub type NamedChoices = (Vec<(String, FunctionName)>, Vec<(String, FunctionName)>);
