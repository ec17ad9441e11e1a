//! The vocabulary of review cycles (issue 7, PRODUCT.md §3.4): the kinds of
//! question a review form asks. Codes are stored, so a shipped code never
//! changes.

use serde::{Deserialize, Serialize};

coded!(
    /// What a question of a review form asks for.
    QuestionKind {
        /// A written answer.
        Open => "open", ReviewsKindOpen;
        /// A rating from 1 to the question's scale.
        Rating => "rating", ReviewsKindRating;
        /// A rating of each of the period's goals.
        GoalRatings => "goal_ratings", ReviewsKindGoalRatings;
        /// A rating of each competency of the person's function and unit.
        CompetencyRatings => "competency_ratings", ReviewsKindCompetencyRatings;
    }
);

impl QuestionKind {
    /// Whether answers are ratings, on the question's scale.
    pub const fn rated(self) -> bool {
        !matches!(self, QuestionKind::Open)
    }
}

/// The lowest and highest a rating scale can reach up to.
pub const SCALE_RANGE: std::ops::RangeInclusive<u32> = 2..=10;
/// The scale a new rating question gets.
pub const DEFAULT_SCALE: u32 = 5;

coded!(
    /// The three kinds of moment in a cycle.
    MomentKind {
        /// The intake: goals and development for the period.
        GoalSetting => "goal_setting", ReviewsMomentGoalSetting;
        MidTerm => "mid_term", ReviewsMomentMidTerm;
        End => "end", ReviewsMomentEnd;
    }
);

coded!(
    /// Who writes at a moment.
    Writers {
        /// A self-reflection only.
        Employee => "employee", ReviewsWritersEmployee;
        /// The manager's evaluation only.
        Manager => "manager", ReviewsWritersManager;
        Both => "both", ReviewsWritersBoth;
    }
);

coded!(
    /// One axis of the 9-box of a talent review: performance or potential.
    TalentLevel {
        Low => "low", ReviewsLevelLow;
        Medium => "medium", ReviewsLevelMedium;
        High => "high", ReviewsLevelHigh;
    }
);

/// How long before a repeating cycle ends its copy for the next year is made.
pub const COPY_FORWARD_DAYS: i64 = 91;

/// From how many answers anonymous reviews by others are shown, unless a
/// cycle says otherwise.
pub const DEFAULT_ANONYMITY_THRESHOLD: u32 = 3;
/// What a cycle may set that threshold to: one answer alone is never anonymous.
pub const ANONYMITY_THRESHOLD_RANGE: std::ops::RangeInclusive<u32> = 2..=10;
/// Most people an employee asks to review them at one moment.
pub const NOMINATIONS_MAX: u32 = 12;

/// The final score of an evaluation runs from 1 to this.
pub const FINAL_SCORE_SCALE: u32 = 5;

/// Whether the answers of others may be shown: answers with names always;
/// anonymous ones only once at least `threshold` people answered, so no
/// answer can be traced to the one person who gave it.
pub const fn reviews_shown(named: bool, answered: u32, threshold: u32) -> bool {
    named || answered >= threshold
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anonymous_reviews_wait_for_the_threshold_named_ones_do_not() {
        assert!(!reviews_shown(false, 2, DEFAULT_ANONYMITY_THRESHOLD));
        assert!(reviews_shown(false, 3, DEFAULT_ANONYMITY_THRESHOLD));
        assert!(reviews_shown(true, 1, DEFAULT_ANONYMITY_THRESHOLD));
        assert!(!ANONYMITY_THRESHOLD_RANGE.contains(&1), "one answer is never anonymous");
    }
}
