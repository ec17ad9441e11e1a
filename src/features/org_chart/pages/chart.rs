//! `/org`: the org chart. Each unit is a link that opens it (`?unit=`), so
//! the chart loads one level at a time, works with keyboard, screen reader
//! and without JavaScript; `?q=` searches people and units by name.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::dto::{ChartLevel, ChartSearch, ChartUnit, PersonRef};
use crate::features::account::components::RequireSignIn;
use crate::features::org_chart::api::{org_chart_level, org_chart_search};
use crate::i18n::{Key, use_i18n};
use crate::ui::ErrorMessage;

/// What the page shows: one level of the chart, or what a search found.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum Shown {
    Level(ChartLevel),
    Found(ChartSearch),
}

#[component]
pub fn OrgChartPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let unit = move || query.with(|q| q.get("unit")).unwrap_or_default();
    let search = move || query.with(|q| q.get("q")).unwrap_or_default();
    // One resource for both ways in, so a page never waits on the other.
    let shown = Resource::new(
        move || (unit(), search()),
        |(unit, query)| async move {
            if query.trim().is_empty() {
                org_chart_level(unit).await.map(Shown::Level)
            } else {
                org_chart_search(query).await.map(Shown::Found)
            }
        },
    );
    view! {
        <Title text=i18n.t(Key::OrgTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::OrgTitle)}</h1>
                <form method="get" action="/org" class="inline-form" role="search">
                    <label for="org-search" class="visually-hidden">{i18n.t(Key::OrgSearch)}</label>
                    <input id="org-search" name="q" type="search" value=search placeholder=i18n.t(Key::OrgSearch)/>
                    <button type="submit">{i18n.t(Key::OrgSearchSubmit)}</button>
                </form>
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok(Shown::Found(results)) => search_results(results).into_any(),
                            Ok(Shown::Level(level)) => chart_level(level).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn chart_level(level: ChartLevel) -> impl IntoView {
    let i18n = use_i18n();
    let crumbs: Vec<_> = level
        .path
        .iter()
        .map(|unit| {
            let (href, name) = (unit_href(unit), unit.name.clone());
            view! { <li><A href=href>{name}</A></li> }
        })
        .collect();
    let opened = level.unit.clone().map(|unit| {
        let managers = names(&unit.managers);
        view! {
            <h2 aria-current="page">{unit.name.clone()}</h2>
            {(!managers.is_empty()).then(|| view! { <p>{i18n.format(Key::OrgManagedBy, &[("names", &managers)])}</p> })}
        }
    });
    let empty = level.sub_units.is_empty() && level.members.is_empty();
    view! {
        <nav aria-label=i18n.t(Key::OrgPath)>
            <ol class="breadcrumbs">
                <li><A href="/org">{i18n.t(Key::OrgTop)}</A></li>
                {crumbs}
            </ol>
        </nav>
        {opened}
        {(!level.sub_units.is_empty()).then(|| view! {
            <section aria-labelledby="org-units-title">
                <h3 id="org-units-title">{i18n.t(Key::OrgUnits)}</h3>
                <ul class="chart-units">{level.sub_units.iter().map(unit_item).collect_view()}</ul>
            </section>
        })}
        {(!level.members.is_empty()).then(|| view! {
            <section aria-labelledby="org-members-title">
                <h3 id="org-members-title">{i18n.t(Key::OrgMembers)}</h3>
                <ul class="people-list">{level.members.iter().map(|member| {
                    let function = member.function.as_ref().map(|f| f.in_language(i18n.lang).to_owned());
                    let name = member.person.name.clone();
                    view! { <li>{name}<span class="hint">{function}</span></li> }
                }).collect_view()}</ul>
            </section>
        })}
        {empty.then(|| view! { <p>{i18n.t(Key::OrgEmpty)}</p> })}
    }
}

fn search_results(results: ChartSearch) -> impl IntoView {
    let i18n = use_i18n();
    let nothing = results.people.is_empty() && results.units.is_empty();
    let people: Vec<_> = results
        .people
        .iter()
        .map(|found| {
            let units: Vec<_> = found
                .units
                .iter()
                .map(|unit| {
                    let (href, name) = (unit_href(unit), unit.name.clone());
                    view! { <A href=href>{name}</A> }
                })
                .collect();
            let name = found.person.name.clone();
            let function = found.function.as_ref().map(|f| f.in_language(i18n.lang).to_owned());
            view! { <li><strong>{name}</strong><span class="hint">{function}</span>{units}</li> }
        })
        .collect();
    view! {
        <p><A href="/org">{i18n.t(Key::OrgBack)}</A></p>
        {nothing.then(|| view! { <p role="status">{i18n.t(Key::OrgNothingFound)}</p> })}
        {(!results.people.is_empty()).then(|| view! {
            <section aria-labelledby="org-found-people">
                <h2 id="org-found-people">{i18n.t(Key::OrgPeople)}</h2>
                <ul class="people-list">{people}</ul>
            </section>
        })}
        {(!results.units.is_empty()).then(|| view! {
            <section aria-labelledby="org-found-units">
                <h2 id="org-found-units">{i18n.t(Key::OrgUnits)}</h2>
                <ul class="chart-units">{results.units.iter().map(unit_item).collect_view()}</ul>
            </section>
        })}
    }
}

fn unit_item(unit: &ChartUnit) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let counts = i18n.format(
        Key::OrgCounts,
        &[("members", &unit.member_count.to_string()), ("units", &unit.sub_unit_count.to_string())],
    );
    let managers = names(&unit.managers);
    let managed = (!managers.is_empty()).then(|| i18n.format(Key::OrgManagedBy, &[("names", &managers)]));
    let (href, name) = (unit_href(unit), unit.name.clone());
    view! {
        <li>
            <A href=href>{name}</A>
            <span class="hint">{counts}</span>
            <span class="hint">{managed}</span>
        </li>
    }
}

fn unit_href(unit: &ChartUnit) -> String {
    format!("/org?unit={}", unit.id)
}

fn names(people: &[PersonRef]) -> String {
    people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
}
