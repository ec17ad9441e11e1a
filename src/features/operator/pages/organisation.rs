//! `/operator/organisations/{id}`: an organisation's contract details, its
//! signature under the processing agreement, as recorded, the end of its
//! contract (DPA 8) and, under an admin's grant, its accounts (DPA 6).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::domain::dto::OrganisationDetails;
use crate::domain::ids::OrgId;
use crate::features::account::components::RequireSignIn;
use crate::features::operator::api::organisation;
use crate::features::operator::pages::contract::{ContractActions, contract_section};
use crate::features::support_access::components::SupportSection;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, successes};

#[component]
pub fn OrganisationPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = move || use_params_map().with(|p| p.get("id")).and_then(|id| id.parse::<uuid::Uuid>().ok());
    let actions = ContractActions { end: ServerAction::new(), postpone: ServerAction::new() };
    let changed = successes(move || [actions.end.value().get(), actions.postpone.value().get()]);
    let details = Resource::new(
        move || (id(), changed.get()),
        |(id, _)| async move {
            match id {
                Some(id) => organisation(OrgId(id)).await,
                None => Err(crate::domain::AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=i18n.t(Key::OperatorTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <Suspense>
                    {move || Suspend::new(async move {
                        match details.await {
                            Ok(details) => facts(i18n, details, actions).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Suspense>
            }
        }/>
    }
}

fn facts(i18n: I18n, o: OrganisationDetails, actions: ContractActions) -> impl IntoView {
    let languages = o
        .languages
        .iter()
        .filter_map(|code| crate::i18n::Lang::from_code(code))
        .map(|lang| i18n.t(lang.name_key()))
        .collect::<Vec<_>>()
        .join(", ");
    let signature = match o.signature {
        Some(s) => view! {
            <dl class="facts">
                <dt>{i18n.t(Key::OperatorAgreementVersion)}</dt>
                <dd>{s.agreement_version}</dd>
                <dt>{i18n.t(Key::OnboardingSignerName)}</dt>
                <dd>{s.signer_name}</dd>
                <dt>{i18n.t(Key::OnboardingSignerFunction)}</dt>
                <dd>{s.signer_function}</dd>
                <dt>{i18n.t(Key::OnboardingSignedOn)}</dt>
                <dd>{s.signed_on}</dd>
                <dt>{i18n.t(Key::OnboardingSignedAt)}</dt>
                <dd>{s.signed_at}</dd>
                <dt>{i18n.t(Key::OperatorRecorded)}</dt>
                <dd>{i18n.format(Key::OperatorRecordedBy, &[("at", &s.recorded_at), ("name", &s.recorded_by)])}</dd>
            </dl>
        }
            .into_any(),
        None => view! { <p>{i18n.t(Key::OperatorNoSignature)}</p> }.into_any(),
    };
    view! {
        <h1>{o.name}</h1>
        <section aria-labelledby="contract-title">
            <h2 id="contract-title">{i18n.t(Key::OnboardingOrganisation)}</h2>
            <dl class="facts">
                <dt>{i18n.t(Key::OnboardingKvkNumber)}</dt>
                <dd>{o.kvk_number}</dd>
                <dt>{i18n.t(Key::OnboardingAddress)}</dt>
                <dd>{o.address}</dd>
                <dt>{i18n.t(Key::OnboardingRepresentative)}</dt>
                <dd>{o.representative}</dd>
                <dt>{i18n.t(Key::OnboardingContractStart)}</dt>
                <dd>{o.contract_start.unwrap_or_default()}</dd>
                <dt>{i18n.t(Key::OnboardingLanguages)}</dt>
                <dd>{languages}</dd>
                <dt>{i18n.t(Key::OnboardingPrivacyContact)}</dt>
                <dd>{format!("{} <{}>", o.privacy_contact_name, o.privacy_contact_email)}</dd>
            </dl>
        </section>
        <section aria-labelledby="signature-title">
            <h2 id="signature-title">{i18n.t(Key::OnboardingSignature)}</h2>
            {signature}
        </section>
        {contract_section(i18n, o.id, o.contract, o.declaration, actions)}
        <SupportSection org=o.id/>
    }
}
