//! The org chart that everyone in an organisation sees (issue 4): one level
//! at a time — the top units, or one unit with the way to it, its sub-units
//! and its members — so even an organisation of 10 000 people loads only
//! what is on screen; a search by name over people (also by their job
//! function) and units; and a manager's team, with the reports of their
//! reports when the organisation allows it. Only active people show.

use std::collections::HashMap;

use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::domain::AppError;
use crate::domain::dto::{
    ChartLevel, ChartMember, ChartPerson, ChartSearch, ChartUnit, PersonRef, TeamMember,
};
use crate::domain::ids::{UnitId, UserId};
use crate::domain::settings::Setting;
use crate::server::auth::OrgScope;
use crate::server::auth::reach::{ManagerMap, Structure};
use crate::server::db::internal;
use crate::server::entity::{org_unit, unit_manager, unit_member, user_account};
use crate::server::service::settings;

/// How many people and units a search returns at most.
pub const SEARCH_LIMIT: u64 = 25;

/// The top of the chart (`unit` empty) or one opened unit.
pub async fn level(
    db: &DatabaseConnection,
    scope: &OrgScope,
    unit: Option<UnitId>,
) -> Result<ChartLevel, AppError> {
    let (path, opened) = match unit {
        None => (Vec::new(), None),
        Some(unit) => {
            let structure = Structure::load(db, scope.org).await.map_err(internal)?;
            if !structure.contains(unit) {
                return Err(AppError::NotFound);
            }
            let mut ancestry = structure.ancestry(unit);
            ancestry.reverse();
            let mut described = describe(db, &ancestry).await?;
            let opened = described.pop();
            (described, opened)
        }
    };
    let children: Vec<UnitId> = org_unit::Entity::find()
        .filter(org_unit::Column::OrgId.eq(scope.org.0))
        .filter(match unit {
            Some(unit) => org_unit::Column::ParentId.eq(unit.0),
            None => org_unit::Column::ParentId.is_null(),
        })
        .order_by_asc(org_unit::Column::Name)
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|u| UnitId(u.id))
        .collect();
    let sub_units = describe(db, &children).await?;
    let members = match unit {
        Some(unit) => members_of(db, scope, unit).await?,
        None => Vec::new(),
    };
    Ok(ChartLevel { path, unit: opened, sub_units, members })
}

/// People and units whose name contains `query` (any case).
pub async fn search(db: &DatabaseConnection, scope: &OrgScope, query: &str) -> Result<ChartSearch, AppError> {
    // Wildcards a user types are dropped: the search matches plain text only.
    let literal: String =
        query.trim().to_lowercase().chars().filter(|c| !matches!(c, '%' | '_' | '\\')).collect();
    if literal.is_empty() {
        return Ok(ChartSearch::default());
    }
    let pattern = format!("%{literal}%");
    let functions = super::functions::names(db, scope.org).await?;
    let matching_functions: Vec<uuid::Uuid> = functions
        .iter()
        .filter(|(_, name)| {
            name.nl.to_lowercase().contains(&literal) || name.en.to_lowercase().contains(&literal)
        })
        .map(|(id, _)| *id)
        .collect();
    let people = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(scope.org.0))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .filter(
            Condition::any()
                .add(Expr::expr(Func::lower(Expr::col(user_account::Column::Name))).like(pattern.as_str()))
                .add(user_account::Column::FunctionId.is_in(matching_functions)),
        )
        .order_by_asc(user_account::Column::Name)
        .limit(SEARCH_LIMIT)
        .all(db)
        .await
        .map_err(internal)?;
    let memberships = unit_member::Entity::find()
        .filter(unit_member::Column::UserId.is_in(people.iter().map(|p| p.id)))
        .all(db)
        .await
        .map_err(internal)?;
    let unit_ids: Vec<UnitId> = memberships.iter().map(|m| UnitId(m.unit_id)).collect();
    let described: HashMap<UnitId, ChartUnit> =
        describe(db, &unit_ids).await?.into_iter().map(|u| (u.id, u)).collect();
    let people = people
        .into_iter()
        .map(|p| ChartPerson {
            function: p.function_id.and_then(|f| functions.get(&f).cloned()),
            units: memberships
                .iter()
                .filter(|m| m.user_id == p.id)
                .filter_map(|m| described.get(&UnitId(m.unit_id)).cloned())
                .collect(),
            person: PersonRef { id: UserId(p.id), name: p.name },
        })
        .collect();
    let units: Vec<UnitId> = org_unit::Entity::find()
        .filter(org_unit::Column::OrgId.eq(scope.org.0))
        .filter(Expr::expr(Func::lower(Expr::col(org_unit::Column::Name))).like(pattern.as_str()))
        .order_by_asc(org_unit::Column::Name)
        .limit(SEARCH_LIMIT)
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|u| UnitId(u.id))
        .collect();
    Ok(ChartSearch { people, units: describe(db, &units).await? })
}

