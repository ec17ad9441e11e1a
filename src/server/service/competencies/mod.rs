//! Competencies (issue 4): named and described in Dutch and English, asked
//! of the holders of chosen job functions or of the people of chosen units
//! and the units below them, optionally in levels with behavioural
//! indicators. Admins keep them; everyone sees them. Anything of another
//! organisation is not found.

use std::collections::{HashMap, HashSet};

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    Set, TransactionTrait,
};

use crate::domain::AppError;
use crate::domain::dto::{Competency, CompetencyLevel, CompetencyLevelForm, CompetencyScopeForm};
use crate::domain::ids::{CompetencyId, FunctionId, LevelId, OrgId, UnitId, UserId};
use crate::domain::validation::{FieldError, Problem};
use crate::server::auth::OrgScope;
use crate::server::auth::reach::Structure;
use crate::server::db::internal;
use crate::server::entity::{
    competency, competency_function, competency_level, competency_unit, job_function, unit_member,
    user_account,
};

/// Every competency of the organisation, by Dutch name, with whom it is
/// asked of and its levels: four queries, whatever the count.
pub async fn list(db: &impl ConnectionTrait, org: OrgId) -> Result<Vec<Competency>, AppError> {
    let competencies = competency::Entity::find()
        .filter(competency::Column::OrgId.eq(org.0))
        .order_by_asc(competency::Column::NameNl)
        .all(db)
        .await
        .map_err(internal)?;
    let ids: Vec<uuid::Uuid> = competencies.iter().map(|c| c.id).collect();
    let mut functions: HashMap<uuid::Uuid, Vec<FunctionId>> = HashMap::new();
    for link in competency_function::Entity::find()
        .filter(competency_function::Column::CompetencyId.is_in(ids.clone()))
        .all(db)
        .await
        .map_err(internal)?
    {
        functions.entry(link.competency_id).or_default().push(FunctionId(link.function_id));
    }
    let mut units: HashMap<uuid::Uuid, Vec<UnitId>> = HashMap::new();
    for link in competency_unit::Entity::find()
        .filter(competency_unit::Column::CompetencyId.is_in(ids.clone()))
        .all(db)
        .await
        .map_err(internal)?
    {
        units.entry(link.competency_id).or_default().push(UnitId(link.unit_id));
    }
    let mut levels: HashMap<uuid::Uuid, Vec<CompetencyLevel>> = HashMap::new();
    for level in competency_level::Entity::find()
        .filter(competency_level::Column::CompetencyId.is_in(ids))
        .order_by_asc(competency_level::Column::Position)
        .all(db)
        .await
        .map_err(internal)?
    {
        levels.entry(level.competency_id).or_default().push(CompetencyLevel {
            id: LevelId(level.id),
            position: u32::try_from(level.position).unwrap_or_default(),
            name_nl: level.name_nl,
            name_en: level.name_en,
            indicators_nl: level.indicators_nl,
            indicators_en: level.indicators_en,
        });
    }
    Ok(competencies
        .into_iter()
        .map(|c| Competency {
            id: CompetencyId(c.id),
            functions: functions.remove(&c.id).unwrap_or_default(),
            units: units.remove(&c.id).unwrap_or_default(),
            levels: levels.remove(&c.id).unwrap_or_default(),
            name_nl: c.name_nl,
            name_en: c.name_en,
            description_nl: c.description_nl,
            description_en: c.description_en,
        })
        .collect())
}

