//! Who may see and who may change a goal (issue 5; DPA 7.F least
//! privilege). Organisation and team goals are there for everyone of the
//! organisation to align to. A personal goal is seen by its owner and, as
//! its visibility says, by their managers, the people of their primary
//! unit, or everyone; an admin with the HR reader right over the owner
//! reads every goal that is not private. The owner and their managers
//! change it; organisation goals are the admins', team goals the admins'
//! and the unit's managers'.

use std::collections::HashSet;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::domain::AppError;
use crate::domain::goals::{GoalKind, GoalVisibility};
use crate::domain::ids::{UnitId, UserId};
use crate::server::auth::OrgScope;
use crate::server::auth::reach::{ManagerMap, hr_reader_reach};
use crate::server::db::internal;
use crate::server::entity::{goal, unit_manager, unit_member};

/// What deciding about many goals at once needs to know of the viewer.
pub struct Access {
    user: UserId,
    admin: bool,
    map: ManagerMap,
    /// Units the viewer manages.
    managed_units: HashSet<UnitId>,
    /// Units whose people the viewer reads as HR reader.
    hr_units: HashSet<UnitId>,
    /// Everyone's units, for the HR reader right (not only primary ones).
    memberships: Vec<(UserId, UnitId)>,
}

/// Why the viewer may read a goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// As owner, manager, colleague or member of the organisation.
    Visible,
    /// Only through the HR reader right: such reads are audit-logged.
    AsHrReader,
}

impl Access {
    pub async fn load(db: &impl ConnectionTrait, scope: &OrgScope) -> Result<Access, AppError> {
        let map = ManagerMap::load(db, scope.org).await.map_err(internal)?;
        let managed_units = unit_manager::Entity::find()
            .filter(unit_manager::Column::UserId.eq(scope.user.0))
            .all(db)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|link| UnitId(link.unit_id))
            .collect();
        let hr_units = if scope.roles.admin {
            hr_reader_reach(db, scope.org, scope.user).await.map_err(internal)?
        } else {
            HashSet::new()
        };
        let memberships = if hr_units.is_empty() {
            Vec::new()
        } else {
            unit_member::Entity::find()
                .filter(unit_member::Column::UnitId.is_in(hr_units.iter().map(|u| u.0)))
                .all(db)
                .await
                .map_err(internal)?
                .into_iter()
                .map(|m| (UserId(m.user_id), UnitId(m.unit_id)))
                .collect()
        };
        Ok(Access { user: scope.user, admin: scope.roles.admin, map, managed_units, hr_units, memberships })
    }

    pub fn manages(&self, person: UserId) -> bool {
        self.map.managers_of(person).contains(&self.user)
    }

    /// Whether and why the viewer may read `goal` (which must be of their
    /// organisation: the caller filters by it).
    pub fn reading(&self, goal: &goal::Model) -> Option<Reading> {
        let kind = GoalKind::from_code(&goal.kind)?;
        let Some(owner) = goal.owner_id.map(UserId) else {
            return Some(Reading::Visible);
        };
        debug_assert!(kind.is_personal());
        if owner == self.user {
            return Some(Reading::Visible);
        }
        let visibility = GoalVisibility::from_code(&goal.visibility).unwrap_or(GoalVisibility::Private);
        let visible = match visibility {
            GoalVisibility::Private => false,
            GoalVisibility::Manager => self.manages(owner),
            GoalVisibility::Team => {
                self.manages(owner)
                    || self
                        .map
                        .primary_unit_of(owner)
                        .is_some_and(|unit| self.map.primary_unit_of(self.user) == Some(unit))
            }
            GoalVisibility::Organisation => true,
        };
        if visible {
            return Some(Reading::Visible);
        }
        let hr_reads = visibility != GoalVisibility::Private
            && self.memberships.iter().any(|(person, unit)| *person == owner && self.hr_units.contains(unit));
        hr_reads.then_some(Reading::AsHrReader)
    }

    /// Whether the viewer may change `goal` and post its check-ins.
    pub fn may_edit(&self, goal: &goal::Model) -> bool {
        match (GoalKind::from_code(&goal.kind), goal.owner_id.map(UserId)) {
            (Some(kind), Some(owner)) if kind.is_personal() => owner == self.user || self.manages(owner),
            (Some(GoalKind::Organisation), _) => self.admin,
            (Some(GoalKind::Team), _) => {
                self.admin || goal.unit_id.is_some_and(|unit| self.managed_units.contains(&UnitId(unit)))
            }
            _ => false,
        }
    }

    /// Whether the viewer may set goals for `unit`.
    pub fn may_set_team_goals(&self, unit: UnitId) -> bool {
        self.admin || self.managed_units.contains(&unit)
    }

    pub fn is_admin(&self) -> bool {
        self.admin
    }

    pub fn primary_unit_of(&self, person: UserId) -> Option<UnitId> {
        self.map.primary_unit_of(person)
    }

    /// The viewer's direct reports among `people`.
    pub fn reports_among(&self, people: impl IntoIterator<Item = UserId>) -> Vec<UserId> {
        self.map.reports_of(self.user, people)
    }
}
