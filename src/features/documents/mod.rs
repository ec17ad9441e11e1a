//! Documents (issue 10) on a goal's page and an evaluation's page, and a
//! person's own on `/people/{id}/documents`: one `Documents` section,
//! given what they hang on.
//! Files go up and come down outside the server functions, as streams
//! (`server::downloads::documents`); listing and deleting are server
//! functions.

pub mod api;
mod component;
mod page;
mod transfer;

pub use component::Documents;
pub use page::PersonDocumentsPage;
