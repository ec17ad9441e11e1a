//! How far a review cycle is (issue 7): per person in scope and per
//! moment, where the evaluation stands and whether it is overdue, with a
//! summary per unit. Admins follow everyone, managers their own people.

use serde::{Deserialize, Serialize};

use super::PersonRef;
use crate::domain::evaluations::Stage;
use crate::domain::ids::{MomentId, ReviewCycleId, UnitId};
use crate::domain::reviews::MomentKind;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewProgress {
    pub cycle: ReviewCycleId,
    pub name: String,
    /// The cycles the viewer can follow, to choose another.
    pub cycles: Vec<(ReviewCycleId, String)>,
    pub moments: Vec<ProgressMoment>,
    /// Per unit (people by their primary unit), the counts per moment.
    pub units: Vec<UnitProgress>,
    pub people: Vec<PersonProgress>,
    /// Whether the viewer may reopen evaluations (an admin).
    pub may_reopen: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressMoment {
    pub id: MomentId,
    pub kind: MomentKind,
    /// `YYYY-MM-DD`.
    pub opens_on: String,
    pub closes_on: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonProgress {
    pub person: PersonRef,
    /// The name of their primary unit, if they have one.
    pub unit: Option<String>,
    /// One per moment, in the order of `ReviewProgress::moments`.
    pub cells: Vec<ProgressCell>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressCell {
    pub stage: Stage,
    pub employee_acknowledged: bool,
    pub manager_acknowledged: bool,
    /// Past its close date and not locked.
    pub overdue: bool,
    /// Whether the moment has opened yet.
    pub open: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitProgress {
    pub unit: Option<(UnitId, String)>,
    /// Per moment: how many are locked, how many overdue, of how many people.
    pub counts: Vec<StageCounts>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageCounts {
    pub people: u32,
    pub written: u32,
    pub shared: u32,
    pub locked: u32,
    pub overdue: u32,
}
