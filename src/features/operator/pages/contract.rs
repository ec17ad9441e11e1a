//! The end of an organisation's contract in the operator console (DPA 8):
//! where it stands, the form to set the last day, the form to postpone the
//! destruction (8.B), and, once destroyed, the declaration of destruction (8.E).

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{ContractState, DeclarationView};
use crate::domain::ids::OrgId;
use crate::features::operator::api::{EndContract, PostponeDestruction};
use crate::i18n::{I18n, Key};
use crate::ui::{FieldError, FormError};

/// The two changes an operator makes to a contract's end.
#[derive(Clone, Copy)]
pub struct ContractActions {
    pub end: ServerAction<EndContract>,
    pub postpone: ServerAction<PostponeDestruction>,
}

/// A contract's state in a few words, for lists and headings.
pub fn contract_state_label(i18n: I18n, state: &ContractState) -> String {
    match state {
        ContractState::Active => i18n.t(Key::ContractEndStateActive).to_owned(),
        ContractState::Ending { on } => i18n.format(Key::ContractEndStateEnding, &[("date", on)]),
        ContractState::ReadOnly { until } => i18n.format(Key::ContractEndStateReadOnly, &[("date", until)]),
        ContractState::Destroyed { on } => i18n.format(Key::ContractEndStateDestroyed, &[("date", on)]),
    }
}

pub fn contract_section(
    i18n: I18n,
    org: OrgId,
    state: ContractState,
    declaration: Option<DeclarationView>,
    actions: ContractActions,
) -> impl IntoView + use<> {
    let label = contract_state_label(i18n, &state);
    let body = match (&state, declaration) {
        (ContractState::Destroyed { .. }, Some(declaration)) => {
            declaration_view(i18n, declaration).into_any()
        }
        (ContractState::Destroyed { .. }, None) => ().into_any(),
        (ContractState::Active, _) => end_form(i18n, org, actions.end).into_any(),
        (ContractState::Ending { .. } | ContractState::ReadOnly { .. }, _) => view! {
            {end_form(i18n, org, actions.end)}
            {postpone_form(i18n, org, actions.postpone)}
        }
        .into_any(),
    };
    view! {
        <section aria-labelledby="contract-end-title" id="contract-end">
            <h2 id="contract-end-title">{i18n.t(Key::ContractEndTitle)}</h2>
            <p class="notice">{label}</p>
            <p class="hint">{i18n.t(Key::ContractEndIntro)}</p>
            {body}
        </section>
    }
}

fn end_form(i18n: I18n, org: OrgId, end: ServerAction<EndContract>) -> impl IntoView + use<> {
    let error: Signal<Option<AppError>> = Signal::derive(move || end.value().get().and_then(Result::err));
    view! {
        <ActionForm action=end attr:class="form" attr:id="end-contract">
            <input type="hidden" name="id" value=org.to_string()/>
            <label for="contract-last-day">{i18n.t(Key::ContractEndLastDay)}</label>
            <input id="contract-last-day" name="last_day" type="date" required/>
            <FieldError error field="contract_end"/>
            <FormError error/>
            <button type="submit" class="button-danger">{i18n.t(Key::ContractEndEnd)}</button>
        </ActionForm>
    }
}

fn postpone_form(
    i18n: I18n,
    org: OrgId,
    postpone: ServerAction<PostponeDestruction>,
) -> impl IntoView + use<> {
    let error: Signal<Option<AppError>> =
        Signal::derive(move || postpone.value().get().and_then(Result::err));
    view! {
        <ActionForm action=postpone attr:class="form" attr:id="postpone-destruction">
            <p class="hint">{i18n.t(Key::ContractEndPostponeIntro)}</p>
            <input type="hidden" name="id" value=org.to_string()/>
            <label for="contract-destroy-on">{i18n.t(Key::ContractEndDestroyOn)}</label>
            <input id="contract-destroy-on" name="destroy_on" type="date" required/>
            <FieldError error field="destroy_on"/>
            <FormError error/>
            <button type="submit" class="button-primary">{i18n.t(Key::ContractEndPostpone)}</button>
        </ActionForm>
    }
}

fn declaration_view(i18n: I18n, declaration: DeclarationView) -> impl IntoView + use<> {
    let sent = match declaration.sent_to {
        Some(to) => view! {
            <dt>{i18n.t(Key::ContractEndDeclarationSentTo)}</dt>
            <dd>{to}</dd>
        }
        .into_any(),
        None => view! { <p class="hint">{i18n.t(Key::ContractEndDeclarationNotSent)}</p> }.into_any(),
    };
    let rows = declaration
        .counts
        .into_iter()
        .map(|(table, rows)| view! { <tr><td>{table}</td><td>{rows}</td></tr> })
        .collect_view();
    view! {
        <h3>{i18n.t(Key::ContractEndDeclarationTitle)}</h3>
        <p>{i18n.format(Key::ContractEndDestroyed, &[("date", &declaration.destroyed_at)])}</p>
        <dl class="facts">
            <dt>{i18n.t(Key::ContractEndLastDay)}</dt>
            <dd>{declaration.contract_end}</dd>
            <dt>{i18n.t(Key::ContractEndDeclarationKey)}</dt>
            <dd><code>{declaration.key_fingerprint}</code></dd>
            {sent}
        </dl>
        <table class="data-table" id="destroyed-rows">
            <thead>
                <tr>
                    <th scope="col">{i18n.t(Key::ContractEndTable)}</th>
                    <th scope="col">{i18n.t(Key::ContractEndRows)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
