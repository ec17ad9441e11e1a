//! Engagement surveys (issue 9): admins build and run them, employees
//! answer anonymously, managers and admins read results as far as the
//! anonymity engine allows, and comment conversations keep the author
//! anonymous.

pub mod api;
pub mod pages;
