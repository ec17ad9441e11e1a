mod answer;
mod external;
mod externals;
mod list;
mod new;

pub use answer::AnswerRequestPage;
pub use external::{ExternalFeedbackPage, FeedbackThanksPage};
pub use externals::ExternalPeoplePage;
pub use list::FeedbackRequestsPage;
pub use new::AskFeedbackPage;
