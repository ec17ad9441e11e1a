//! Whose content a user may read (PRODUCT.md §1, DPA 7.F least privilege):
//! their own; that of the people they manage, following the structure (a
//! user's manager is the manager of their primary unit, or of the nearest
//! unit above it that has one other than themselves, unless an explicit
//! override names someone else); and, for admins with the "HR reader"
//! right, that of everyone in the granted units and below. Administering
//! alone gives no reading.

use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use super::OrgScope;
use crate::domain::ids::{OrgId, UnitId, UserId};
use crate::server::entity::{
    hr_reader_grant, manager_override, org_unit, unit_manager, unit_member, user_account,
};

/// Why someone may read another's content; `None` means they may not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadReason {
    Own,
    Manager,
    HrReader,
}

/// The units of an organisation: each with its parent.
pub struct Structure {
    parents: HashMap<UnitId, Option<UnitId>>,
}

impl Structure {
    pub async fn load(db: &impl ConnectionTrait, org: OrgId) -> Result<Structure, DbErr> {
        let units = org_unit::Entity::find().filter(org_unit::Column::OrgId.eq(org.0)).all(db).await?;
        Ok(Structure {
            parents: units.into_iter().map(|u| (UnitId(u.id), u.parent_id.map(UnitId))).collect(),
        })
    }

    pub fn units(&self) -> impl Iterator<Item = UnitId> + '_ {
        self.parents.keys().copied()
    }

    pub fn contains(&self, unit: UnitId) -> bool {
        self.parents.contains_key(&unit)
    }

    /// `unit` and the units above it, nearest first.
    pub fn ancestry(&self, unit: UnitId) -> Vec<UnitId> {
        let mut chain = Vec::new();
        let mut current = Some(unit);
        while let Some(id) = current {
            // A cycle cannot be stored (moves are checked), but never loop on one.
            if chain.contains(&id) || !self.contains(id) {
                break;
            }
            chain.push(id);
            current = self.parents.get(&id).copied().flatten();
        }
        chain
    }

    /// Whether `unit` lies at or below `above`.
    pub fn is_within(&self, unit: UnitId, above: UnitId) -> bool {
        self.ancestry(unit).contains(&above)
    }
}

/// The managers of `user`, derived as described above.
pub async fn managers_of(db: &impl ConnectionTrait, org: OrgId, user: UserId) -> Result<Vec<UserId>, DbErr> {
    Ok(ManagerMap::load(db, org).await?.managers_of(user))
}

/// Everything manager derivation needs of one organisation, loaded in four
/// queries, so the reporting lines of everyone (a team page, an org chart)
/// cost no more than those of one person.
pub struct ManagerMap {
    structure: Structure,
    overrides: HashMap<UserId, UserId>,
    primary_unit: HashMap<UserId, UnitId>,
    unit_managers: HashMap<UnitId, Vec<UserId>>,
}

