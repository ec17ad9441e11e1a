mod boxes;
mod give;
mod notes;

pub use boxes::FeedbackPage;
pub use give::GiveFeedbackPage;
pub use notes::NotesPage;
