//! `/goals/organisation`: the organisation's and units' goals of a year as
//! a tree, each goal below the one it is aligned to.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::dto::{Goal, GoalList};
use crate::domain::ids::GoalId;
use crate::features::account::components::RequireSignIn;
use crate::features::goals::api::list_goals;
use crate::features::goals::components::{GoalSummary, year_filter};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn OrganisationGoalsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let year = move || query.with(|q| q.get("year").and_then(|y| y.parse().ok()).unwrap_or(0));
    let goals = Resource::new(year, |year| list_goals(year, "organisation".into(), String::new()));
    view! {
        <Title text=i18n.t(Key::GoalsOrganisationTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <Transition>
                    {move || Suspend::new(async move {
                        match goals.await {
                            Ok(list) => page(i18n, list).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn page(i18n: I18n, list: GoalList) -> impl IntoView {
    let year = list.year;
    let tree = as_tree(list.goals);
    let empty = tree.is_empty();
    view! {
        <h1>{i18n.t(Key::GoalsOrganisationTitle)}</h1>
        {year_filter("/goals/organisation", "org-goals-year", year)}
        <p class="row-actions">
            <A href=format!("/goals/new?year={year}&kind=team") attr:class="button-primary">{i18n.t(Key::GoalsNew)}</A>
            <A href=format!("/goals?year={year}")>{i18n.t(Key::GoalsTitle)}</A>
        </p>
        {if empty {
            view! { <p>{i18n.t(Key::GoalsOrganisationEmpty)}</p> }.into_any()
        } else {
            view! {
                <ul class="goal-list">
                    {tree.into_iter().map(|(goal, depth)| view! { <GoalSummary goal depth/> }).collect_view()}
                </ul>
            }
                .into_any()
        }}
    }
}

/// Depth first: every goal followed by the goals aligned to it.
fn as_tree(goals: Vec<Goal>) -> Vec<(Goal, u32)> {
    let ids: Vec<GoalId> = goals.iter().map(|g| g.id).collect();
    let is_root = |goal: &Goal| goal.parent.as_ref().is_none_or(|parent| !ids.contains(&parent.id));
    let mut ordered = Vec::with_capacity(goals.len());
    let mut stack: Vec<(Goal, u32)> =
        goals.iter().filter(|g| is_root(g)).rev().cloned().map(|g| (g, 0)).collect();
    while let Some((goal, depth)) = stack.pop() {
        let id = goal.id;
        ordered.push((goal, depth));
        if ordered.len() > goals.len() {
            break;
        }
        stack.extend(
            goals
                .iter()
                .filter(|g| g.parent.as_ref().is_some_and(|p| p.id == id))
                .rev()
                .cloned()
                .map(|g| (g, depth + 1)),
        );
    }
    ordered
}