impl ManagerMap {
    pub async fn load(db: &impl ConnectionTrait, org: OrgId) -> Result<ManagerMap, DbErr> {
        let structure = Structure::load(db, org).await?;
        let units: Vec<uuid::Uuid> = structure.parents.keys().map(|u| u.0).collect();
        let people: Vec<uuid::Uuid> = user_account::Entity::find()
            .filter(user_account::Column::OrgId.eq(org.0))
            .all(db)
            .await?
            .into_iter()
            .map(|u| u.id)
            .collect();
        let overrides = manager_override::Entity::find()
            .filter(manager_override::Column::UserId.is_in(people))
            .all(db)
            .await?
            .into_iter()
            .map(|o| (UserId(o.user_id), UserId(o.manager_id)))
            .collect();
        let primary_unit = unit_member::Entity::find()
            .filter(unit_member::Column::UnitId.is_in(units.clone()))
            .filter(unit_member::Column::IsPrimary.eq(true))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (UserId(m.user_id), UnitId(m.unit_id)))
            .collect();
        let mut unit_managers: HashMap<UnitId, Vec<UserId>> = HashMap::new();
        for link in
            unit_manager::Entity::find().filter(unit_manager::Column::UnitId.is_in(units)).all(db).await?
        {
            unit_managers.entry(UnitId(link.unit_id)).or_default().push(UserId(link.user_id));
        }
        Ok(ManagerMap { structure, overrides, primary_unit, unit_managers })
    }

    /// An explicit override; else the managers of the primary unit or of the
    /// nearest unit above it that has any besides the person themselves.
    pub fn managers_of(&self, user: UserId) -> Vec<UserId> {
        if let Some(manager) = self.overrides.get(&user) {
            return vec![*manager];
        }
        let Some(primary) = self.primary_unit.get(&user) else { return Vec::new() };
        for unit in self.structure.ancestry(*primary) {
            let managers: Vec<UserId> = self
                .unit_managers
                .get(&unit)
                .map(|all| all.iter().copied().filter(|m| *m != user).collect())
                .unwrap_or_default();
            if !managers.is_empty() {
                return managers;
            }
        }
        Vec::new()
    }

    /// The people whose manager `manager` is, among `candidates`.
    pub fn reports_of(&self, manager: UserId, candidates: impl IntoIterator<Item = UserId>) -> Vec<UserId> {
        candidates.into_iter().filter(|person| self.managers_of(*person).contains(&manager)).collect()
    }

    /// Everyone's direct reports among `people`, by manager: one pass, so
    /// walking down several levels costs no more than one.
    pub fn direct_reports(&self, people: impl IntoIterator<Item = UserId>) -> HashMap<UserId, Vec<UserId>> {
        let mut reports: HashMap<UserId, Vec<UserId>> = HashMap::new();
        for person in people {
            for manager in self.managers_of(person) {
                reports.entry(manager).or_default().push(person);
            }
        }
        reports
    }

    pub fn primary_unit_of(&self, user: UserId) -> Option<UnitId> {
        self.primary_unit.get(&user).copied()
    }
}

/// The units whose people `user` may read as HR reader: the granted units
/// and everything below them.
pub async fn hr_reader_reach(
    db: &impl ConnectionTrait,
    org: OrgId,
    user: UserId,
) -> Result<HashSet<UnitId>, DbErr> {
    let granted: Vec<UnitId> = hr_reader_grant::Entity::find()
        .filter(hr_reader_grant::Column::UserId.eq(user.0))
        .all(db)
        .await?
        .into_iter()
        .map(|g| UnitId(g.unit_id))
        .collect();
    if granted.is_empty() {
        return Ok(HashSet::new());
    }
    let structure = Structure::load(db, org).await?;
    Ok(structure
        .parents
        .keys()
        .copied()
        .filter(|unit| granted.iter().any(|above| structure.is_within(*unit, *above)))
        .collect())
}

/// Whether the signed-in user may read the goals, feedback and evaluations
/// of `subject`, and why. Someone of another organisation is never readable.
pub async fn may_read_content_of(
    db: &impl ConnectionTrait,
    scope: &OrgScope,
    subject: UserId,
) -> Result<Option<ReadReason>, DbErr> {
    if subject == scope.user {
        return Ok(Some(ReadReason::Own));
    }
    let same_organisation = user_account::Entity::find_by_id(subject.0)
        .filter(user_account::Column::OrgId.eq(scope.org.0))
        .one(db)
        .await?
        .is_some();
    if !same_organisation {
        return Ok(None);
    }
    if managers_of(db, scope.org, subject).await?.contains(&scope.user) {
        return Ok(Some(ReadReason::Manager));
    }
    if scope.roles.admin {
        let reach = hr_reader_reach(db, scope.org, scope.user).await?;
        if !reach.is_empty() {
            let in_reach = unit_member::Entity::find()
                .filter(unit_member::Column::UserId.eq(subject.0))
                .all(db)
                .await?
                .into_iter()
                .any(|membership| reach.contains(&UnitId(membership.unit_id)));
            if in_reach {
                return Ok(Some(ReadReason::HrReader));
            }
        }
    }
    Ok(None)
}
