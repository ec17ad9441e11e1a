//! Typed ids, so an organisation id can never be passed where a user id is due.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                Self(id)
            }
        }
    };
}

id_type!(
    /// An organisation: one tenant, one controller.
    OrgId
);

id_type!(
    /// A user of an organisation.
    UserId
);

id_type!(
    /// A member of the processor's operator staff.
    OperatorId
);

id_type!(
    /// A unit of an organisation's structure: a department, a team.
    UnitId
);

id_type!(
    /// A job function of an organisation.
    FunctionId
);

id_type!(
    /// A core value of an organisation.
    ValueId
);

id_type!(
    /// A competency of an organisation.
    CompetencyId
);

id_type!(
    /// One level of a competency.
    LevelId
);

id_type!(
    /// A goal: an organisation's, a unit's or a person's.
    GoalId
);

id_type!(
    /// A key result of a goal.
    KeyResultId
);

id_type!(
    /// A goal template: a personal goal defined once, copied to many.
    TemplateId
);

id_type!(
    /// A notification shown in the app.
    NotificationId
);

id_type!(
    /// A piece of feedback.
    FeedbackId
);

id_type!(
    /// A request for feedback.
    FeedbackRequestId
);

id_type!(
    /// One person asked in a feedback request.
    AskedId
);

id_type!(
    /// A manager and an employee who meet one-on-one.
    OneOnOneId
);

id_type!(
    /// A talking point on a 1:1's agenda.
    PointId
);

id_type!(
    /// An action item agreed in a 1:1.
    ActionItemId
);

id_type!(
    /// An organisation's round of review conversations.
    ReviewCycleId
);

id_type!(
    /// A moment of a review cycle.
    MomentId
);

id_type!(
    /// A document on a person, a goal or an evaluation.
    DocumentId
);

id_type!(
    /// A question form of review moments.
    ReviewFormId
);

id_type!(
    /// A question of a review form.
    QuestionId
);

id_type!(
    /// A private note.
    NoteId
);

id_type!(
    /// Someone asked to review an employee at a moment of a review cycle.
    NominationId
);

id_type!(
    /// An organisation the processor works with (DPA 4).
    SubProcessorId
);

id_type!(
    /// An incident in the processor's breach register (DPA 7).
    BreachId
);

id_type!(
    /// A data subject's request that reached the processor (DPA 3.G, 8.C).
    RightsRequestId
);

id_type!(
    /// An engagement survey (issue 9).
    SurveyId
);

id_type!(
    /// A question of an engagement survey.
    SurveyQuestionId
);

id_type!(
    /// One run of a survey, from its opening to its closing.
    SurveyRoundId
);

id_type!(
    /// One anonymous answer to a survey question; comments are replied to by it.
    SurveyAnswerId
);
