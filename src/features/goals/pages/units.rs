//! `/admin/goals`: for admins, per unit (with the units below it) how many
//! people have how many goals of a year, how many are done, the average
//! progress, and how many performance goals are aligned to a team or
//! organisation goal. Counts only: no goal's content.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::domain::dto::UnitGoals;
use crate::features::account::components::RequireSignIn;
use crate::features::goals::api::goals_per_unit;
use crate::features::goals::components::year_filter;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn UnitGoalsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let year = move || query.with(|q| q.get("year").and_then(|y| y.parse().ok()).unwrap_or(0));
    let overview = Resource::new(year, goals_per_unit);
    view! {
        <Title text=i18n.t(Key::GoalsUnitsTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::GoalsUnitsTitle)}</h1>
                <p>{i18n.t(Key::GoalsUnitsIntro)}</p>
                <Transition>
                    {move || Suspend::new(async move {
                        match overview.await {
                            Ok((year, units)) => page(i18n, year, units).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

/// `part` of `whole` in whole percent, or a note that there are no goals.
fn share(i18n: I18n, part: u32, whole: u32) -> String {
    if whole == 0 {
        return i18n.t(Key::GoalsNoGoals).to_owned();
    }
    i18n.format(Key::GoalsProgressOf, &[("progress", &(part * 100 / whole).to_string())])
}

fn page(i18n: I18n, year: i32, units: Vec<UnitGoals>) -> impl IntoView {
    let rows = units
        .into_iter()
        .map(|unit| {
            let style = format!("padding-left: {}rem", unit.depth);
            view! {
                <tr>
                    <th scope="row" style=style>{unit.name}</th>
                    <td>{unit.people}</td>
                    <td>{unit.goals}</td>
                    <td>{share(i18n, unit.done, unit.goals)}</td>
                    <td>{i18n.format(Key::GoalsProgressOf, &[("progress", &unit.average_progress.to_string())])}</td>
                    <td>{share(i18n, unit.aligned, unit.performance_goals)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {year_filter("/admin/goals", "unit-goals-year", year)}
        <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::TeamUnit)}</th>
                        <th scope="col">{i18n.t(Key::GoalsPeople)}</th>
                        <th scope="col">{i18n.t(Key::GoalsCount)}</th>
                        <th scope="col">{i18n.t(Key::GoalsDoneShare)}</th>
                        <th scope="col">{i18n.t(Key::GoalsAverageProgress)}</th>
                        <th scope="col">{i18n.t(Key::GoalsAlignedShare)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
