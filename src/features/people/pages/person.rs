//! `/admin/people/{id}`: one person — sign-in name, language, status and
//! roles, their units, who manages them, and an explicit manager when the
//! structure does not tell (a matrix manager).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::AppError;
use crate::domain::dto::{AccountStatus, PersonDetails};
use crate::domain::ids::UserId;
use crate::features::account::components::RequireSignIn;
use crate::features::dashboard::role_name;
use crate::features::people::api::{SetManagerOverride, person_with_placement};
use crate::i18n::{Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn PersonPage() -> impl IntoView {
    let i18n = use_i18n();
    let set_override = ServerAction::<SetManagerOverride>::new();
    let id = move || use_params_map().with(|params| params.get("id")).unwrap_or_default();
    let person = Resource::new(
        move || (id(), set_override.version().get()),
        |(id, _)| async move {
            let id = id.parse::<uuid::Uuid>().map_err(|_| AppError::NotFound)?;
            person_with_placement(UserId(id)).await
        },
    );
    view! {
        <Title text=i18n.t(Key::PeopleTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <p>
                    <A href="/admin/people">{i18n.t(Key::PeopleBack)}</A>
                </p>
                {move || set_override.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
                <Transition>
                    {move || Suspend::new(async move {
                        match person.await {
                            Ok(details) => page(details, set_override).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn page(details: PersonDetails, set_override: ServerAction<SetManagerOverride>) -> impl IntoView {
    let i18n = use_i18n();
    let person = details.summary.clone();
    let (name, user) = (person.name.clone(), person.id.to_string());
    let sign_in_name = person.email.clone().or(person.username.clone()).unwrap_or_default();
    let status = i18n.t(match person.status {
        AccountStatus::Invited => Key::PeopleStatusInvited,
        AccountStatus::Active => Key::PeopleStatusActive,
        AccountStatus::Deactivated => Key::PeopleStatusDeactivated,
    });
    let roles: Vec<&str> = person.roles.held().into_iter().map(|role| role_name(i18n, role)).collect();
    let language = i18n.t(if details.language == "en" { Key::LanguageEn } else { Key::LanguageNl });
    let units: Vec<_> = details
        .units
        .iter()
        .map(|(unit, primary)| {
            let (href, name) = (format!("/admin/structure/{}", unit.id), unit.name.clone());
            let primary =
                primary.then(|| view! { <span class="badge">{i18n.t(Key::StructurePrimary)}</span> });
            view! { <li><A href=href>{name}</A>{primary}</li> }
        })
        .collect();
    let managers = details.managers.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ");
    let current = details.manager_override.as_ref().map(|m| m.id.to_string()).unwrap_or_default();
    let options: Vec<_> = details
        .candidates
        .iter()
        .map(|candidate| {
            let value = candidate.id.to_string();
            let selected = value == current;
            view! { <option value=value selected=selected>{candidate.name.clone()}</option> }
        })
        .collect();
    let by_structure = current.is_empty();
    view! {
        <h1>{name}</h1>
        <dl class="facts">
            <dt>{i18n.t(Key::PeopleSignInName)}</dt>
            <dd>{sign_in_name}</dd>
            <dt>{i18n.t(Key::PeopleStatus)}</dt>
            <dd>{status}</dd>
            <dt>{i18n.t(Key::PeopleRoles)}</dt>
            <dd>{roles.join(", ")}</dd>
            <dt>{i18n.t(Key::PeopleLanguage)}</dt>
            <dd>{language}</dd>
            <dt>{i18n.t(Key::PeopleManagers)}</dt>
            <dd id="current-managers">{if managers.is_empty() { i18n.t(Key::PeopleNoManager).to_owned() } else { managers }}</dd>
        </dl>
        <section aria-labelledby="person-units-title">
            <h2 id="person-units-title">{i18n.t(Key::PeopleUnits)}</h2>
            {if units.is_empty() {
                view! { <p>{i18n.t(Key::PeopleNoUnits)}</p> }.into_any()
            } else {
                view! { <ul class="people-list">{units}</ul> }.into_any()
            }}
        </section>
        <section aria-labelledby="person-manager-title">
            <h2 id="person-manager-title">{i18n.t(Key::PeopleManagerOverride)}</h2>
            <p>{i18n.t(Key::PeopleManagerOverrideIntro)}</p>
            <ActionForm action=set_override attr:class="inline-form">
                <input type="hidden" name="user" value=user/>
                <label for="manager-override" class="visually-hidden">{i18n.t(Key::PeopleManagerOverride)}</label>
                <select id="manager-override" name="manager">
                    <option value="" selected=by_structure>{i18n.t(Key::PeopleByStructure)}</option>
                    {options}
                </select>
                <button type="submit">{i18n.t(Key::StructureSave)}</button>
            </ActionForm>
        </section>
    }
}
