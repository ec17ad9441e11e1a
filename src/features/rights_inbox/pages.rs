//! `/operator/rights-requests` for the processor's staff, who record and
//! forward requests there, and `/privacy/rights-requests` for an
//! organisation's admins and auditors, who read what was forwarded.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::AppError;
use crate::domain::dto::{ContractState, OrganisationSummary};
use crate::domain::rights::RightsRequestKind;
use crate::features::account::components::RequireSignIn;
use crate::features::operator::api::list_organisations;
use crate::features::rights_inbox::api::{
    ForwardRightsRequest, RecordRightsRequest, forwarded_rights_requests, rights_inbox,
};
use crate::features::rights_inbox::components::request_list;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, successes};

#[component]
pub fn RightsRequestsPage() -> impl IntoView {
    let i18n = use_i18n();
    let requests = Resource::new(|| (), |()| forwarded_rights_requests());
    view! {
        <Title text=i18n.t(Key::RightsInboxTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::RightsInboxTitle)}</h1>
                <p>{i18n.t(Key::RightsInboxIntro)}</p>
                <Suspense>
                    {move || Suspend::new(async move {
                        match requests.await {
                            Ok(requests) => request_list(i18n, requests, None).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Suspense>
            }
        }/>
    }
}

#[component]
pub fn OperatorRightsRequestsPage() -> impl IntoView {
    let i18n = use_i18n();
    let record = ServerAction::<RecordRightsRequest>::new();
    let forward = ServerAction::<ForwardRightsRequest>::new();
    let changed = successes(move || [record.value().get(), forward.value().get()]);
    let shown = Resource::new(
        move || changed.get(),
        |_| async move { Ok::<_, AppError>((rights_inbox().await?, list_organisations().await?)) },
    );
    let forward_error: Signal<Option<AppError>> =
        Signal::derive(move || forward.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::RightsInboxTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::RightsInboxTitle)}</h1>
                <p>{i18n.t(Key::RightsInboxOperatorIntro)}</p>
                <FieldError error=forward_error field="forward"/>
                <FormError error=forward_error/>
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok((requests, organisations)) => view! {
                                {request_list(i18n, requests, Some(forward))}
                                <h2>{i18n.t(Key::RightsInboxRecordTitle)}</h2>
                                {record_form(i18n, organisations, record)}
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

fn record_form(
    i18n: I18n,
    organisations: Vec<OrganisationSummary>,
    record: ServerAction<RecordRightsRequest>,
) -> impl IntoView + use<> {
    let error: Signal<Option<AppError>> = Signal::derive(move || record.value().get().and_then(Result::err));
    let organisations = organisations
        .into_iter()
        .filter(|o| !matches!(o.contract, ContractState::Destroyed { .. }))
        .map(|o| view! { <option value=o.id.to_string()>{o.name}</option> })
        .collect_view();
    let kinds = RightsRequestKind::ALL
        .iter()
        .map(|kind| view! { <option value=kind.code()>{i18n.t(kind.label_key())}</option> })
        .collect_view();
    view! {
        <ActionForm action=record attr:class="form" attr:id="record-rights-request">
            <label for="rights-org">{i18n.t(Key::RightsInboxOrganisation)}</label>
            <select id="rights-org" name="form[org]" required>
                <option value="">{i18n.t(Key::RightsInboxChooseOrganisation)}</option>
                {organisations}
            </select>
            <FieldError error field="org"/>
            <label for="rights-kind">{i18n.t(Key::RightsInboxKind)}</label>
            <select id="rights-kind" name="form[kind]" required>
                <option value="">{i18n.t(Key::RightsInboxChooseKind)}</option>
                {kinds}
            </select>
            <FieldError error field="kind"/>
            <label for="rights-requester">{i18n.t(Key::RightsInboxRequester)}</label>
            <input id="rights-requester" name="form[requester]" type="text" required/>
            <FieldError error field="requester"/>
            <label for="rights-summary">{i18n.t(Key::RightsInboxSummary)}</label>
            <textarea id="rights-summary" name="form[summary]" rows="4" required></textarea>
            <FieldError error field="summary"/>
            <label for="rights-received-on">{i18n.t(Key::RightsInboxReceivedOn)}</label>
            <input id="rights-received-on" name="form[received_on]" type="date" required/>
            <FieldError error field="received_on"/>
            <FormError error/>
            <button type="submit" class="button-primary">{i18n.t(Key::RightsInboxRecord)}</button>
        </ActionForm>
    }
}
