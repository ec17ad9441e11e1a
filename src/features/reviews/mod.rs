//! Review cycles (issue 7). So far: the form editor in which admins build
//! the question forms of review moments.

pub mod api;
pub mod components;
pub mod pages;
