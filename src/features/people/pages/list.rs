//! `/admin/people`: who has an account, their roles and status.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::dto::{AccountStatus, PersonSummary};
use crate::domain::roles::{Role, Roles};
use crate::features::account::components::RequireSignIn;
use crate::features::dashboard::role_name;
use crate::features::people::api::{
    DeactivatePerson, ReactivatePerson, ResetSecondFactor, SetRoles, list_people,
};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::ErrorMessage;

/// The changes an admin can make from the list.
#[derive(Clone, Copy)]
struct Actions {
    deactivate: ServerAction<DeactivatePerson>,
    reactivate: ServerAction<ReactivatePerson>,
    set_roles: ServerAction<SetRoles>,
    reset_second_factor: ServerAction<ResetSecondFactor>,
}

#[component]
pub fn PeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    let actions = Actions {
        deactivate: ServerAction::new(),
        reactivate: ServerAction::new(),
        set_roles: ServerAction::new(),
        reset_second_factor: ServerAction::new(),
    };
    // Reloads the list after every change.
    let people = Resource::new(
        move || {
            (
                actions.deactivate.version().get(),
                actions.reactivate.version().get(),
                actions.set_roles.version().get(),
                actions.reset_second_factor.version().get(),
            )
        },
        |_| list_people(),
    );
    let action_error = move || {
        let errors = [
            actions.deactivate.value().get().and_then(Result::err),
            actions.reactivate.value().get().and_then(Result::err),
            actions.set_roles.value().get().and_then(Result::err),
            actions.reset_second_factor.value().get().and_then(Result::err),
        ];
        errors.into_iter().flatten().next().map(|error| view! { <ErrorMessage error/> })
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
                                            <th scope="col">{i18n.t(Key::PeopleSignInName)}</th>
                                            <th scope="col">{i18n.t(Key::PeopleRoles)}</th>
                                            <th scope="col">{i18n.t(Key::PeopleStatus)}</th>
                                            <th scope="col">{i18n.t(Key::PeopleActions)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {people.into_iter().map(|person| row(i18n, person, actions)).collect_view()}
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

fn row(i18n: I18n, person: PersonSummary, actions: Actions) -> impl IntoView {
    let status = match (&person.invitation_goes_out, person.status) {
        (Some(at), AccountStatus::Invited) => i18n.format(Key::PeopleStatusScheduled, &[("at", at)]),
        (_, status) => i18n
            .t(match status {
                AccountStatus::Invited => Key::PeopleStatusInvited,
                AccountStatus::Active => Key::PeopleStatusActive,
                AccountStatus::Deactivated => Key::PeopleStatusDeactivated,
            })
            .to_owned(),
    };
    let id = person.id.to_string();
    let roles = roles_form(i18n, id.clone(), person.name.clone(), person.roles, actions.set_roles);
    let action = match (person.is_you, person.status) {
        (true, _) => view! { <span>{i18n.t(Key::PeopleYou)}</span> }.into_any(),
        (false, AccountStatus::Deactivated) => {
            let label = format!("{} {}", i18n.t(Key::PeopleReactivate), person.name);
            view! {
                <ActionForm action=actions.reactivate>
                    <input type="hidden" name="user" value=id/>
                    <button type="submit" aria-label=label>{i18n.t(Key::PeopleReactivate)}</button>
                </ActionForm>
            }
            .into_any()
        }
        (false, _) => {
            let label = format!("{} {}", i18n.t(Key::PeopleDeactivate), person.name);
            view! {
                <ActionForm action=actions.deactivate>
                    <input type="hidden" name="user" value=id/>
                    <button type="submit" aria-label=label>{i18n.t(Key::PeopleDeactivate)}</button>
                </ActionForm>
            }
            .into_any()
        }
    };
    let reset = (person.has_second_factor && !person.is_you).then(|| {
        let label = format!("{} {}", i18n.t(Key::PeopleResetSecondFactor), person.name);
        view! {
            <ActionForm action=actions.reset_second_factor>
                <input type="hidden" name="user" value=person.id.to_string()/>
                <button type="submit" aria-label=label title=i18n.t(Key::PeopleResetSecondFactorHint)>
                    {i18n.t(Key::PeopleResetSecondFactor)}
                </button>
            </ActionForm>
        }
    });
    view! {
        <tr>
            <td>{person.name}</td>
            <td>{person.email.or(person.username).unwrap_or_default()}</td>
            <td>{roles}</td>
            <td>{status}</td>
            <td class="row-actions">{action}{reset}</td>
        </tr>
    }
}

/// The person's extra roles as checkboxes with a save button; every person
/// is an employee anyway.
fn roles_form(
    i18n: I18n,
    id: String,
    name: String,
    roles: Roles,
    set_roles: ServerAction<SetRoles>,
) -> impl IntoView {
    let role_box = move |role: Role, field: &'static str, held: bool| {
        view! {
            <label>
                <input type="checkbox" name=field checked=held/>
                {role_name(i18n, role)}
            </label>
        }
    };
    let save = format!("{} {name}", i18n.t(Key::PeopleSaveRoles));
    view! {
        <ActionForm action=set_roles attr:class="roles-form">
            <input type="hidden" name="user" value=id/>
            {role_box(Role::Manager, "manager", roles.manager)}
            {role_box(Role::Admin, "admin", roles.admin)}
            {role_box(Role::Auditor, "auditor", roles.auditor)}
            <button type="submit" aria-label=save>{i18n.t(Key::PeopleSave)}</button>
        </ActionForm>
    }
}
