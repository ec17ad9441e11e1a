//! Settings an organisation chooses for everyone, and that a unit may set
//! differently for itself and the units below it (issue 4: "settings on a
//! unit cascade to its sub-units unless overridden"). Which features are
//! on, and who may see what.

use serde::{Deserialize, Serialize};

use crate::i18n::Key;

/// One setting. Its key is stored, so a shipped key never changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    Goals,
    Feedback,
    Reviews,
    Surveys,
    OneOnOnes,
    /// Who sees a new goal unless its owner chooses otherwise.
    GoalVisibility,
    /// The widest audience feedback may be given to.
    FeedbackVisibility,
    /// Whether managers see the reports of their reports on their team page.
    /// For the organisation as a whole only.
    IndirectReports,
    /// Whether a person's goal plan needs their manager's approval.
    GoalApproval,
}

const ON_OFF: &[&str] = &["on", "off"];
const OFF_ON: &[&str] = &["off", "on"];

impl Setting {
    pub const ALL: [Setting; 9] = [
        Setting::Goals,
        Setting::Feedback,
        Setting::Reviews,
        Setting::Surveys,
        Setting::OneOnOnes,
        Setting::GoalVisibility,
        Setting::FeedbackVisibility,
        Setting::IndirectReports,
        Setting::GoalApproval,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            Setting::Goals => "feature.goals",
            Setting::Feedback => "feature.feedback",
            Setting::Reviews => "feature.reviews",
            Setting::Surveys => "feature.surveys",
            Setting::OneOnOnes => "feature.one_on_ones",
            Setting::GoalVisibility => "visibility.goals",
            Setting::FeedbackVisibility => "visibility.feedback",
            Setting::IndirectReports => "team.indirect_reports",
            Setting::GoalApproval => "goals.approval",
        }
    }

    pub fn from_key(key: &str) -> Option<Setting> {
        Setting::ALL.into_iter().find(|setting| setting.key() == key)
    }

    /// The values it may take; the first is what holds when nobody chose.
    pub const fn choices(self) -> &'static [&'static str] {
        match self {
            Setting::Goals | Setting::Feedback | Setting::Reviews | Setting::Surveys | Setting::OneOnOnes => {
                ON_OFF
            }
            Setting::GoalVisibility => &["manager", "private", "team", "organisation"],
            Setting::FeedbackVisibility => &["praise", "recipient_and_manager", "recipient"],
            Setting::IndirectReports | Setting::GoalApproval => OFF_ON,
        }
    }

    pub const fn default_value(self) -> &'static str {
        self.choices()[0]
    }

    /// Whether units may set it differently from the organisation.
    pub const fn per_unit(self) -> bool {
        !matches!(self, Setting::IndirectReports)
    }

    pub const fn label_key(self) -> Key {
        match self {
            Setting::Goals => Key::SettingsGoals,
            Setting::Feedback => Key::SettingsFeedback,
            Setting::Reviews => Key::SettingsReviews,
            Setting::Surveys => Key::SettingsSurveys,
            Setting::OneOnOnes => Key::SettingsOneOnOnes,
            Setting::GoalVisibility => Key::SettingsGoalVisibility,
            Setting::FeedbackVisibility => Key::SettingsFeedbackVisibility,
            Setting::IndirectReports => Key::SettingsIndirectReports,
            Setting::GoalApproval => Key::SettingsGoalApproval,
        }
    }
}

/// How a value of any setting is named on screen.
pub fn choice_key(value: &str) -> Option<Key> {
    Some(match value {
        "on" => Key::SettingsOn,
        "off" => Key::SettingsOff,
        "private" => Key::SettingsPrivate,
        "manager" => Key::SettingsManager,
        "team" => Key::SettingsTeam,
        "organisation" => Key::SettingsOrganisation,
        "recipient" => Key::SettingsRecipient,
        "recipient_and_manager" => Key::SettingsRecipientAndManager,
        "praise" => Key::SettingsPraise,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_has_a_unique_key_and_named_choices() {
        for setting in Setting::ALL {
            assert_eq!(Setting::from_key(setting.key()), Some(setting));
            assert!(setting.choices().iter().all(|value| choice_key(value).is_some()), "{setting:?}");
        }
        let mut keys: Vec<_> = Setting::ALL.iter().map(|s| s.key()).collect();
        keys.dedup();
        assert_eq!(keys.len(), Setting::ALL.len());
    }
}
