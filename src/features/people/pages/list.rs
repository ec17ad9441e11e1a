//! `/admin/people`: who has an account, their roles and status.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::dto::{AccountStatus, JobFunction, PeopleFilter, PeopleListing, PersonSummary, UnitNode};
use crate::domain::roles::{Role, Roles};
use crate::domain::validation::encode_query_value;
use crate::features::account::components::RequireSignIn;
use crate::features::dashboard::role_name;
use crate::features::functions::api::list_functions;
use crate::features::people::api::{
    DeactivatePerson, ReactivatePerson, ResetSecondFactor, SetRoles, list_people,
};
use crate::features::structure::api::unit_tree;
use crate::features::structure::pages::indented;
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
    let query = use_query_map();
    let filter = move || {
        query.with(|q| PeopleFilter {
            q: q.get("q").unwrap_or_default(),
            status: q.get("status").unwrap_or_default(),
            unit: q.get("unit").unwrap_or_default(),
            function: q.get("function").unwrap_or_default(),
            role: q.get("role").unwrap_or_default(),
            sort: q.get("sort").unwrap_or_default(),
            page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(0),
        })
    };
    // Reloads the list after every change.
    let people = Resource::new(
        move || {
            (
                filter(),
                actions.deactivate.version().get(),
                actions.reactivate.version().get(),
                actions.set_roles.version().get(),
                actions.reset_second_factor.version().get(),
            )
        },
        |(filter, ..)| list_people(filter),
    );
    let choices = Resource::new(|| (), |_| async { (unit_tree().await, list_functions().await) });
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
                <p class="row-actions">
                    <A href="/admin/people/new" attr:class="button-primary">{i18n.t(Key::PeopleInvite)}</A>
                    <A href="/admin/people/import">{i18n.t(Key::PeopleImport)}</A>
                </p>
                {action_error}
                <Transition>
                    {move || Suspend::new(async move {
                        let (units, functions) = choices.await;
                        filter_form(filter(), units.unwrap_or_default(), functions.unwrap_or_default())
                    })}
                </Transition>
                <Transition>
                    {move || Suspend::new(async move {
                        match people.await {
                            Ok(listing) => view! {
                                <p role="status">{i18n.format(Key::PeopleCount, &[("count", &listing.total.to_string())])}</p>
                                {pages(&listing, &filter())}
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
                                        {listing.people.into_iter().map(|person| row(i18n, person, actions)).collect_view()}
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

/// The search and filters: a plain GET form, so a filtered list can be bookmarked.
fn filter_form(filter: PeopleFilter, units: Vec<UnitNode>, functions: Vec<JobFunction>) -> impl IntoView {
    let i18n = use_i18n();
    let option = move |value: &'static str, key: Key, current: &str| {
        view! { <option value=value selected=value == current>{i18n.t(key)}</option> }
    };
    let unit_options: Vec<_> = units
        .iter()
        .map(|unit| {
            let value = unit.id.to_string();
            let selected = value == filter.unit;
            view! { <option value=value selected=selected>{indented(unit)}</option> }
        })
        .collect();
    let function_options: Vec<_> = functions
        .iter()
        .map(|function| {
            let value = function.id.to_string();
            let selected = value == filter.function;
            view! { <option value=value selected=selected>{function.name(i18n.lang).to_owned()}</option> }
        })
        .collect();
    let role_option = move |role: Role, value: &'static str, current: &str| {
        view! { <option value=value selected=value == current>{role_name(i18n, role)}</option> }
    };
    view! {
        <form method="get" action="/admin/people" class="filter-form" role="search">
            <label for="people-q">{i18n.t(Key::PeopleSearch)}</label>
            <input id="people-q" name="q" type="search" value=filter.q.clone()/>
            <label for="people-status">{i18n.t(Key::PeopleStatus)}</label>
            <select id="people-status" name="status">
                {option("", Key::PeopleAll, &filter.status)}
                {option("active", Key::PeopleStatusActive, &filter.status)}
                {option("invited", Key::PeopleStatusInvited, &filter.status)}
                {option("deactivated", Key::PeopleStatusDeactivated, &filter.status)}
            </select>
            <label for="people-unit">{i18n.t(Key::TeamUnit)}</label>
            <select id="people-unit" name="unit">
                <option value="">{i18n.t(Key::PeopleAll)}</option>
                {unit_options}
            </select>
            <label for="people-function">{i18n.t(Key::PeopleFunction)}</label>
            <select id="people-function" name="function">
                <option value="">{i18n.t(Key::PeopleAll)}</option>
                {function_options}
            </select>
            <label for="people-role">{i18n.t(Key::PeopleRole)}</label>
            <select id="people-role" name="role">
                <option value="">{i18n.t(Key::PeopleAll)}</option>
                {role_option(Role::Manager, "manager", &filter.role)}
                {role_option(Role::Admin, "admin", &filter.role)}
                {role_option(Role::Auditor, "auditor", &filter.role)}
            </select>
            <label for="people-sort">{i18n.t(Key::PeopleSort)}</label>
            <select id="people-sort" name="sort">
                {option("", Key::PeopleSortName, &filter.sort)}
                {option("name_desc", Key::PeopleSortNameDesc, &filter.sort)}
                {option("newest", Key::PeopleSortNewest, &filter.sort)}
            </select>
            <button type="submit">{i18n.t(Key::PeopleApply)}</button>
        </form>
    }
}

/// Links to the previous and next page, keeping the filter.
fn pages(listing: &PeopleListing, filter: &PeopleFilter) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let last = listing.total.saturating_sub(1) / u64::from(listing.page_size.max(1));
    let href = |page: u32| {
        format!(
            "/admin/people?q={}&status={}&unit={}&function={}&role={}&sort={}&page={page}",
            encode_query_value(&filter.q),
            encode_query_value(&filter.status),
            encode_query_value(&filter.unit),
            encode_query_value(&filter.function),
            encode_query_value(&filter.role),
            encode_query_value(&filter.sort),
        )
    };
    let previous = (listing.page > 0)
        .then(|| view! { <A href=href(listing.page - 1)>{i18n.t(Key::PeoplePrevious)}</A> });
    let next = (u64::from(listing.page) < last)
        .then(|| view! { <A href=href(listing.page + 1)>{i18n.t(Key::PeopleNext)}</A> });
    let position = i18n.format(
        Key::PeoplePage,
        &[("page", &(listing.page + 1).to_string()), ("pages", &(last + 1).to_string())],
    );
    (last > 0).then(|| {
        view! {
            <nav class="pagination" aria-label=i18n.t(Key::PeoplePages)>
                {previous}
                <span>{position}</span>
                {next}
            </nav>
        }
    })
}

fn row(i18n: I18n, person: PersonSummary, actions: Actions) -> impl IntoView {
    let status = match (&person.invitation_goes_out, person.status) {
        (Some(at), AccountStatus::Invited) => i18n.format(Key::PeopleStatusScheduled, &[("at", at)]),
        (_, status) => i18n.t(status.label_key()).to_owned(),
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
            <td><A href=format!("/admin/people/{}", person.id)>{person.name}</A></td>
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
