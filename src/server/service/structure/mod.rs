//! The organisation's structure as its admins build it (issue 4): a tree
//! of units of any depth, each with managers and members (one primary unit
//! per person), and the "HR reader" right of admins per unit (issue 3).
//! Every function takes the admin's scope; a unit or person of another
//! organisation is not found.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set, TransactionTrait,
};

use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{PersonRef, UnitDetails, UnitMember, UnitNode};
use crate::domain::ids::{OrgId, UnitId, UserId};
use crate::domain::validation::{Checks, Problem};
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::OrgScope;
use crate::server::auth::reach::Structure;
use crate::server::db::internal;
use crate::server::entity::{
    goal, hr_reader_grant, manager_override, org_unit, unit_manager, unit_member, user_account,
};

/// Every unit of `org` with its name, by name: what a form offers to choose from.
pub async fn unit_names(db: &impl ConnectionTrait, org: OrgId) -> Result<Vec<(UnitId, String)>, AppError> {
    Ok(org_unit::Entity::find()
        .filter(org_unit::Column::OrgId.eq(org.0))
        .order_by_asc(org_unit::Column::Name)
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|unit| (UnitId(unit.id), unit.name))
        .collect())
}

/// Every unit of the admin's organisation, depth first, siblings by name.
pub async fn tree(db: &DatabaseConnection, admin: &OrgScope) -> Result<Vec<UnitNode>, AppError> {
    let units = org_unit::Entity::find()
        .filter(org_unit::Column::OrgId.eq(admin.org.0))
        .order_by_asc(org_unit::Column::Name)
        .all(db)
        .await
        .map_err(internal)?;
    let ids: Vec<uuid::Uuid> = units.iter().map(|u| u.id).collect();
    let names = people_names(db, admin).await?;
    let mut managers: HashMap<uuid::Uuid, Vec<PersonRef>> = HashMap::new();
    for link in unit_manager::Entity::find()
        .filter(unit_manager::Column::UnitId.is_in(ids.clone()))
        .all(db)
        .await
        .map_err(internal)?
    {
        if let Some(name) = names.get(&link.user_id) {
            managers.entry(link.unit_id).or_default().push(person_ref(link.user_id, name));
        }
    }
    let mut member_counts: HashMap<uuid::Uuid, u64> = HashMap::new();
    for link in unit_member::Entity::find()
        .filter(unit_member::Column::UnitId.is_in(ids))
        .all(db)
        .await
        .map_err(internal)?
    {
        *member_counts.entry(link.unit_id).or_default() += 1;
    }
    let mut children: HashMap<Option<uuid::Uuid>, Vec<&org_unit::Model>> = HashMap::new();
    for unit in &units {
        children.entry(unit.parent_id).or_default().push(unit);
    }
    let mut ordered = Vec::with_capacity(units.len());
    let mut stack: Vec<(&org_unit::Model, u32)> =
        children.get(&None).map(|top| top.iter().rev().map(|u| (*u, 0)).collect()).unwrap_or_default();
    while let Some((unit, depth)) = stack.pop() {
        let mut node_managers = managers.remove(&unit.id).unwrap_or_default();
        node_managers.sort_by(|a, b| a.name.cmp(&b.name));
        ordered.push(UnitNode {
            id: UnitId(unit.id),
            parent: unit.parent_id.map(UnitId),
            name: unit.name.clone(),
            depth,
            managers: node_managers,
            member_count: member_counts.get(&unit.id).copied().unwrap_or(0),
        });
        if let Some(below) = children.get(&Some(unit.id)) {
            stack.extend(below.iter().rev().map(|u| (*u, depth + 1)));
        }
    }
    Ok(ordered)
}

