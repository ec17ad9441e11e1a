//! `/privacy/support-access`: grant, follow and end support access.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::AppError;
use crate::domain::dto::{SUPPORT_HOURS, SupportGrantState, SupportGrantView};
use crate::features::account::components::RequireSignIn;
use crate::features::support_access::api::{EndSupportAccess, GrantSupportAccess, support_grants};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, successes};

#[component]
pub fn SupportAccessPage() -> impl IntoView {
    let i18n = use_i18n();
    let grant = ServerAction::<GrantSupportAccess>::new();
    let end = ServerAction::<EndSupportAccess>::new();
    let changed = successes(move || [grant.value().get(), end.value().get()]);
    let grants = Resource::new(move || changed.get(), |_| support_grants());
    let error: Signal<Option<AppError>> = Signal::derive(move || grant.value().get().and_then(Result::err));
    let end_error: Signal<Option<AppError>> = Signal::derive(move || end.value().get().and_then(Result::err));
    let hours = move || {
        SUPPORT_HOURS
            .iter()
            .map(|hours| {
                let label = i18n.format(Key::SupportAccessHoursOption, &[("hours", &hours.to_string())]);
                view! { <option value=hours.to_string() selected=*hours == 4>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <Title text=i18n.t(Key::SupportAccessTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::SupportAccessTitle)}</h1>
                <p>{i18n.t(Key::SupportAccessIntro)}</p>
                <ActionForm action=grant attr:class="form" attr:id="support-grant">
                    <label for="support-case">{i18n.t(Key::SupportAccessCase)}</label>
                    <input id="support-case" name="form[case_reference]" type="text"/>
                    <FieldError error field="case_reference"/>
                    <label for="support-hours">{i18n.t(Key::SupportAccessHours)}</label>
                    <select id="support-hours" name="form[hours]">{hours()}</select>
                    <FieldError error field="hours"/>
                    <FormError error/>
                    <button type="submit" class="button-primary">{i18n.t(Key::SupportAccessGrant)}</button>
                </ActionForm>
                <h2>{i18n.t(Key::SupportAccessGrants)}</h2>
                <FieldError error=end_error field="grant"/>
                <Transition>
                    {move || Suspend::new(async move {
                        match grants.await {
                            Ok(grants) => grant_list(i18n, grants, end).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn grant_list(
    i18n: I18n,
    grants: Vec<SupportGrantView>,
    end: ServerAction<EndSupportAccess>,
) -> impl IntoView {
    if grants.is_empty() {
        return view! { <p>{i18n.t(Key::SupportAccessNone)}</p> }.into_any();
    }
    let rows = grants
        .into_iter()
        .map(|grant| {
            let state = match grant.state {
                SupportGrantState::Active => {
                    i18n.format(Key::SupportAccessActiveUntil, &[("until", &grant.until)])
                }
                SupportGrantState::Ended => i18n.format(Key::SupportAccessEndedAt, &[("at", &grant.until)]),
                SupportGrantState::Expired => {
                    i18n.format(Key::SupportAccessExpiredAt, &[("at", &grant.until)])
                }
            };
            let end_button = (grant.state == SupportGrantState::Active).then(|| {
                view! {
                    <ActionForm action=end>
                        <input type="hidden" name="id" value=grant.id.to_string()/>
                        <button type="submit" class="button-danger">{i18n.t(Key::SupportAccessEnd)}</button>
                    </ActionForm>
                }
            });
            view! {
                <tr>
                    <td>{grant.case_reference}</td>
                    <td>{grant.granted_by}</td>
                    <td>{grant.granted_at}</td>
                    <td>{state}</td>
                    <td>{end_button}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
        <table class="data-table">
            <thead>
                <tr>
                    <th scope="col">{i18n.t(Key::SupportAccessCase)}</th>
                    <th scope="col">{i18n.t(Key::SupportAccessGrantedBy)}</th>
                    <th scope="col">{i18n.t(Key::SupportAccessGrantedAt)}</th>
                    <th scope="col">{i18n.t(Key::SupportAccessState)}</th>
                    <th scope="col"><span class="visually-hidden">{i18n.t(Key::SupportAccessEnd)}</span></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
    }
    .into_any()
}
