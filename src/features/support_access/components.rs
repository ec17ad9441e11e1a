//! The support-access section of the operator's organisation page: the
//! accounts while a grant holds, and otherwise that there is none.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::SupportView;
use crate::domain::ids::OrgId;
use crate::features::support_access::api::support_accounts;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::ErrorMessage;

/// Asks for the accounts only when the operator opens the section: every
/// look under a grant is audit-logged for the organisation.
#[component]
pub fn SupportSection(org: OrgId) -> impl IntoView {
    let i18n = use_i18n();
    let look = Action::new(move |_: &()| support_accounts(org));
    view! {
        <section aria-labelledby="support-title" id="support-access">
            <h2 id="support-title">{i18n.t(Key::SupportAccessTitle)}</h2>
            <p>{i18n.t(Key::SupportAccessOperatorIntro)}</p>
            <button type="button" on:click=move |_| { look.dispatch(()); }>{i18n.t(Key::SupportAccessLook)}</button>
            {move || match look.value().get() {
                None => ().into_any(),
                Some(Ok(view)) => accounts(i18n, view).into_any(),
                Some(Err(AppError::Forbidden)) => view! { <p role="status">{i18n.t(Key::SupportAccessNoGrant)}</p> }.into_any(),
                Some(Err(error)) => view! { <ErrorMessage error/> }.into_any(),
            }}
        </section>
    }
}

fn accounts(i18n: I18n, view: SupportView) -> impl IntoView {
    let granted =
        i18n.format(Key::SupportAccessGranted, &[("case", &view.case_reference), ("until", &view.until)]);
    let rows = view
        .people
        .into_iter()
        .map(|person| {
            let sign_in = person.email.clone().or(person.username.clone()).unwrap_or_default();
            let roles: Vec<&str> = person
                .roles
                .held()
                .into_iter()
                .map(|role| crate::features::dashboard::role_name(i18n, role))
                .collect();
            view! {
                <tr>
                    <td>{person.name}</td>
                    <td>{sign_in}</td>
                    <td>{roles.join(", ")}</td>
                    <td>{i18n.t(person.status.label_key())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p role="status">{granted}</p>
        <div class="table-scroll">
        <table class="data-table">
            <thead>
                <tr>
                    <th scope="col">{i18n.t(Key::PeopleName)}</th>
                    <th scope="col">{i18n.t(Key::SupportAccessSignIn)}</th>
                    <th scope="col">{i18n.t(Key::SupportAccessRoles)}</th>
                    <th scope="col">{i18n.t(Key::SupportAccessState)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
    }
}