/// One unit with its members, HR readers and the choices its page offers.
pub async fn details(
    db: &DatabaseConnection,
    admin: &OrgScope,
    unit: UnitId,
) -> Result<UnitDetails, AppError> {
    let all = tree(db, admin).await?;
    let node = all.iter().find(|n| n.id == unit).cloned().ok_or(AppError::NotFound)?;
    let structure = Structure::load(db, admin.org).await.map_err(internal)?;
    let names = people_names(db, admin).await?;
    let mut members: Vec<UnitMember> = unit_member::Entity::find()
        .filter(unit_member::Column::UnitId.eq(unit.0))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .filter_map(|m| {
            names
                .get(&m.user_id)
                .map(|name| UnitMember { person: person_ref(m.user_id, name), is_primary: m.is_primary })
        })
        .collect();
    members.sort_by(|a, b| a.person.name.cmp(&b.person.name));
    let ancestry = structure.ancestry(unit);
    let mut hr_readers = Vec::new();
    let mut inherited_hr_readers = Vec::new();
    for grant in hr_reader_grant::Entity::find()
        .filter(hr_reader_grant::Column::UnitId.is_in(ancestry.iter().map(|u| u.0)))
        .all(db)
        .await
        .map_err(internal)?
    {
        let Some(name) = names.get(&grant.user_id) else { continue };
        let list = if grant.unit_id == unit.0 { &mut hr_readers } else { &mut inherited_hr_readers };
        list.push(person_ref(grant.user_id, name));
    }
    hr_readers.sort_by(|a, b| a.name.cmp(&b.name));
    inherited_hr_readers.sort_by(|a, b| a.name.cmp(&b.name));
    inherited_hr_readers.dedup();
    let active = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(admin.org.0))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .order_by_asc(user_account::Column::Name)
        .all(db)
        .await
        .map_err(internal)?;
    let admins = active.iter().filter(|u| u.is_admin).map(|u| person_ref(u.id, &u.name)).collect();
    let people = active.iter().map(|u| person_ref(u.id, &u.name)).collect();
    let possible_parents = all.into_iter().filter(|n| !structure.is_within(n.id, unit)).collect();
    Ok(UnitDetails {
        unit: node,
        members,
        hr_readers,
        inherited_hr_readers,
        people,
        admins,
        possible_parents,
    })
}

