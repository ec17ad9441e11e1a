//! `/reviews`: the evaluations one takes part in — one's own at each moment
//! that has opened and, for a manager, those of their people — with how
//! far each is and whether it waits for the viewer.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::dto::{EvaluationSummary, ReviewRequest};
use crate::features::account::components::RequireSignIn;
use crate::features::evaluations::api::{list_my_evaluations, list_review_requests};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn EvaluationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let shown = Resource::new(|| (), |_| list_my_evaluations());
    let asked = Resource::new(|| (), |_| list_review_requests());
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
                <h2>{i18n.t(Key::PeerReviewsAskedOfYou)}</h2>
                <Transition>
                    {move || Suspend::new(async move {
                        match asked.await {
                            Ok(list) => requests(i18n, list).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn requests(i18n: I18n, list: Vec<ReviewRequest>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="hint">{i18n.t(Key::PeerReviewsNoneAsked)}</p> }.into_any();
    }
    let items = list
        .into_iter()
        .map(|r| {
            let values = [
                ("person", r.employee.name.as_str()),
                ("moment", i18n.t(r.kind.label_key())),
                ("date", r.closes_on.as_str()),
            ];
            let line = i18n.format(Key::PeerReviewsRequestLine, &values);
            view! {
                <li>
                    <A href=format!("/reviews/give/{}", r.nomination)>{line}</A>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="panel-list" id="review-requests">{items}</ul> }.into_any()
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
