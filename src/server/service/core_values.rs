//! Core values (issue 4): organisation-wide, named and described in Dutch
//! and English by admins; everyone sees them, and praise and development
//! goals refer to them. A value of another organisation is not found.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::domain::AppError;
use crate::domain::dto::{BilingualForm, CoreValue};
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

pub async fn create(
    db: &DatabaseConnection,
    admin: &OrgScope,
    form: &BilingualForm,
    now: DateTime<Utc>,
) -> Result<ValueId, AppError> {
    let form = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let id = ValueId(uuid::Uuid::now_v7());
    core_value::ActiveModel {
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
    .map_err(internal)?;
    Ok(id)
}

pub async fn update(
    db: &DatabaseConnection,
    admin: &OrgScope,
    value: ValueId,
    form: &BilingualForm,
) -> Result<(), AppError> {
    let form = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    value_of(db, admin, value).await?;
    core_value::ActiveModel {
        id: Set(value.0),
        name_nl: Set(form.name_nl),
        name_en: Set(form.name_en),
        description_nl: Set(form.description_nl),
        description_en: Set(form.description_en),
        ..Default::default()
    }
    .update(db)
    .await
    .map(|_| ())
    .map_err(internal)
}

pub async fn delete(db: &DatabaseConnection, admin: &OrgScope, value: ValueId) -> Result<(), AppError> {
    value_of(db, admin, value).await?;
    core_value::Entity::delete_by_id(value.0).exec(db).await.map(|_| ()).map_err(internal)
}

async fn value_of(
    db: &DatabaseConnection,
    admin: &OrgScope,
    value: ValueId,
) -> Result<core_value::Model, AppError> {
    core_value::Entity::find_by_id(value.0)
        .filter(core_value::Column::OrgId.eq(admin.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}
