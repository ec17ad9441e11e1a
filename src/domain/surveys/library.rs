//! The question library: well-tried questions an admin can take into a
//! survey, each counting towards a theme. Their wording lives in the
//! translation files (`[surveys.library]`); a question keeps its key in a
//! survey so trends can follow it from survey to survey.

use super::{SurveyQuestionKind, Theme};
use crate::i18n::Key;

/// A question of the library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LibraryQuestion {
    pub key: &'static str,
    pub theme: Theme,
    pub kind: SurveyQuestionKind,
    pub text: Key,
    /// Part of the set a new survey starts with.
    pub default: bool,
}

const fn question(
    key: &'static str,
    theme: Theme,
    kind: SurveyQuestionKind,
    text: Key,
    default: bool,
) -> LibraryQuestion {
    LibraryQuestion { key, theme, kind, text, default }
}

use SurveyQuestionKind::{Enps, Likert, Open};

/// Every question of the library, by theme.
pub const LIBRARY: &[LibraryQuestion] = &[
    question("engagement.proud", Theme::Engagement, Likert, Key::SurveysLibraryEngagementProud, true),
    question("engagement.stay", Theme::Engagement, Likert, Key::SurveysLibraryEngagementStay, true),
    question("engagement.energy", Theme::Engagement, Likert, Key::SurveysLibraryEngagementEnergy, false),
    question("leadership.cares", Theme::Leadership, Likert, Key::SurveysLibraryLeadershipCares, true),
    question("leadership.trust", Theme::Leadership, Likert, Key::SurveysLibraryLeadershipTrust, false),
    question("growth.learning", Theme::Growth, Likert, Key::SurveysLibraryGrowthLearning, true),
    question("growth.career", Theme::Growth, Likert, Key::SurveysLibraryGrowthCareer, false),
    question(
        "recognition.appreciated",
        Theme::Recognition,
        Likert,
        Key::SurveysLibraryRecognitionAppreciated,
        true,
    ),
    question("wellbeing.workload", Theme::Wellbeing, Likert, Key::SurveysLibraryWellbeingWorkload, true),
    question("wellbeing.balance", Theme::Wellbeing, Likert, Key::SurveysLibraryWellbeingBalance, false),
    question("collaboration.help", Theme::Collaboration, Likert, Key::SurveysLibraryCollaborationHelp, true),
    question("alignment.purpose", Theme::Alignment, Likert, Key::SurveysLibraryAlignmentPurpose, true),
    question("recommendation.enps", Theme::Recommendation, Enps, Key::SurveysLibraryRecommendationEnps, true),
    question("general.improve", Theme::General, Open, Key::SurveysLibraryGeneralImprove, true),
    question("wellbeing.comment", Theme::Wellbeing, Open, Key::SurveysLibraryWellbeingComment, false),
];

/// The library question with this key.
pub fn find(key: &str) -> Option<&'static LibraryQuestion> {
    LIBRARY.iter().find(|question| question.key == key)
}

/// The set a new survey starts with.
pub fn default_set() -> impl Iterator<Item = &'static LibraryQuestion> {
    LIBRARY.iter().filter(|question| question.default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_start_with_their_theme() {
        for question in LIBRARY {
            assert_eq!(find(question.key), Some(question));
            assert!(question.key.starts_with(question.theme.code()), "{}", question.key);
        }
    }

    #[test]
    fn the_default_set_measures_engagement_and_asks_for_a_score_and_a_comment() {
        let kinds: Vec<_> = default_set().map(|question| question.kind).collect();
        assert!(kinds.contains(&Likert) && kinds.contains(&Enps) && kinds.contains(&Open));
    }
}
