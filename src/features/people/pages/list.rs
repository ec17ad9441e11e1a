//! `/admin/people`: who has an account, their roles and status.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::dto::{AccountStatus, PersonSummary};
use crate::domain::roles::Role;
use crate::features::account::components::RequireSignIn;
use crate::features::dashboard::role_name;
use crate::features::people::api::{DeactivatePerson, ReactivatePerson, list_people};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn PeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    let deactivate = ServerAction::<DeactivatePerson>::new();
    let reactivate = ServerAction::<ReactivatePerson>::new();
    // Reloads the list after every change.
    let people =
        Resource::new(move || (deactivate.version().get(), reactivate.version().get()), |_| list_people());
    let action_error = move || {
        deactivate
            .value()
            .get()
            .or_else(|| reactivate.value().get())
            .and_then(Result::err)
            .map(|error| view! { <ErrorMessage error/> })
    };
    view! {
        <Title text=i18n.t(Key::PeopleTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::PeopleTitle)}</h1>
                <p>{i18n.t(Key::PeopleIntro)}</p>
                <p>
                    <A href="/admin/people/new" attr:class="button-primary">{i18n.t(Key::PeopleInvite)}</A>
                </p>
                {action_error}
                <Transition>
                    {move || Suspend::new(async move {
                        match people.await {
                            Ok(people) => view! {
                                <table class="data-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{i18n.t(Key::PeopleName)}</th>
                                            <th scope="col">{i18n.t(Key::PeopleEmail)}</th>
                                            <th scope="col">{i18n.t(Key::PeopleRoles)}</th>
                                            <th scope="col">{i18n.t(Key::PeopleStatus)}</th>
                                            <th scope="col">{i18n.t(Key::PeopleActions)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {people
                                            .into_iter()
                                            .map(|person| row(i18n, person, deactivate, reactivate))
                                            .collect_view()}
                                    </tbody>
                                </table>
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

fn row(
    i18n: I18n,
    person: PersonSummary,
    deactivate: ServerAction<DeactivatePerson>,
    reactivate: ServerAction<ReactivatePerson>,
) -> impl IntoView {
    let roles: Vec<&str> = person.roles.held().into_iter().map(|role: Role| role_name(i18n, role)).collect();
    let status = i18n.t(match person.status {
        AccountStatus::Invited => Key::PeopleStatusInvited,
        AccountStatus::Active => Key::PeopleStatusActive,
        AccountStatus::Deactivated => Key::PeopleStatusDeactivated,
    });
    let id = person.id.to_string();
    let name = person.name.clone();
    let action = match (person.is_you, person.status) {
        (true, _) => view! { <span>{i18n.t(Key::PeopleYou)}</span> }.into_any(),
        (false, AccountStatus::Deactivated) => view! {
            <ActionForm action=reactivate>
                <input type="hidden" name="user" value=id/>
                <button type="submit" aria-label=format!("{} {}", i18n.t(Key::PeopleReactivate), name)>
                    {i18n.t(Key::PeopleReactivate)}
                </button>
            </ActionForm>
        }
        .into_any(),
        (false, _) => view! {
            <ActionForm action=deactivate>
                <input type="hidden" name="user" value=id/>
                <button type="submit" aria-label=format!("{} {}", i18n.t(Key::PeopleDeactivate), name)>
                    {i18n.t(Key::PeopleDeactivate)}
                </button>
            </ActionForm>
        }
        .into_any(),
    };
    view! {
        <tr>
            <td>{person.name}</td>
            <td>{person.email.unwrap_or_default()}</td>
            <td>{roles.join(", ")}</td>
            <td>{status}</td>
            <td>{action}</td>
        </tr>
    }
}
