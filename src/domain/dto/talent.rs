//! The talent review of a cycle (issue 7): the 9-box of performance and
//! potential, filled by managers for their people, viewed per unit.

use serde::{Deserialize, Serialize};

use super::PersonRef;
use crate::domain::ids::{ReviewCycleId, UnitId};
use crate::domain::reviews::TalentLevel;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalentGrid {
    pub cycle: ReviewCycleId,
    pub cycles: Vec<(ReviewCycleId, String)>,
    /// The units an admin can narrow the grid to.
    pub units: Vec<(UnitId, String)>,
    pub unit: Option<UnitId>,
    /// Nine boxes, each with the people placed in it.
    pub boxes: Vec<TalentBox>,
    /// People in view not placed yet.
    pub unplaced: Vec<PersonRef>,
    /// The viewer's own people, whom they place, with where they are now.
    pub placeable: Vec<(PersonRef, Option<(TalentLevel, TalentLevel)>)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalentBox {
    pub performance: TalentLevel,
    pub potential: TalentLevel,
    pub people: Vec<PersonRef>,
}

/// A placement as the form sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementForm {
    #[serde(default)]
    pub performance: String,
    #[serde(default)]
    pub potential: String,
}
