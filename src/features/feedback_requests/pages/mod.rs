mod answer;
mod external;
mod list;
mod new;

pub use answer::AnswerRequestPage;
pub use external::{ExternalFeedbackPage, FeedbackThanksPage};
pub use list::FeedbackRequestsPage;
pub use new::AskFeedbackPage;
