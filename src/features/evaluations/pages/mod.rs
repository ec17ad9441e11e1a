mod evaluation;
mod list;
mod progress;

pub use evaluation::EvaluationPage;
pub use list::EvaluationsPage;
pub use progress::ReviewProgressPage;