/// Adds a unit under `parent` (or right under the organisation).
pub async fn create(
    db: &DatabaseConnection,
    admin: &OrgScope,
    name: &str,
    parent: Option<UnitId>,
    now: DateTime<Utc>,
) -> Result<UnitId, AppError> {
    let name = valid_name(name)?;
    if let Some(parent) = parent {
        unit_of(db, admin, parent).await?;
    }
    let id = UnitId(uuid::Uuid::now_v7());
    org_unit::ActiveModel {
        id: Set(id.0),
        org_id: Set(admin.org.0),
        parent_id: Set(parent.map(|p| p.0)),
        name: Set(name),
        created_at: Set(now),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    record(db, admin, AuditAction::UnitCreated, id, now).await?;
    Ok(id)
}

/// Renames a unit and puts it under `parent`, which must not be the unit
/// itself or one of its sub-units.
pub async fn update(
    db: &DatabaseConnection,
    admin: &OrgScope,
    unit: UnitId,
    name: &str,
    parent: Option<UnitId>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let name = valid_name(name)?;
    unit_of(db, admin, unit).await?;
    if let Some(parent) = parent {
        unit_of(db, admin, parent).await?;
        let structure = Structure::load(db, admin.org).await.map_err(internal)?;
        if structure.is_within(parent, unit) {
            return Err(AppError::invalid("parent", Problem::WouldCreateCycle));
        }
    }
    org_unit::ActiveModel {
        id: Set(unit.0),
        name: Set(name),
        parent_id: Set(parent.map(|p| p.0)),
        ..Default::default()
    }
    .update(db)
    .await
    .map_err(internal)?;
    record(db, admin, AuditAction::UnitChanged, unit, now).await
}

/// Deletes a unit without sub-units or members.
pub async fn delete(
    db: &DatabaseConnection,
    admin: &OrgScope,
    unit: UnitId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    unit_of(db, admin, unit).await?;
    let children = org_unit::Entity::find().filter(org_unit::Column::ParentId.eq(unit.0)).count(db).await;
    let members = unit_member::Entity::find().filter(unit_member::Column::UnitId.eq(unit.0)).count(db).await;
    // Its team goals would lose their unit.
    let goals = goal::Entity::find().filter(goal::Column::UnitId.eq(unit.0)).count(db).await;
    if children.map_err(internal)? > 0 || members.map_err(internal)? > 0 || goals.map_err(internal)? > 0 {
        return Err(AppError::invalid("unit", Problem::UnitNotEmpty));
    }
    org_unit::Entity::delete_by_id(unit.0).exec(db).await.map_err(internal)?;
    record(db, admin, AuditAction::UnitDeleted, unit, now).await
}

/// Makes `user` a manager of `unit` (`manager` true) or no longer one.
pub async fn set_manager(
    db: &DatabaseConnection,
    admin: &OrgScope,
    unit: UnitId,
    user: UserId,
    manager: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    unit_of(db, admin, unit).await?;
    super::people::member(db, admin, user).await?;
    link_manager(db, unit, user, manager).await?;
    record(db, admin, AuditAction::UnitChanged, unit, now).await
}

/// Puts `user` in `unit`. As `primary`, it becomes their only primary unit;
/// their first unit is always primary.
pub async fn add_member(
    db: &DatabaseConnection,
    admin: &OrgScope,
    unit: UnitId,
    user: UserId,
    primary: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    unit_of(db, admin, unit).await?;
    super::people::member(db, admin, user).await?;
    let txn = db.begin().await.map_err(internal)?;
    let has_primary = unit_member::Entity::find()
        .filter(unit_member::Column::UserId.eq(user.0))
        .filter(unit_member::Column::IsPrimary.eq(true))
        .filter(unit_member::Column::UnitId.ne(unit.0))
        .count(&txn)
        .await
        .map_err(internal)?
        > 0;
    link_member(&txn, unit, user, primary || !has_primary).await?;
    txn.commit().await.map_err(internal)?;
    record(db, admin, AuditAction::UnitChanged, unit, now).await
}

/// Takes `user` out of `unit`; another of their units becomes primary.
pub async fn remove_member(
    db: &DatabaseConnection,
    admin: &OrgScope,
    unit: UnitId,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    unit_of(db, admin, unit).await?;
    super::people::member(db, admin, user).await?;
    let txn = db.begin().await.map_err(internal)?;
    unit_member::Entity::delete_by_id((unit.0, user.0)).exec(&txn).await.map_err(internal)?;
    let remaining = unit_member::Entity::find()
        .filter(unit_member::Column::UserId.eq(user.0))
        .all(&txn)
        .await
        .map_err(internal)?;
    if !remaining.is_empty() && !remaining.iter().any(|m| m.is_primary) {
        let next = &remaining[0];
        unit_member::ActiveModel { unit_id: Set(next.unit_id), user_id: Set(user.0), is_primary: Set(true) }
            .update(&txn)
            .await
            .map_err(internal)?;
    }
    txn.commit().await.map_err(internal)?;
    record(db, admin, AuditAction::UnitChanged, unit, now).await
}

/// Gives an admin the right to read the content of the people in `unit`
/// and below (`granted` true), or takes it away.
pub async fn set_hr_reader(
    db: &DatabaseConnection,
    admin: &OrgScope,
    unit: UnitId,
    user: UserId,
    granted: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    unit_of(db, admin, unit).await?;
    let grantee = super::people::member(db, admin, user).await?;
    if granted && !grantee.is_admin {
        return Err(AppError::invalid("user", Problem::NotAnAdmin));
    }
    link_hr_reader(db, unit, user, granted).await?;
    let action = if granted { AuditAction::HrReaderGranted } else { AuditAction::HrReaderRevoked };
    let entry = AuditEntry::by_user(admin.org, admin.user, action).on("user", user);
    audit::record(db, entry, now).await.map_err(internal)
}

/// Someone's place in the structure, for their admin page: their units
/// (with the primary one), their managers now, the explicit override if
/// any, and everyone who could be named instead.
pub async fn placement(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
) -> Result<Placement, AppError> {
    let account = super::people::member(db, admin, user).await?;
    let memberships = unit_member::Entity::find()
        .filter(unit_member::Column::UserId.eq(account.id))
        .all(db)
        .await
        .map_err(internal)?;
    let units = tree(db, admin)
        .await?
        .into_iter()
        .filter_map(|node| memberships.iter().find(|m| m.unit_id == node.id.0).map(|m| (node, m.is_primary)))
        .collect();
    let names = people_names(db, admin).await?;
    let named = |id: UserId| names.get(&id.0).map(|name| person_ref(id.0, name));
    let managers = crate::server::auth::reach::managers_of(db, admin.org, user)
        .await
        .map_err(internal)?
        .into_iter()
        .filter_map(named)
        .collect();
    let manager_override = manager_override::Entity::find_by_id(user.0)
        .one(db)
        .await
        .map_err(internal)?
        .and_then(|o| named(UserId(o.manager_id)));
    let candidates = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(admin.org.0))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .filter(user_account::Column::Id.ne(user.0))
        .order_by_asc(user_account::Column::Name)
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|u| person_ref(u.id, &u.name))
        .collect();
    Ok(Placement { units, managers, manager_override, candidates })
}

