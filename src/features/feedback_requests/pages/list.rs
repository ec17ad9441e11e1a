//! `/feedback/requests`: the requests waiting for one's answer, and one's
//! own requests with where each person asked stands; open requests can be
//! reminded of or withdrawn.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::dto::{Asked, AskedState, FeedbackRequest, RequestToAnswer};
use crate::features::account::components::RequireSignIn;
use crate::features::feedback_requests::api::{
    RemindFeedbackRequest, WithdrawFeedbackRequest, list_feedback_requests,
};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn FeedbackRequestsPage() -> impl IntoView {
    let i18n = use_i18n();
    let remind = ServerAction::<RemindFeedbackRequest>::new();
    let withdraw = ServerAction::<WithdrawFeedbackRequest>::new();
    let shown = Resource::new(
        move || (remind.version().get(), withdraw.version().get()),
        |_| list_feedback_requests(),
    );
    let outcome = move || {
        let reminded = remind.value().get().map(|result| match result {
            Ok(0) => view! { <p role="status">{i18n.t(Key::FeedbackRequestsRemindedNone)}</p> }.into_any(),
            Ok(count) => {
                let text = i18n.format(Key::FeedbackRequestsRemindedCount, &[("count", &count.to_string())]);
                view! { <p role="status">{text}</p> }.into_any()
            }
            Err(error) => view! { <ErrorMessage error/> }.into_any(),
        });
        let refused =
            withdraw.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> });
        (reminded, refused)
    };
    view! {
        <Title text=i18n.t(Key::FeedbackRequestsTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/feedback">{i18n.t(Key::FeedbackTitle)}</A></p>
                <h1>{i18n.t(Key::FeedbackRequestsTitle)}</h1>
                <p>{i18n.t(Key::FeedbackRequestsIntro)}</p>
                <p><A href="/feedback/requests/new" attr:class="button-primary">{i18n.t(Key::FeedbackRequestsNew)}</A></p>
                {outcome}
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok(requests) => view! {
                                <h2>{i18n.t(Key::FeedbackRequestsToAnswer)}</h2>
                                {waiting(i18n, requests.to_answer)}
                                <h2>{i18n.t(Key::FeedbackRequestsMine)}</h2>
                                {mine(i18n, requests.mine, remind, withdraw)}
                            }
                                .into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn waiting(i18n: I18n, requests: Vec<RequestToAnswer>) -> impl IntoView {
    if requests.is_empty() {
        return view! { <p>{i18n.t(Key::FeedbackRequestsToAnswerEmpty)}</p> }.into_any();
    }
    let items = requests
        .into_iter()
        .map(|request| {
            let text = i18n.format(
                Key::FeedbackRequestsAsksYou,
                &[("person", &request.requester.name), ("date", &request.deadline)],
            );
            view! {
                <li class="inline-pair">
                    <span>{text}</span>
                    <A href=format!("/feedback/requests/{}/answer", request.asked)>{i18n.t(Key::FeedbackRequestsAnswer)}</A>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="request-list" id="requests-to-answer">{items}</ul> }.into_any()
}

fn mine(
    i18n: I18n,
    requests: Vec<FeedbackRequest>,
    remind: ServerAction<RemindFeedbackRequest>,
    withdraw: ServerAction<WithdrawFeedbackRequest>,
) -> impl IntoView {
    if requests.is_empty() {
        return view! { <p>{i18n.t(Key::FeedbackRequestsMineEmpty)}</p> }.into_any();
    }
    let cards =
        requests.into_iter().map(|request| request_card(i18n, request, remind, withdraw)).collect_view();
    view! { <ul class="feedback-list" id="my-requests">{cards}</ul> }.into_any()
}

fn request_card(
    i18n: I18n,
    request: FeedbackRequest,
    remind: ServerAction<RemindFeedbackRequest>,
    withdraw: ServerAction<WithdrawFeedbackRequest>,
) -> impl IntoView {
    let asked_at =
        i18n.format(Key::FeedbackRequestsAskedAt, &[("at", &request.asked_at), ("date", &request.deadline)]);
    let state = if request.withdrawn {
        Some(Key::FeedbackRequestsWithdrawn)
    } else {
        (!request.open).then_some(Key::FeedbackRequestsClosed)
    };
    let state = state.map(|key| view! { <span class="badge">{i18n.t(key)}</span> });
    let questions =
        request.questions.into_iter().map(|question| view! { <li>{question}</li> }).collect_view();
    let asked = request.asked.into_iter().map(|person| asked_line(i18n, person)).collect_view();
    let id = request.id.to_string();
    let actions = request.open.then(move || {
        let (remind_id, withdraw_id) = (id.clone(), id);
        view! {
            <div class="row-actions">
                <ActionForm action=remind>
                    <input type="hidden" name="request" value=remind_id.clone()/>
                    <button type="submit" class="button-primary">{i18n.t(Key::FeedbackRequestsRemind)}</button>
                </ActionForm>
                <ActionForm action=withdraw>
                    <input type="hidden" name="request" value=withdraw_id.clone()/>
                    <button type="submit" class="button-danger">{i18n.t(Key::FeedbackRequestsWithdraw)}</button>
                </ActionForm>
            </div>
            <p class="hint">{i18n.t(Key::FeedbackRequestsWithdrawHint)}</p>
        }
    });
    view! {
        <li class="feedback-card">
            <p class="feedback-meta">
                <span class="hint">{asked_at}</span>
                {state}
            </p>
            <ol>{questions}</ol>
            <ul class="asked-list">{asked}</ul>
            {actions}
        </li>
    }
}

fn asked_line(i18n: I18n, person: Asked) -> impl IntoView {
    let state = match person.state {
        AskedState::Waiting => Key::FeedbackRequestsWaiting,
        AskedState::Answered => Key::FeedbackRequestsAnswered,
        AskedState::Closed => Key::FeedbackRequestsUnanswered,
    };
    let name = match person.email {
        Some(email) => format!("{} <{email}>", person.name),
        None => person.name,
    };
    let reminded = person.reminded.map(
        |at| view! { <span class="hint">{i18n.format(Key::FeedbackRequestsReminded, &[("at", &at)])}</span> },
    );
    view! {
        <li class="inline-pair">
            <span>{name}</span>
            <span class="badge">{i18n.t(state)}</span>
            {reminded}
        </li>
    }
}
