//! Talent review (issue 7, PRODUCT.md §3.4): per cycle, each manager
//! places their people in the 9-box — performance by potential, each low,
//! medium or high. Admins view it for everyone in the cycle's scope, per
//! unit; a manager views the people of the units they manage and below,
//! and places their own reports. No text, only the two levels.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};

use super::calibration::calibrated_by;
use super::cycles::CycleInView;
use super::scope;
use crate::domain::AppError;
use crate::domain::dto::{PersonRef, PlacementForm, TalentBox, TalentGrid};
use crate::domain::ids::{ReviewCycleId, UnitId, UserId};
use crate::domain::reviews::TalentLevel;
use crate::domain::roles::Role;
use crate::domain::validation::Problem;
use crate::server::auth::OrgScope;
use crate::server::auth::reach::{ManagerMap, Structure};
use crate::server::db::internal;
use crate::server::entity::{org_unit, review_cycle as cycle, talent_review as placement};
use crate::server::service::names::Names;

/// The 9-box of a cycle (default: the one running today), for an admin —
/// narrowed to `unit` and the units below it when asked — or a manager.
pub async fn grid(
    db: &DatabaseConnection,
    viewer: &OrgScope,
    (cycle_id, unit): (Option<ReviewCycleId>, Option<UnitId>),
    today: NaiveDate,
) -> Result<TalentGrid, AppError> {
    let admin = viewer.roles.has(Role::Admin);
    if !admin && !viewer.roles.has(Role::Manager) {
        return Err(AppError::Forbidden);
    }
    let cycles = CycleInView::load(db, viewer.org, cycle_id, today).await?;
    let chosen = &cycles.chosen;
    let map = ManagerMap::load(db, viewer.org).await.map_err(internal)?;
    let in_scope = scope::people_in(db, viewer.org, chosen.id).await?;
    let mut seen = calibrated_by(db, viewer, in_scope.clone(), &map).await?;
    if let Some(unit) = unit {
        let structure = Structure::load(db, viewer.org).await.map_err(internal)?;
        seen.retain(|person| map.primary_unit_of(*person).is_some_and(|u| structure.is_within(u, unit)));
    }
    let placed: HashMap<uuid::Uuid, (TalentLevel, TalentLevel)> = placement::Entity::find()
        .filter(placement::Column::CycleId.eq(chosen.id))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .filter_map(|p| {
            Some((
                p.employee_id,
                (TalentLevel::from_code(&p.performance)?, TalentLevel::from_code(&p.potential)?),
            ))
        })
        .collect();
    let reports = map.reports_of(viewer.user, in_scope);
    let names = Names::of(db, seen.iter().chain(&reports).map(|p| p.0)).await?;
    let by_name = |mut people: Vec<PersonRef>| {
        people.sort_by(|a, b| a.name.cmp(&b.name));
        people
    };
    let mut boxes = Vec::new();
    for potential in [TalentLevel::High, TalentLevel::Medium, TalentLevel::Low] {
        for performance in [TalentLevel::Low, TalentLevel::Medium, TalentLevel::High] {
            let people = seen
                .iter()
                .filter(|p| placed.get(&p.0) == Some(&(performance, potential)))
                .map(|p| names.person(p.0))
                .collect();
            boxes.push(TalentBox { performance, potential, people: by_name(people) });
        }
    }
    let unplaced =
        by_name(seen.iter().filter(|p| !placed.contains_key(&p.0)).map(|p| names.person(p.0)).collect());
    let mut placeable: Vec<(PersonRef, Option<(TalentLevel, TalentLevel)>)> =
        reports.iter().map(|p| (names.person(p.0), placed.get(&p.0).copied())).collect();
    placeable.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    let units = if admin {
        org_unit::Entity::find()
            .filter(org_unit::Column::OrgId.eq(viewer.org.0))
            .order_by_asc(org_unit::Column::Name)
            .all(db)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|u| (UnitId(u.id), u.name))
            .collect()
    } else {
        Vec::new()
    };
    Ok(TalentGrid {
        cycle: ReviewCycleId(chosen.id),
        cycles: cycles.names(),
        units,
        unit,
        boxes,
        unplaced,
        placeable,
    })
}

/// A manager places one of their people of the cycle's scope in the 9-box.
pub async fn place(
    db: &DatabaseConnection,
    viewer: &OrgScope,
    (cycle_id, employee): (ReviewCycleId, UserId),
    form: &PlacementForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let level = |text: &str, field: &str| {
        TalentLevel::from_code(text.trim()).ok_or_else(|| AppError::invalid(field, Problem::NotAChoice))
    };
    let (performance, potential) =
        (level(&form.performance, "performance")?, level(&form.potential, "potential")?);
    let found = cycle::Entity::find_by_id(cycle_id.0)
        .filter(cycle::Column::OrgId.eq(viewer.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let map = ManagerMap::load(db, viewer.org).await.map_err(internal)?;
    let in_scope = scope::people_in(db, viewer.org, found.id).await?;
    if !in_scope.contains(&employee) || !map.managers_of(employee).contains(&viewer.user) {
        return Err(AppError::NotFound);
    }
    placement::Entity::insert(placement::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        org_id: Set(viewer.org.0),
        cycle_id: Set(found.id),
        employee_id: Set(employee.0),
        performance: Set(performance.code().to_owned()),
        potential: Set(potential.code().to_owned()),
        placed_by: Set(Some(viewer.user.0)),
        placed_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([placement::Column::CycleId, placement::Column::EmployeeId])
            .update_columns([
                placement::Column::Performance,
                placement::Column::Potential,
                placement::Column::PlacedBy,
                placement::Column::PlacedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map(|_| ())
    .map_err(internal)
}

#[cfg(test)]
mod tests;
