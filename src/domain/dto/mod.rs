//! What server functions return: plain data for the browser, never entities.

mod organisation;
mod viewer;

pub use organisation::OrganisationSummary;
pub use viewer::{Viewer, ViewerKind};
