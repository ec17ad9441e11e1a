//! A list of rights requests: what, from whom, when received, and where
//! its forwarding stands against five working days; for the processor's
//! staff with the button to forward it.

use leptos::prelude::*;

use crate::domain::dto::{DeadlineState, RightsRequestView};
use crate::features::rights_inbox::api::ForwardRightsRequest;
use crate::i18n::{I18n, Key};

pub fn request_list(
    i18n: I18n,
    requests: Vec<RightsRequestView>,
    forward: Option<ServerAction<ForwardRightsRequest>>,
) -> impl IntoView + use<> {
    if requests.is_empty() {
        return view! { <p>{i18n.t(Key::RightsInboxEmpty)}</p> }.into_any();
    }
    let items = requests.into_iter().map(|request| item(i18n, request, forward)).collect_view();
    view! { <ul class="request-list" id="rights-requests">{items}</ul> }.into_any()
}

fn item(
    i18n: I18n,
    request: RightsRequestView,
    forward: Option<ServerAction<ForwardRightsRequest>>,
) -> impl IntoView + use<> {
    let state = match &request.forwarding {
        DeadlineState::Sent { at, on_time: true } => i18n.format(Key::RightsInboxStateSent, &[("date", at)]),
        DeadlineState::Sent { at, on_time: false } => {
            i18n.format(Key::RightsInboxStateSentLate, &[("date", at)])
        }
        DeadlineState::Due => i18n.t(Key::RightsInboxStateDue).to_owned(),
        DeadlineState::Overdue => i18n.t(Key::RightsInboxStateOverdue).to_owned(),
    };
    let open = matches!(request.forwarding, DeadlineState::Due | DeadlineState::Overdue);
    let button = forward.filter(|_| open).map(|action| {
        view! {
            <ActionForm action>
                <input type="hidden" name="id" value=request.id.to_string()/>
                <button type="submit" class="button-primary">{i18n.t(Key::RightsInboxForward)}</button>
            </ActionForm>
        }
    });
    view! {
        <li class="feedback-card">
            <h2>{i18n.t(request.kind.label_key())}" · "{request.organisation}</h2>
            <p class="hint">
                {i18n.format(Key::RightsInboxReceived, &[("date", &request.received_on)])}" · "
                {i18n.format(Key::RightsInboxForwardBy, &[("date", &request.forward_by)])}
            </p>
            <dl class="facts">
                <dt>{i18n.t(Key::RightsInboxRequester)}</dt>
                <dd>{request.requester}</dd>
                <dt>{i18n.t(Key::RightsInboxSummary)}</dt>
                <dd>{request.summary}</dd>
            </dl>
            <p class="notice">{state}</p>
            {button}
        </li>
    }
}
