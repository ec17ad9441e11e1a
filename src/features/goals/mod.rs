//! Goals (issue 5): `/goals` (mine, by year and status, with the goal
//! plan), `/goals/organisation` (the organisation's and units' goals),
//! `/goals/new`, `/goals/{id}` (a goal with its check-ins) and its edit
//! page, and `/team/goals` (a manager's reports and their plans).

pub mod api;
pub mod components;
pub mod pages;
