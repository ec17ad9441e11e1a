//! The vocabulary of goals (issue 5, PRODUCT.md §3.2): their kinds, status,
//! who sees them, the state of a person's goal plan and how progress is
//! computed. Codes are stored, so a shipped code never changes.

use serde::{Deserialize, Serialize};

coded!(
    /// What a goal is for.
    GoalKind {
        /// Set by admins for the whole organisation.
        Organisation => "organisation", GoalsKindOrganisation;
        /// Set by admins or the unit's managers for a unit.
        Team => "team", GoalsKindTeam;
        /// A person's result to achieve, optionally aligned to a team or organisation goal.
        Performance => "performance", GoalsKindPerformance;
        /// A person's growth, linked to a competency or core value.
        Development => "development", GoalsKindDevelopment;
    }
);

impl GoalKind {
    /// Whether a person owns it (performance and development goals).
    pub const fn is_personal(self) -> bool {
        matches!(self, GoalKind::Performance | GoalKind::Development)
    }
}

coded!(
    /// How a goal stands.
    GoalStatus {
        OnTrack => "on_track", GoalsStatusOnTrack;
        AtRisk => "at_risk", GoalsStatusAtRisk;
        Behind => "behind", GoalsStatusBehind;
        Done => "done", GoalsStatusDone;
        Cancelled => "cancelled", GoalsStatusCancelled;
    }
);

coded!(
    /// Who may see a personal goal besides its owner.
    GoalVisibility {
        /// The owner only.
        Private => "private", GoalsVisibilityPrivate;
        /// The owner and their managers.
        Manager => "manager", GoalsVisibilityManager;
        /// Also the people of the owner's primary unit.
        Team => "team", GoalsVisibilityTeam;
        /// Everyone in the organisation.
        Organisation => "organisation", GoalsVisibilityOrganisation;
    }
);

coded!(
    /// Where a person's goal plan for a year stands, when managers approve plans.
    PlanState {
        Draft => "draft", GoalsPlanDraft;
        /// Waiting for the manager.
        Submitted => "submitted", GoalsPlanSubmitted;
        /// Sent back by the manager with a comment.
        Returned => "returned", GoalsPlanReturned;
        Approved => "approved", GoalsPlanApproved;
    }
);

/// A step in a goal plan's life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanStep {
    /// The owner hands the plan to their manager.
    Submit,
    Approve,
    /// The manager sends it back, with a comment.
    Return,
    /// The owner changes a goal of the plan: an approved or submitted plan
    /// becomes a draft again, so the manager sees the change.
    Edit,
}

impl PlanState {
    /// The state after `step`, or `None` when the step is not possible now.
    pub fn after(self, step: PlanStep) -> Option<PlanState> {
        use PlanState::*;
        match (self, step) {
            (Draft | Returned, PlanStep::Submit) => Some(Submitted),
            (Submitted, PlanStep::Approve) => Some(Approved),
            (Submitted, PlanStep::Return) => Some(Returned),
            (Returned, PlanStep::Edit) => Some(Returned),
            (Draft | Submitted | Approved, PlanStep::Edit) => Some(Draft),
            _ => None,
        }
    }
}

/// A key result: from where it started to its target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measure {
    pub start: f64,
    pub target: f64,
    pub current: f64,
}

impl Measure {
    /// How far from start to target, 0.0 to 1.0 (beyond the target counts as
    /// reached; a target equal to the start is reached once current meets it).
    pub fn fraction(self) -> f64 {
        let span = self.target - self.start;
        if span == 0.0 {
            return if (self.current - self.target).abs() < f64::EPSILON { 1.0 } else { 0.0 };
        }
        ((self.current - self.start) / span).clamp(0.0, 1.0)
    }
}

/// A goal's progress in percent: the mean of its key results; without key
/// results, what the last check-in said (`manual`). A goal that is done is
/// at 100.
pub fn progress(measures: &[Measure], manual: u8, status: GoalStatus) -> u8 {
    if status == GoalStatus::Done {
        return 100;
    }
    if measures.is_empty() {
        return manual.min(100);
    }
    let mean = measures.iter().map(|m| m.fraction()).sum::<f64>() / measures.len() as f64;
    // At most 100, so the cast cannot overflow.
    (mean * 100.0).round() as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(start: f64, target: f64, current: f64) -> Measure {
        Measure { start, target, current }
    }

    #[test]
    fn progress_is_the_mean_of_the_key_results() {
        let halfway = measure(0.0, 10.0, 5.0);
        let reached = measure(20.0, 40.0, 45.0);
        assert_eq!(
            progress(&[halfway, reached], 0, GoalStatus::OnTrack),
            75,
            "beyond the target counts as reached"
        );
        let falling = measure(30.0, 10.0, 25.0);
        assert_eq!(
            progress(&[falling], 0, GoalStatus::OnTrack),
            25,
            "a target below the start: a quarter of the way down"
        );
        assert_eq!(progress(&[measure(0.0, 10.0, -4.0)], 0, GoalStatus::Behind), 0, "never below zero");
        assert_eq!(progress(&[measure(5.0, 5.0, 5.0)], 0, GoalStatus::OnTrack), 100);
    }

    #[test]
    fn without_key_results_the_check_in_says_and_done_is_complete() {
        assert_eq!(progress(&[], 40, GoalStatus::AtRisk), 40);
        assert_eq!(progress(&[], 140, GoalStatus::OnTrack), 100);
        assert_eq!(progress(&[measure(0.0, 10.0, 1.0)], 0, GoalStatus::Done), 100);
    }

    #[test]
    fn a_plan_goes_from_draft_through_submission_to_approval_or_back() {
        use PlanState::*;
        assert_eq!(Draft.after(PlanStep::Submit), Some(Submitted));
        assert_eq!(Submitted.after(PlanStep::Return), Some(Returned));
        assert_eq!(
            Returned.after(PlanStep::Edit),
            Some(Returned),
            "fixing keeps the manager's comment in view"
        );
        assert_eq!(Returned.after(PlanStep::Submit), Some(Submitted));
        assert_eq!(Submitted.after(PlanStep::Approve), Some(Approved));
        assert_eq!(Approved.after(PlanStep::Edit), Some(Draft), "a changed plan needs approval again");
        for (state, step) in [
            (Draft, PlanStep::Approve),
            (Draft, PlanStep::Return),
            (Approved, PlanStep::Submit),
            (Returned, PlanStep::Approve),
        ] {
            assert_eq!(state.after(step), None, "{state:?} cannot {step:?}");
        }
    }

    #[test]
    fn codes_read_back() {
        for kind in GoalKind::ALL {
            assert_eq!(GoalKind::from_code(kind.code()), Some(*kind));
        }
        for status in GoalStatus::ALL {
            assert_eq!(GoalStatus::from_code(status.code()), Some(*status));
        }
        assert_eq!(GoalVisibility::from_code("everyone"), None);
    }
}
