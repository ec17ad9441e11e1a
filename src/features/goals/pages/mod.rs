use leptos::prelude::*;

mod edit;
mod goal;
mod list;
mod new;
mod organisation;
mod team;
mod units;

pub use edit::EditGoalPage;
pub use goal::GoalPage;
pub use list::GoalsPage;
pub use new::NewGoalPage;
pub use organisation::OrganisationGoalsPage;
pub use team::TeamGoalsPage;
pub use units::UnitGoalsPage;

/// A number from the address, 0 when it is missing or not one.
fn query_number(name: &str) -> i32 {
    leptos_router::hooks::use_query_map().get_untracked().get(name).and_then(|v| v.parse().ok()).unwrap_or(0)
}
