//! Goal templates (issue 5): admins define a personal goal once and give it
//! to everyone in a unit or with a function.

pub mod api;
pub mod pages;
