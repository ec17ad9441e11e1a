//! `/admin/people/{id}`: one person — sign-in name, language, status and
//! roles, their units, who manages them, and an explicit manager when the
//! structure does not tell (a matrix manager).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::AppError;
use crate::domain::dto::{Offboarding, PersonDetails};
use crate::domain::ids::UserId;
use crate::features::account::components::RequireSignIn;
use crate::features::dashboard::role_name;
use crate::features::functions::api::AssignFunction;
use crate::features::people::api::{
    ErasePerson, OffboardPerson, RectifyPerson, SetManagerOverride, person_with_placement,
};
use crate::features::people::components::{RestrictionActions, rectification_section, restriction_section};
use crate::features::people::personal_data::{erased_view, personal_data_section};
use crate::i18n::{Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, successes};

#[component]
pub fn PersonPage() -> impl IntoView {
    let i18n = use_i18n();
    let set_override = ServerAction::<SetManagerOverride>::new();
    let offboard = ServerAction::<OffboardPerson>::new();
    let rectify = ServerAction::<RectifyPerson>::new();
    // Only a saved correction reloads the page: a refused one keeps what was typed.
    let rectified = successes(move || [rectify.value().get()]);
    let restriction = RestrictionActions { restrict: ServerAction::new(), lift: ServerAction::new() };
    let assign = ServerAction::<AssignFunction>::new();
    // An erased person's page is not loaded again: it shows what the erasure found.
    let erase = ServerAction::<ErasePerson>::new();
    let erased = move || erase.value().get().and_then(Result::ok);
    let id = move || use_params_map().with(|params| params.get("id")).unwrap_or_default();
    let person = Resource::new(
        move || {
            let rights_changed =
                (restriction.restrict.version().get(), restriction.lift.version().get(), rectified.get());
            (
                id(),
                set_override.version().get(),
                offboard.version().get(),
                assign.version().get(),
                rights_changed,
            )
        },
        |(id, ..)| async move {
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
                {move || erased().map(erased_view)}
                <Show when=move || erased().is_none()>
                <Transition>
                    {move || Suspend::new(async move {
                        match person.await {
                            Ok(details) => view! {
                                {page(details.clone(), set_override)}
                                {function_section(&details, assign)}
                                {rectification_section(&details, rectify)}
                                {restriction_section(&details.summary, restriction)}
                                {personal_data_section(&details.summary, erase)}
                                {offboarding(details, offboard)}
                            }
                                .into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
                </Show>
            }
        }/>
    }
}

fn page(details: PersonDetails, set_override: ServerAction<SetManagerOverride>) -> impl IntoView {
    let i18n = use_i18n();
    let person = details.summary.clone();
    let (name, user) = (person.name.clone(), person.id.to_string());
    let sign_in_name = person.email.clone().or(person.username.clone()).unwrap_or_default();
    let status = i18n.t(person.status.label_key());
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
        <p><A href=format!("/people/{user}/documents")>{i18n.t(Key::DocumentsTitle)}</A></p>
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

/// Ending someone's access for good, with the choice for their data (DPA
/// 8.D); once done, the choice is shown instead.
fn offboarding(details: PersonDetails, offboard: ServerAction<OffboardPerson>) -> impl IntoView {
    let i18n = use_i18n();
    let error: Signal<Option<AppError>> =
        Signal::derive(move || offboard.value().get().and_then(Result::err));
    if let Some(choice) = details.offboarding {
        let decided = match choice {
            Offboarding::DeleteData => i18n.t(Key::PeopleOffboardedDelete).to_owned(),
            Offboarding::TransferTo(successor) => {
                i18n.format(Key::PeopleOffboardedTransfer, &[("name", &successor.name)])
            }
        };
        return view! { <p class="notice" role="status">{decided}</p> }.into_any();
    }
    if details.summary.is_you {
        return ().into_any();
    }
    let successors: Vec<_> = details
        .candidates
        .iter()
        .map(|p| view! { <option value=p.id.to_string()>{p.name.clone()}</option> })
        .collect();
    view! {
        <section aria-labelledby="offboarding-title">
            <h2 id="offboarding-title">{i18n.t(Key::PeopleOffboarding)}</h2>
            <p>{i18n.t(Key::PeopleOffboardingIntro)}</p>
            <ActionForm action=offboard attr:class="form">
                <input type="hidden" name="user" value=details.summary.id.to_string()/>
                <fieldset class="radio-group">
                    <legend>{i18n.t(Key::PeopleOffboardingChoice)}</legend>
                    <label>
                        <input type="radio" name="choice" value="delete" required/>
                        {i18n.t(Key::PeopleOffboardingDelete)}
                    </label>
                    <label>
                        <input type="radio" name="choice" value="transfer"/>
                        {i18n.t(Key::PeopleOffboardingTransfer)}
                    </label>
                </fieldset>
                <FieldError error field="choice"/>
                <label for="successor">{i18n.t(Key::PeopleOffboardingSuccessor)}</label>
                <select id="successor" name="successor" aria-describedby="successor-error">
                    <option value="">{i18n.t(Key::PeopleOffboardingNobody)}</option>
                    {successors}
                </select>
                <FieldError error field="successor"/>
                <FormError error/>
                <button type="submit" class="button-danger">{i18n.t(Key::PeopleOffboardingSubmit)}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// The person's job function, chosen from the organisation's list.
fn function_section(details: &PersonDetails, assign: ServerAction<AssignFunction>) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let current = details.function.map(|f| f.to_string()).unwrap_or_default();
    let none = current.is_empty();
    let options: Vec<_> = details
        .functions
        .iter()
        .map(|function| {
            let value = function.id.to_string();
            let selected = value == current;
            view! { <option value=value selected=selected>{function.name(i18n.lang).to_owned()}</option> }
        })
        .collect();
    let user = details.summary.id.to_string();
    view! {
        <section aria-labelledby="person-function-title">
            <h2 id="person-function-title">{i18n.t(Key::PeopleFunction)}</h2>
            {move || assign.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
            <ActionForm action=assign attr:class="inline-form">
                <input type="hidden" name="user" value=user/>
                <label for="person-function" class="visually-hidden">{i18n.t(Key::PeopleFunction)}</label>
                <select id="person-function" name="function">
                    <option value="" selected=none>{i18n.t(Key::PeopleNoFunction)}</option>
                    {options}
                </select>
                <button type="submit">{i18n.t(Key::StructureSave)}</button>
            </ActionForm>
        </section>
    }
}