/// The people `scope` manages directly, by name; when the organisation
/// allows it (setting "indirect reports"), then also everyone below them,
/// each after the report they report to.
pub async fn team(db: &DatabaseConnection, scope: &OrgScope) -> Result<Vec<TeamMember>, AppError> {
    let indirect = settings::for_organisation(db, scope.org, Setting::IndirectReports).await? == "on";
    let map = ManagerMap::load(db, scope.org).await.map_err(internal)?;
    let people: HashMap<UserId, user_account::Model> = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(scope.org.0))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|p| (UserId(p.id), p))
        .collect();
    let reports = map.direct_reports(people.keys().copied());
    let by_name = |ids: &[UserId]| {
        let mut ids: Vec<UserId> = ids.iter().copied().filter(|id| people.contains_key(id)).collect();
        ids.sort_by(|a, b| people[a].name.cmp(&people[b].name));
        ids
    };
    // Depth first: each report followed by the people below them.
    let mut order: Vec<(UserId, Option<UserId>)> = Vec::new();
    let mut seen = std::collections::HashSet::from([scope.user]);
    let mut stack: Vec<(UserId, Option<UserId>)> =
        by_name(reports.get(&scope.user).map(Vec::as_slice).unwrap_or_default())
            .into_iter()
            .rev()
            .map(|report| (report, None))
            .collect();
    while let Some((person, above)) = stack.pop() {
        if !seen.insert(person) {
            continue;
        }
        order.push((person, above));
        if indirect {
            let below = by_name(reports.get(&person).map(Vec::as_slice).unwrap_or_default());
            stack.extend(below.into_iter().rev().map(|report| (report, Some(person))));
        }
    }
    let functions = super::functions::names(db, scope.org).await?;
    let units: HashMap<uuid::Uuid, String> = org_unit::Entity::find()
        .filter(org_unit::Column::OrgId.eq(scope.org.0))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let person_ref = |id: UserId| PersonRef { id, name: people[&id].name.clone() };
    Ok(order
        .into_iter()
        .map(|(id, above)| TeamMember {
            person: person_ref(id),
            function: people[&id].function_id.and_then(|f| functions.get(&f).cloned()),
            unit: map.primary_unit_of(id).and_then(|u| units.get(&u.0).cloned()),
            reports_to: above.map(person_ref),
        })
        .collect())
}

/// The name of someone of the viewer's organisation; anyone else is not found.
pub async fn name_of(db: &DatabaseConnection, scope: &OrgScope, person: UserId) -> Result<String, AppError> {
    user_account::Entity::find_by_id(person.0)
        .filter(user_account::Column::OrgId.eq(scope.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .map(|p| p.name)
        .ok_or(AppError::NotFound)
}

/// Units as the chart lists them, in the order given: name, managers, and
/// how many members and sub-units each has. Four queries, whatever the count.
async fn describe(db: &DatabaseConnection, units: &[UnitId]) -> Result<Vec<ChartUnit>, AppError> {
    if units.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<uuid::Uuid> = units.iter().map(|u| u.0).collect();
    let rows: HashMap<uuid::Uuid, org_unit::Model> = org_unit::Entity::find()
        .filter(org_unit::Column::Id.is_in(ids.clone()))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let mut members: HashMap<uuid::Uuid, u64> = HashMap::new();
    for link in unit_member::Entity::find()
        .filter(unit_member::Column::UnitId.is_in(ids.clone()))
        .all(db)
        .await
        .map_err(internal)?
    {
        *members.entry(link.unit_id).or_default() += 1;
    }
    let mut sub_units: HashMap<uuid::Uuid, u64> = HashMap::new();
    for child in org_unit::Entity::find()
        .filter(org_unit::Column::ParentId.is_in(ids.clone()))
        .all(db)
        .await
        .map_err(internal)?
    {
        if let Some(parent) = child.parent_id {
            *sub_units.entry(parent).or_default() += 1;
        }
    }
    let links = unit_manager::Entity::find()
        .filter(unit_manager::Column::UnitId.is_in(ids))
        .all(db)
        .await
        .map_err(internal)?;
    let names: HashMap<uuid::Uuid, String> = user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(links.iter().map(|l| l.user_id)))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    Ok(units
        .iter()
        .filter_map(|unit| rows.get(&unit.0))
        .map(|row| {
            let mut managers: Vec<PersonRef> = links
                .iter()
                .filter(|l| l.unit_id == row.id)
                .filter_map(|l| {
                    names.get(&l.user_id).map(|name| PersonRef { id: UserId(l.user_id), name: name.clone() })
                })
                .collect();
            managers.sort_by(|a, b| a.name.cmp(&b.name));
            ChartUnit {
                id: UnitId(row.id),
                name: row.name.clone(),
                managers,
                member_count: members.get(&row.id).copied().unwrap_or(0),
                sub_unit_count: sub_units.get(&row.id).copied().unwrap_or(0),
            }
        })
        .collect())
}

async fn members_of(
    db: &DatabaseConnection,
    scope: &OrgScope,
    unit: UnitId,
) -> Result<Vec<ChartMember>, AppError> {
    let ids: Vec<uuid::Uuid> = unit_member::Entity::find()
        .filter(unit_member::Column::UnitId.eq(unit.0))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    let functions = super::functions::names(db, scope.org).await?;
    Ok(user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(ids))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .order_by_asc(user_account::Column::Name)
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|u| ChartMember {
            function: u.function_id.and_then(|f| functions.get(&f).cloned()),
            person: PersonRef { id: UserId(u.id), name: u.name },
        })
        .collect())
}

#[cfg(test)]
mod tests;
