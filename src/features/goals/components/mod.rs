mod goal_fields;
mod goal_summary;

pub use goal_fields::{GoalFields, develops_field, key_result_rows, visibility_field};
pub use goal_summary::{GoalSummary, year_filter, year_options};
