//! `/operator`: the organisations of this installation.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::features::account::components::RequireSignIn;
use crate::features::operator::api::list_organisations;
use crate::features::operator::pages::contract::contract_state_label;
use crate::i18n::{Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn OrganisationsPage() -> impl IntoView {
    let i18n = use_i18n();
    // Created with the page, not inside the signed-in branch: a resource made
    // while an async block renders would run without the request's context.
    let organisations = Resource::new(|| (), |_| list_organisations());
    view! {
        <Title text=i18n.t(Key::OperatorTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::OperatorTitle)}</h1>
                <p>{i18n.t(Key::OperatorIntro)}</p>
                <p>
                    <A href="/operator/organisations/new" attr:class="button-primary">{i18n.t(Key::OperatorAdd)}</A>
                </p>
                <Suspense>
                    {move || Suspend::new(async move {
                        match organisations.await {
                            Ok(list) if list.is_empty() => view! { <p>{i18n.t(Key::OperatorEmpty)}</p> }.into_any(),
                            Ok(list) => {
                                view! {
                                    <table class="data-table">
                                        <thead>
                                            <tr>
                                                <th scope="col">{i18n.t(Key::OperatorName)}</th>
                                                <th scope="col">{i18n.t(Key::OperatorCreated)}</th>
                                                <th scope="col">{i18n.t(Key::ContractEndTitle)}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {list
                                                .into_iter()
                                                .map(|o| view! {
                                                    <tr>
                                                        <td>
                                                            <A href=format!("/operator/organisations/{}", o.id)>{o.name}</A>
                                                        </td>
                                                        <td>{o.created_on}</td>
                                                        <td>{contract_state_label(i18n, &o.contract)}</td>
                                                    </tr>
                                                })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                }
                                    .into_any()
                            }
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Suspense>
            }
        }/>
    }
}
