//! What server functions return: plain data for the browser, never entities.

mod audit;
mod bilingual;
mod breaches;
mod calibration;
mod documents;
mod evaluations;
mod feedback;
mod feedback_requests;
mod frame;
mod full_export;
mod functions;
mod goal_templates;
mod goals;
mod import;
mod invitation;
mod new_organisation;
mod notifications;
mod one_on_ones;
mod org_chart;
mod organisation;
mod organisation_details;
mod peer_reviews;
mod people;
mod privacy_document;
mod review_cycles;
mod review_forms;
mod review_progress;
mod rights_requests;
mod second_factor;
mod session;
mod settings;
mod structure;
mod sub_processors;
mod support_access;
pub mod surveys;
mod talent;
mod viewer;

pub use audit::{AuditLine, AuditPage};
pub use bilingual::{BilingualForm, in_language};
pub use breaches::{
    AffectedData, AffectedForm, AffectedOrganisation, BREACH_TEXT_MAX, BreachFacts, BreachForm, BreachNotice,
    BreachRecord, BreachUpdateView, CheckedBreach, DeadlineState,
};
pub use calibration::{
    CalibrationBoard, CalibrationChange, CalibrationForm, CalibrationRow, RATIONALE_MAX, ScoreView,
    UnitCalibration,
};
pub use documents::{DocumentList, DocumentView};
pub use evaluations::{
    ACKNOWLEDGEMENT_COMMENT_MAX, ANSWER_MAX, Acknowledgement, Answer, Evaluation, EvaluationQuestion,
    EvaluationSummary, ItemRatingForm, REOPEN_REASON_MAX, RatedItem, Reopening, ReviewAnswerForm, SidePanel,
    WritingForm, WritingView, answer_field, check_answers,
};
pub use feedback::{
    CheckedFeedback, FEEDBACK_TEXT_MAX, Feedback, FeedbackAbout, FeedbackBox, FeedbackChoices, FeedbackForm,
    FeedbackPreview, Note, NoteForm,
};
pub use feedback_requests::{
    ASKED_MAX, AnswerForm, Asked, AskedState, CheckedRequest, EXTERNAL_ROWS, ExternalForm, ExternalPerson,
    ExternalRequest, FeedbackRequest, FeedbackRequestForm, FeedbackRequests, QUESTION_MAX, QUESTION_ROWS,
    RequestToAnswer,
};
pub use frame::{Competency, CompetencyLevel, CompetencyLevelForm, CompetencyScopeForm, CoreValue};
pub use full_export::{FullExportState, FullExportStatus};
pub use functions::JobFunction;
pub use goal_templates::{
    AssignTarget, AssignTemplateForm, AssignedTo, AssignmentOutcome, CheckedAssignment, CheckedTemplate,
    GoalTemplate, GoalTemplateForm, TemplateAssignment, TemplateChoices, TemplateDetails,
};
pub use goals::{
    CheckIn, CheckInForm, CheckedGoal, Goal, GoalChoices, GoalDetails, GoalForm, GoalList, GoalPlan, GoalRef,
    KeyResult, KeyResultForm, KeyResultValue, ReportGoals, UnitGoals, parse_number,
};
pub use goals::{KEY_RESULT_ROWS, TEXT_MAX as GOAL_TEXT_MAX, TITLE_MAX as GOAL_TITLE_MAX};
pub use import::{
    ImportColumn, ImportIssue, ImportOutcome, ImportPreview, ImportProblem, ImportProgress, RowOutcome,
    RowPreview,
};
pub use invitation::InvitationDetails;
pub use new_organisation::{AGREEMENT_VERSION, NewOrganisation, NewOrganisationForm};
pub use notifications::{Notification, NotificationPage, NotificationSettings, NotificationSettingsForm};
pub use one_on_ones::{
    ActionItem, ActionItemForm, CheckedActionItem, HeldForm, MEETING_NOTES_MAX, Meeting, OneOnOneDetails,
    OneOnOneSummary, OneOnOnes, POINT_MAX, PlanOneOnOneForm, PointForm, TalkingPoint,
};
pub use org_chart::{ChartLevel, ChartMember, ChartPerson, ChartSearch, ChartUnit, FunctionName, TeamMember};
pub use organisation::{ContractState, DeclarationView, OrganisationSummary};
pub use organisation_details::{DpaSignature, OrganisationDetails};
pub use peer_reviews::{
    Nomination, NominationForm, PeerAnswers, PeerReviews, REVIEWER_NAME_MAX, ReviewRequest, ReviewerForm,
};
pub use people::{
    AccountStatus, Delivery, HandedOutCode, NewPerson, NewPersonForm, Offboarding, PeopleFilter,
    PeopleListing, PersonDetails, PersonSummary, Rectified, RectifyForm,
};
pub use privacy_document::{DocumentSection, DocumentTable, PrivacyDocument};
pub use review_cycles::{
    CYCLE_NAME_MAX, CheckedCycle, CheckedMoment, CycleChoices, CycleForm, MomentForm, ReviewCycleDetails,
    ReviewCycleSummary, ReviewMoment, ScopeForm,
};
pub use review_forms::{
    CheckedQuestion, QUESTION_HINT_MAX, QUESTION_TEXT_MAX, QuestionForm, ReviewFormDetails,
    ReviewFormSummary, ReviewQuestion,
};
pub use review_progress::{
    PersonProgress, ProgressCell, ProgressMoment, ReviewProgress, StageCounts, UnitProgress,
};
pub use rights_requests::{
    CheckedRightsRequest, RIGHTS_REQUEST_TEXT_MAX, RightsRequestForm, RightsRequestView,
};
pub use second_factor::{RECOVERY_CODE_COUNT, SecondFactorEnrolment, SecondFactorOverview};
pub use session::SessionSummary;
pub use settings::{SettingRow, SettingSource};
pub use structure::{PersonRef, UnitDetails, UnitMember, UnitNode};
pub use sub_processors::{
    CheckedSubProcessor, ObjectionView, SUB_PROCESSOR_LONG_MAX, SUB_PROCESSOR_TEXT_MAX, SubProcessorForm,
    SubProcessorView,
};
pub use support_access::{
    CASE_REFERENCE_MAX, SUPPORT_HOURS, SupportGrantForm, SupportGrantState, SupportGrantView, SupportView,
};
pub use talent::{PlacementForm, TalentBox, TalentGrid};
pub use viewer::{SecondFactorStatus, Viewer, ViewerKind};
