//! `/team/goals`: a manager's reports with how their goals of a year stand
//! and where their goal plans are; each opens the report's goals.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::dto::ReportGoals;
use crate::features::account::components::RequireSignIn;
use crate::features::goals::api::team_goals;
use crate::features::goals::components::year_filter;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn TeamGoalsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let year = move || query.with(|q| q.get("year").and_then(|y| y.parse().ok()).unwrap_or(0));
    let team = Resource::new(year, team_goals);
    view! {
        <Title text=i18n.t(Key::GoalsTeamTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::GoalsTeamTitle)}</h1>
                <Transition>
                    {move || Suspend::new(async move {
                        match team.await {
                            Ok((year, reports)) => page(i18n, year, reports).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn page(i18n: I18n, year: i32, reports: Vec<ReportGoals>) -> impl IntoView {
    let rows = reports
        .into_iter()
        .map(|report| {
            let plan = report.approval_required.then(|| i18n.t(report.plan.label_key()));
            let attention = (report.goals == 0 || report.behind > 0).then(|| {
                let note = if report.goals == 0 { Key::GoalsNoGoals } else { Key::GoalsSomeBehind };
                view! { <span class="badge status-behind">{i18n.t(note)}</span> }
            });
            view! {
                <tr>
                    <td><A href=format!("/goals?owner={}&year={year}", report.person.id)>{report.person.name}</A>{attention}</td>
                    <td>{report.goals}</td>
                    <td>{report.behind}</td>
                    <td>{i18n.format(Key::GoalsProgressOf, &[("progress", &report.average_progress.to_string())])}</td>
                    <td>{plan}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {year_filter("/team/goals", "team-goals-year", year)}
        <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::PeopleName)}</th>
                        <th scope="col">{i18n.t(Key::GoalsCount)}</th>
                        <th scope="col">{i18n.t(Key::GoalsBehindCount)}</th>
                        <th scope="col">{i18n.t(Key::GoalsAverageProgress)}</th>
                        <th scope="col">{i18n.t(Key::GoalsPlan)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
