//! `/reviews`: the evaluations one takes part in — one's own at each moment
//! that has opened and, for a manager, those of their people — with how
//! far each is and whether it waits for the viewer.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::dto::EvaluationSummary;
use crate::features::account::components::RequireSignIn;
use crate::features::evaluations::api::list_my_evaluations;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn EvaluationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let shown = Resource::new(|| (), |_| list_my_evaluations());
    view! {
        <Title text=i18n.t(Key::EvaluationsTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::EvaluationsTitle)}</h1>
                <p>{i18n.t(Key::EvaluationsIntro)}</p>
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok(list) => table(i18n, list).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn table(i18n: I18n, list: Vec<EvaluationSummary>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p>{i18n.t(Key::EvaluationsEmpty)}</p> }.into_any();
    }
    let rows = list
        .into_iter()
        .map(|e| {
            let status = if e.overdue {
                Some(view! { <span class="badge badge-warning">{i18n.t(Key::EvaluationsOverdue)}</span> })
            } else {
                None
            };
            let waiting = e
                .waiting_for_viewer
                .then(|| view! { <span class="badge">{i18n.t(Key::EvaluationsWaitingForYou)}</span> });
            view! {
                <tr class:overdue=e.overdue>
                    <td>
                        <A href=format!("/reviews/{}/{}", e.moment, e.employee.id)>{e.employee.name}</A>
                    </td>
                    <td>{e.cycle}</td>
                    <td>{i18n.t(e.kind.label_key())}</td>
                    <td>{i18n.t(e.viewer.label_key())}</td>
                    <td>{i18n.t(e.stage.label_key())}{waiting}</td>
                    <td>{e.closes_on}{status}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table" id="evaluations">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::EvaluationsPerson)}</th>
                        <th scope="col">{i18n.t(Key::EvaluationsCycle)}</th>
                        <th scope="col">{i18n.t(Key::EvaluationsMoment)}</th>
                        <th scope="col">{i18n.t(Key::EvaluationsPart)}</th>
                        <th scope="col">{i18n.t(Key::EvaluationsStage)}</th>
                        <th scope="col">{i18n.t(Key::EvaluationsClosesOn)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
