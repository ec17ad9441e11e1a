mod cycle;
mod cycles;
mod form;
mod forms;

pub use cycle::ReviewCyclePage;
pub use cycles::ReviewCyclesPage;
pub use form::ReviewFormPage;
pub use forms::ReviewFormsPage;
