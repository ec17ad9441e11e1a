//! The vocabulary of engagement surveys (issue 9, PRODUCT.md §3.5): kinds
//! of survey and question, the themes questions count towards, and the
//! segments results can be cut by. Codes are stored, so a shipped code
//! never changes. Which groups may be shown is decided in
//! [`crate::domain::anonymity`], nowhere else.

use serde::{Deserialize, Serialize};

pub mod bands;
pub mod library;
pub mod scores;

coded!(
    /// How a survey runs.
    SurveyKind {
        /// One round, between two dates.
        Once => "once", SurveysKindOnce;
        /// A round every so many months.
        Pulse => "pulse", SurveysKindPulse;
        /// Each newcomer, a set number of days after their start date.
        Onboarding => "onboarding", SurveysKindOnboarding;
    }
);

coded!(
    /// What a question asks for.
    SurveyQuestionKind {
        /// Agreement from 1 (strongly disagree) to 5 (strongly agree).
        Likert => "likert", SurveysQuestionKindLikert;
        /// 0 to 10: how likely one would recommend working here.
        Enps => "enps", SurveysQuestionKindEnps;
        /// A written comment.
        Open => "open", SurveysQuestionKindOpen;
    }
);

impl SurveyQuestionKind {
    /// The scores an answer may hold; none for a comment.
    pub const fn scores(self) -> Option<std::ops::RangeInclusive<i32>> {
        match self {
            SurveyQuestionKind::Likert => Some(1..=5),
            SurveyQuestionKind::Enps => Some(0..=10),
            SurveyQuestionKind::Open => None,
        }
    }
}

coded!(
    /// What a question counts towards in the results.
    Theme {
        Engagement => "engagement", SurveysThemeEngagement;
        Leadership => "leadership", SurveysThemeLeadership;
        Growth => "growth", SurveysThemeGrowth;
        Recognition => "recognition", SurveysThemeRecognition;
        Wellbeing => "wellbeing", SurveysThemeWellbeing;
        Collaboration => "collaboration", SurveysThemeCollaboration;
        Alignment => "alignment", SurveysThemeAlignment;
        Recommendation => "recommendation", SurveysThemeRecommendation;
        General => "general", SurveysThemeGeneral;
    }
);

coded!(
    /// A way of cutting results into groups.
    Segment {
        Unit => "unit", SurveysSegmentUnit;
        Function => "function", SurveysSegmentFunction;
        Tenure => "tenure", SurveysSegmentTenure;
        Age => "age", SurveysSegmentAge;
    }
);

/// Longest comment, in characters.
pub const COMMENT_MAX: u32 = 4000;
/// Longest reply in a comment conversation, in characters.
pub const REPLY_MAX: u32 = 2000;
/// Longest question, in characters.
pub const QUESTION_MAX: u32 = 500;
/// How long a round may stay open, in days.
pub const OPEN_DAYS_RANGE: std::ops::RangeInclusive<i32> = 1..=90;
/// How often a pulse may repeat, in months.
pub const REPEAT_MONTHS_RANGE: std::ops::RangeInclusive<i32> = 1..=12;
/// How long after their start a newcomer may be asked, in days.
pub const ONBOARDING_DAYS_RANGE: std::ops::RangeInclusive<i32> = 1..=365;
/// The most a threshold may be set to: above it, almost every team hides.
pub const THRESHOLD_MAX: u32 = 25;
