mod form;
mod forms;

pub use form::ReviewFormPage;
pub use forms::ReviewFormsPage;