/// The competencies asked of `user`: those of their job function and those
/// of any of their units or a unit above one.
pub async fn for_person(
    db: &impl ConnectionTrait,
    org: OrgId,
    user: UserId,
) -> Result<Vec<Competency>, AppError> {
    let person = user_account::Entity::find_by_id(user.0)
        .filter(user_account::Column::OrgId.eq(org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let structure = Structure::load(db, org).await.map_err(internal)?;
    let units: HashSet<UnitId> = unit_member::Entity::find()
        .filter(unit_member::Column::UserId.eq(user.0))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .flat_map(|membership| structure.ancestry(UnitId(membership.unit_id)))
        .collect();
    let function = person.function_id.map(FunctionId);
    Ok(list(db, org)
        .await?
        .into_iter()
        .filter(|c| {
            function.is_some_and(|f| c.functions.contains(&f)) || c.units.iter().any(|u| units.contains(u))
        })
        .collect())
}

super::bilingual::bilingual_rows!(competency, CompetencyId);

/// Deletes a competency with its levels and scope.
pub async fn delete(db: &DatabaseConnection, admin: &OrgScope, id: CompetencyId) -> Result<(), AppError> {
    owned(db, admin, id).await?;
    competency::Entity::delete_by_id(id.0).exec(db).await.map(|_| ()).map_err(internal)
}

/// Asks the competency of exactly these functions and units, replacing
/// what was chosen before. An id that is not the organisation's is refused.
pub async fn set_scope(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: CompetencyId,
    scope: &CompetencyScopeForm,
) -> Result<(), AppError> {
    owned(db, admin, id).await?;
    let own_functions: HashSet<uuid::Uuid> = job_function::Entity::find()
        .filter(job_function::Column::OrgId.eq(admin.org.0))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|f| f.id)
        .collect();
    let structure = Structure::load(db, admin.org).await.map_err(internal)?;
    let functions = own_ids(&scope.functions, "functions", |id| own_functions.contains(&id))?;
    let units = own_ids(&scope.units, "units", |id| structure.contains(UnitId(id)))?;
    let txn = db.begin().await.map_err(internal)?;
    competency_function::Entity::delete_many()
        .filter(competency_function::Column::CompetencyId.eq(id.0))
        .exec(&txn)
        .await
        .map_err(internal)?;
    competency_unit::Entity::delete_many()
        .filter(competency_unit::Column::CompetencyId.eq(id.0))
        .exec(&txn)
        .await
        .map_err(internal)?;
    for function in functions {
        let link = competency_function::ActiveModel { competency_id: Set(id.0), function_id: Set(function) };
        link.insert(&txn).await.map_err(internal)?;
    }
    for unit in units {
        competency_unit::ActiveModel { competency_id: Set(id.0), unit_id: Set(unit) }
            .insert(&txn)
            .await
            .map_err(internal)?;
    }
    txn.commit().await.map_err(internal)
}

/// The distinct ids in `raw`, each one the organisation's own.
fn own_ids(
    raw: &[String],
    field: &str,
    is_own: impl Fn(uuid::Uuid) -> bool,
) -> Result<HashSet<uuid::Uuid>, AppError> {
    raw.iter()
        .map(|id| id.trim().parse::<uuid::Uuid>().ok().filter(|id| is_own(*id)))
        .collect::<Option<HashSet<_>>>()
        .ok_or_else(|| AppError::Invalid {
            errors: vec![FieldError { field: field.into(), problem: Problem::NotAChoice }],
        })
}

/// Adds a level above the highest one.
pub async fn add_level(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: CompetencyId,
    form: &CompetencyLevelForm,
) -> Result<LevelId, AppError> {
    let form = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    owned(db, admin, id).await?;
    let highest = competency_level::Entity::find()
        .filter(competency_level::Column::CompetencyId.eq(id.0))
        .order_by_desc(competency_level::Column::Position)
        .one(db)
        .await
        .map_err(internal)?
        .map_or(0, |level| level.position);
    let level = LevelId(uuid::Uuid::now_v7());
    competency_level::ActiveModel {
        id: Set(level.0),
        competency_id: Set(id.0),
        position: Set(highest + 1),
        name_nl: Set(form.name_nl),
        name_en: Set(form.name_en),
        indicators_nl: Set(form.indicators_nl),
        indicators_en: Set(form.indicators_en),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    Ok(level)
}

pub async fn update_level(
    db: &DatabaseConnection,
    admin: &OrgScope,
    level: LevelId,
    form: &CompetencyLevelForm,
) -> Result<(), AppError> {
    let form = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    level_of(db, admin, level).await?;
    competency_level::ActiveModel {
        id: Set(level.0),
        name_nl: Set(form.name_nl),
        name_en: Set(form.name_en),
        indicators_nl: Set(form.indicators_nl),
        indicators_en: Set(form.indicators_en),
        ..Default::default()
    }
    .update(db)
    .await
    .map(|_| ())
    .map_err(internal)
}

/// Deletes a level; the levels above it move down one, so they stay 1, 2, 3….
pub async fn delete_level(db: &DatabaseConnection, admin: &OrgScope, level: LevelId) -> Result<(), AppError> {
    let deleted = level_of(db, admin, level).await?;
    let txn = db.begin().await.map_err(internal)?;
    competency_level::Entity::delete_by_id(level.0).exec(&txn).await.map_err(internal)?;
    for above in competency_level::Entity::find()
        .filter(competency_level::Column::CompetencyId.eq(deleted.competency_id))
        .filter(competency_level::Column::Position.gt(deleted.position))
        .all(&txn)
        .await
        .map_err(internal)?
    {
        let position = above.position - 1;
        let mut above: competency_level::ActiveModel = above.into();
        above.position = Set(position);
        above.update(&txn).await.map_err(internal)?;
    }
    txn.commit().await.map_err(internal)
}

async fn level_of(
    db: &DatabaseConnection,
    admin: &OrgScope,
    level: LevelId,
) -> Result<competency_level::Model, AppError> {
    let found = competency_level::Entity::find_by_id(level.0)
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    owned(db, admin, CompetencyId(found.competency_id)).await?;
    Ok(found)
}

#[cfg(test)]
mod tests;