/// See [`placement`].
pub struct Placement {
    pub units: Vec<(UnitNode, bool)>,
    pub managers: Vec<PersonRef>,
    pub manager_override: Option<PersonRef>,
    pub candidates: Vec<PersonRef>,
}

/// Names `manager` as `user`'s manager whatever the structure says (a
/// matrix manager), or with `None` gives the reporting line back to the structure.
pub async fn set_manager_override(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
    manager: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    super::people::member(db, admin, user).await?;
    if let Some(manager) = manager {
        super::people::member(db, admin, manager).await?;
        if manager == user {
            return Err(AppError::invalid("manager", Problem::WouldCreateCycle));
        }
    }
    manager_override::Entity::delete_by_id(user.0).exec(db).await.map_err(internal)?;
    if let Some(manager) = manager {
        manager_override::ActiveModel { user_id: Set(user.0), manager_id: Set(manager.0) }
            .insert(db)
            .await
            .map_err(internal)?;
    }
    let entry =
        AuditEntry::by_user(admin.org, admin.user, AuditAction::ManagerOverrideChanged).on("user", user);
    audit::record(db, entry, now).await.map_err(internal)
}

/// Puts `user` in `unit`; as their primary unit, the others stop being so.
pub(super) async fn link_member(
    db: &impl ConnectionTrait,
    unit: UnitId,
    user: UserId,
    primary: bool,
) -> Result<(), AppError> {
    if primary {
        clear_primary(db, user).await?;
    }
    let link =
        unit_member::ActiveModel { unit_id: Set(unit.0), user_id: Set(user.0), is_primary: Set(primary) };
    unit_member::Entity::delete_by_id((unit.0, user.0)).exec(db).await.map_err(internal)?;
    link.insert(db).await.map(|_| ()).map_err(internal)
}

/// Makes `user` a manager of `unit` or not; doing what is done already is fine.
pub(super) async fn link_manager(
    db: &impl ConnectionTrait,
    unit: UnitId,
    user: UserId,
    present: bool,
) -> Result<(), AppError> {
    unit_manager::Entity::delete_by_id((unit.0, user.0)).exec(db).await.map_err(internal)?;
    if present {
        unit_manager::ActiveModel { unit_id: Set(unit.0), user_id: Set(user.0) }
            .insert(db)
            .await
            .map_err(internal)?;
    }
    Ok(())
}

/// Gives or takes the HR reader right; doing what is done already is fine.
async fn link_hr_reader(
    db: &DatabaseConnection,
    unit: UnitId,
    user: UserId,
    present: bool,
) -> Result<(), AppError> {
    hr_reader_grant::Entity::delete_by_id((unit.0, user.0)).exec(db).await.map_err(internal)?;
    if present {
        hr_reader_grant::ActiveModel { unit_id: Set(unit.0), user_id: Set(user.0) }
            .insert(db)
            .await
            .map_err(internal)?;
    }
    Ok(())
}

async fn clear_primary(db: &impl ConnectionTrait, user: UserId) -> Result<(), AppError> {
    unit_member::Entity::update_many()
        .col_expr(unit_member::Column::IsPrimary, Expr::value(false))
        .filter(unit_member::Column::UserId.eq(user.0))
        .exec(db)
        .await
        .map(|_| ())
        .map_err(internal)
}

async fn unit_of(
    db: &DatabaseConnection,
    admin: &OrgScope,
    unit: UnitId,
) -> Result<org_unit::Model, AppError> {
    org_unit::Entity::find_by_id(unit.0)
        .filter(org_unit::Column::OrgId.eq(admin.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

/// Names of everyone in the organisation, by id.
async fn people_names(
    db: &DatabaseConnection,
    admin: &OrgScope,
) -> Result<HashMap<uuid::Uuid, String>, AppError> {
    Ok(user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(admin.org.0))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}

fn person_ref(id: uuid::Uuid, name: &str) -> PersonRef {
    PersonRef { id: UserId(id), name: name.to_owned() }
}

fn valid_name(name: &str) -> Result<String, AppError> {
    let mut checks = Checks::default();
    let name = checks.text("name", name, 200);
    checks.finish().map(|()| name).map_err(|errors| AppError::Invalid { errors })
}

async fn record(
    db: &DatabaseConnection,
    admin: &OrgScope,
    action: AuditAction,
    unit: UnitId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let entry = AuditEntry::by_user(admin.org, admin.user, action).on("unit", unit);
    audit::record(db, entry, now).await.map_err(internal)
}

#[cfg(test)]
mod tests;
