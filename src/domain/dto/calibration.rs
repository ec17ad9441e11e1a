//! Calibration (issue 7): the managers' proposed final scores of a unit
//! side by side, with their distribution, and the final scores set with a
//! rationale each, logged.

use serde::{Deserialize, Serialize};

use super::PersonRef;
use crate::domain::ids::{MomentId, ReviewCycleId};
use crate::domain::reviews::MomentKind;

/// Longest rationale for a calibrated score, in characters.
pub const RATIONALE_MAX: u32 = 1_000;

/// An evaluation's score as its viewer may see it: the proposal for the
/// manager only; the final score for the employee only if the cycle says so.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreView {
    pub proposed: Option<u32>,
    pub final_score: Option<u32>,
    /// The viewer is a manager, who proposes.
    pub may_propose: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalibrationBoard {
    pub cycle: ReviewCycleId,
    pub cycles: Vec<(ReviewCycleId, String)>,
    pub moments: Vec<(MomentId, MomentKind)>,
    pub moment: MomentId,
    pub units: Vec<UnitCalibration>,
}

/// The people of one unit (by primary unit), with the distribution of the
/// proposed and the final scores: counts for 1 up to the scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitCalibration {
    pub unit: Option<String>,
    pub people: Vec<CalibrationRow>,
    pub proposed: Vec<u32>,
    pub finals: Vec<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalibrationRow {
    pub person: PersonRef,
    pub proposed: Option<u32>,
    pub final_score: Option<u32>,
    /// How the final score came to be, oldest first.
    pub changes: Vec<CalibrationChange>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalibrationChange {
    pub from: Option<u32>,
    pub to: u32,
    pub rationale: String,
    pub by: Option<String>,
    /// `YYYY-MM-DD HH:MM` in the installation's time zone.
    pub at: String,
}

/// A final score and why, as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalibrationForm {
    #[serde(default)]
    pub score: String,
    #[serde(default)]
    pub rationale: String,
}
