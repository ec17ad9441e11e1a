//! A goal in a list: its title (a link to it), kind, whose, status,
//! progress and due date.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::dto::Goal;
use crate::i18n::{Key, use_i18n};

#[component]
pub fn GoalSummary(goal: Goal, #[prop(optional)] depth: u32) -> impl IntoView {
    let i18n = use_i18n();
    let progress = i18n.format(Key::GoalsProgressOf, &[("progress", &goal.progress.to_string())]);
    let whose = goal
        .owner
        .as_ref()
        .map(|owner| owner.name.clone())
        .or_else(|| goal.unit.as_ref().map(|(_, unit)| unit.clone()))
        .unwrap_or_else(|| i18n.t(Key::GoalsWholeOrganisation).to_owned());
    let due = goal.due_on.clone().map(|due| i18n.format(Key::GoalsDue, &[("date", &due)]));
    let aligned =
        goal.parent.clone().map(|parent| i18n.format(Key::GoalsAlignedTo, &[("goal", &parent.title)]));
    let style = format!("margin-left: {}rem", depth * 2);
    view! {
        <li class="goal-summary" style=style>
            <A href=format!("/goals/{}", goal.id)>{goal.title.clone()}</A>
            <span class="hint">{i18n.t(goal.kind.label_key())}</span>
            <span class="hint">{whose}</span>
            <span class=format!("badge status-{}", goal.status.code())>{i18n.t(goal.status.label_key())}</span>
            <progress max="100" value=goal.progress aria-label=progress.clone()></progress>
            <span class="hint">{progress}</span>
            {due.map(|due| view! { <span class="hint">{due}</span> })}
            {aligned.map(|aligned| view! { <span class="hint">{aligned}</span> })}
        </li>
    }
}

/// A GET form choosing the year of the page at `action`; `id` names its select.
pub fn year_filter(action: &'static str, id: &'static str, year: i32) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="get" action=action class="filter-form">
            <label for=id>{i18n.t(Key::GoalsYear)}</label>
            <select id=id name="year">{year_options(year)}</select>
            <button type="submit">{i18n.t(Key::PeopleApply)}</button>
        </form>
    }
}

/// The year before, this one and the two after, around `year`, for a select.
pub fn year_options(year: i32) -> impl IntoView {
    (year - 1..=year + 2)
        .map(|option| view! { <option value=option.to_string() selected=option == year>{option}</option> })
        .collect_view()
}
