//! The vocabulary of notifications: what a person can be told, by e-mail
//! and in the app. Each kind can be turned off per channel (opt-out).

use serde::{Deserialize, Serialize};

coded!(
    /// What a notification is about.
    NotificationKind {
        /// To a manager: a report asks them to approve their goal plan.
        GoalPlanSubmitted => "goal_plan_submitted", NotificationKindGoalPlanSubmitted;
        /// To the owner: their plan came back with a comment.
        GoalPlanReturned => "goal_plan_returned", NotificationKindGoalPlanReturned;
        GoalPlanApproved => "goal_plan_approved", NotificationKindGoalPlanApproved;
        /// To the owner: a goal of theirs is due within a week.
        GoalDueSoon => "goal_due_soon", NotificationKindGoalDueSoon;
        /// To the owner: an admin gave them a goal from a template.
        GoalAssigned => "goal_assigned", NotificationKindGoalAssigned;
        /// To the recipient: someone gave them feedback they may read.
        FeedbackReceived => "feedback_received", NotificationKindFeedbackReceived;
        /// To a manager: feedback about a report, for the managers only.
        FeedbackForManager => "feedback_for_manager", NotificationKindFeedbackForManager;
        /// To a colleague: someone asks them for feedback.
        FeedbackRequested => "feedback_requested", NotificationKindFeedbackRequested;
        /// To a colleague: a request they have not answered yet, again.
        FeedbackRequestReminder => "feedback_request_reminder", NotificationKindFeedbackRequestReminder;
        /// To both people of a 1:1: it meets within a day.
        OneOnOneUpcoming => "one_on_one_upcoming", NotificationKindOneOnOneUpcoming;
        /// To the other party of an evaluation: a self-reflection or a
        /// manager's evaluation was shared with them.
        EvaluationShared => "evaluation_shared", NotificationKindEvaluationShared;
        /// To a writer, on a moment's reminder date: an evaluation waits for them.
        ReviewReminder => "review_reminder", NotificationKindReviewReminder;
        /// To a colleague: someone asks them for a review (once approved).
        ReviewRequested => "review_requested", NotificationKindReviewRequested;
        /// To an organisation's admins: a new sub-processor is announced (DPA 4.C).
        SubProcessorAnnounced => "sub_processor_announced", NotificationKindSubProcessorAnnounced;
        /// To an organisation's admins: the processor reports a breach (DPA 7.A).
        BreachNotified => "breach_notified", NotificationKindBreachNotified;
        /// To an organisation's admins: news on a breach they were told of (DPA 7.C).
        BreachUpdated => "breach_updated", NotificationKindBreachUpdated;
        /// To an organisation's admins: its contract ends; then read-only,
        /// then destruction (DPA 8).
        ContractEnding => "contract_ending", NotificationKindContractEnding;
        /// To an organisation's admins: a data subject's request reached the
        /// processor and is forwarded to them (DPA 8.C).
        RightsRequestForwarded => "rights_request_forwarded", NotificationKindRightsRequestForwarded;
        /// To everyone a survey round is for: it is open for their answers.
        SurveyOpened => "survey_opened", NotificationKindSurveyOpened;
        /// To those who have not answered an open round yet.
        SurveyReminder => "survey_reminder", NotificationKindSurveyReminder;
    }
);

/// Days before a goal's due date that its owner is reminded.
pub const DUE_SOON_DAYS: i64 = 7;

/// Where a person wants one kind of notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Channels {
    pub by_email: bool,
    pub in_app: bool,
}

impl Default for Channels {
    /// Everything is on until the person turns it off.
    fn default() -> Self {
        Channels { by_email: true, in_app: true }
    }
}
