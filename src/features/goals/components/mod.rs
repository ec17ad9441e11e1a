mod goal_fields;
mod goal_summary;

pub use goal_fields::GoalFields;
pub use goal_summary::{GoalSummary, year_filter, year_options};
