//! `/admin/people`: an admin invites, deactivates and reactivates the people
//! of their organisation.

pub mod api;
mod components;
pub mod pages;
mod personal_data;
