mod calibration;
mod evaluation;
mod give;
mod list;
mod progress;
mod talent;

pub use calibration::CalibrationPage;
pub use evaluation::EvaluationPage;
pub use give::{ExternalReviewPage, GiveReviewPage, ReviewThanksPage};
pub use list::EvaluationsPage;
pub use progress::ReviewProgressPage;
pub use talent::TalentPage;
