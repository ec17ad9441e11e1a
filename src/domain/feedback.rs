//! The vocabulary of feedback (issue 6, PRODUCT.md §3.3): who may read a
//! piece of feedback, as its giver chose within what the organisation
//! allows. Codes are stored, so a shipped code never changes.

use serde::{Deserialize, Serialize};

coded!(
    /// Who may read feedback besides the giver, who wrote it.
    FeedbackVisibility {
        /// The recipient only.
        Recipient => "recipient", FeedbackVisibilityRecipient;
        /// The recipient and their managers.
        RecipientAndManager => "recipient_and_manager", FeedbackVisibilityRecipientAndManager;
        /// The recipient's managers only: input for their conversations.
        Manager => "manager", FeedbackVisibilityManager;
        /// Everyone of the organisation: praise tied to a core value, on the praise wall.
        Praise => "praise", FeedbackVisibilityPraise;
    }
);

impl FeedbackVisibility {
    /// What the organisation's widest audience (setting `visibility.feedback`,
    /// for the recipient's unit) permits.
    pub fn allowed_under(widest: &str) -> Vec<FeedbackVisibility> {
        match widest {
            "praise" => FeedbackVisibility::ALL.to_vec(),
            "recipient_and_manager" => vec![
                FeedbackVisibility::Recipient,
                FeedbackVisibility::RecipientAndManager,
                FeedbackVisibility::Manager,
            ],
            _ => vec![FeedbackVisibility::Recipient],
        }
    }

    pub const fn recipient_reads(self) -> bool {
        !matches!(self, FeedbackVisibility::Manager)
    }

    pub const fn managers_read(self) -> bool {
        !matches!(self, FeedbackVisibility::Recipient)
    }

    pub const fn everyone_reads(self) -> bool {
        matches!(self, FeedbackVisibility::Praise)
    }
}

#[cfg(test)]
mod tests {
    use super::FeedbackVisibility::*;
    use super::*;

    #[test]
    fn the_organisation_narrows_what_a_giver_may_choose() {
        assert_eq!(
            FeedbackVisibility::allowed_under("praise"),
            [Recipient, RecipientAndManager, Manager, Praise]
        );
        assert_eq!(
            FeedbackVisibility::allowed_under("recipient_and_manager"),
            [Recipient, RecipientAndManager, Manager]
        );
        assert_eq!(FeedbackVisibility::allowed_under("recipient"), [Recipient]);
    }

    #[test]
    fn manager_only_feedback_is_not_the_recipients_to_read() {
        assert!(!Manager.recipient_reads() && Manager.managers_read());
        assert!(Recipient.recipient_reads() && !Recipient.managers_read());
        assert!(Praise.everyone_reads() && Praise.recipient_reads() && Praise.managers_read());
    }
}
