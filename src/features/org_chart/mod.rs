//! `/org` and `/team`: the org chart everyone sees, level by level and
//! searchable, and a manager's own team.

pub mod api;
pub mod pages;
