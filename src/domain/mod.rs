//! Types shared by the server and the browser: ids, errors, validation.
//! Everything here builds for WebAssembly; nothing here touches the database.

#[macro_use]
mod coded;

pub mod anonymity;
pub mod audit;
pub mod documents;
pub mod dto;
pub mod error;
pub mod evaluations;
pub mod feedback;
pub mod goals;
pub mod ids;
pub mod notifications;
pub mod one_on_ones;
pub mod reviews;
pub mod rights;
pub mod roles;
pub mod settings;
pub mod surveys;
pub mod validation;

pub use error::AppError;
