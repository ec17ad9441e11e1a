//! `/admin/structure`: the organisation's units as an indented tree, and a
//! form to add one.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::AppError;
use crate::domain::dto::UnitNode;
use crate::features::account::components::RequireSignIn;
use crate::features::structure::api::{CreateUnit, unit_tree};
use crate::i18n::{Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError};

#[component]
pub fn StructurePage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateUnit>::new();
    let units = Resource::new(move || create.version().get(), |_| unit_tree());
    let error: Signal<Option<AppError>> = Signal::derive(move || create.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::StructureTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::StructureTitle)}</h1>
                <p>{i18n.t(Key::StructureIntro)}</p>
                <Transition>
                    {move || Suspend::new(async move {
                        match units.await {
                            Ok(units) => view! {
                                {if units.is_empty() {
                                    view! { <p>{i18n.t(Key::StructureEmpty)}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="unit-tree" aria-label=i18n.t(Key::StructureTitle)>
                                            {units.iter().map(node).collect_view()}
                                        </ul>
                                    }
                                        .into_any()
                                }}
                                <section aria-labelledby="add-unit-title">
                                    <h2 id="add-unit-title">{i18n.t(Key::StructureAdd)}</h2>
                                    {add_form(create, error, units)}
                                </section>
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

fn node(unit: &UnitNode) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let members = unit.member_count.to_string();
    let summary = if unit.managers.is_empty() {
        i18n.format(Key::StructureSummaryNoManager, &[("members", &members)])
    } else {
        let managers = unit.managers.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ");
        i18n.format(Key::StructureSummary, &[("members", &members), ("managers", &managers)])
    };
    let (depth, href, name) =
        (format!("--depth: {}", unit.depth), format!("/admin/structure/{}", unit.id), unit.name.clone());
    view! {
        <li class="unit-node" style=depth>
            <A href=href>{name}</A>
            <span class="hint">{summary}</span>
        </li>
    }
}

/// The form to add a unit under any existing one (or at the top).
pub fn add_form(
    create: ServerAction<CreateUnit>,
    error: Signal<Option<AppError>>,
    units: Vec<UnitNode>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ActionForm action=create attr:class="form">
            <label for="unit-name">{i18n.t(Key::StructureName)}</label>
            <input id="unit-name" name="name" type="text" aria-describedby="name-error" required/>
            <FieldError error field="name"/>
            <label for="unit-parent">{i18n.t(Key::StructureParent)}</label>
            <select id="unit-parent" name="parent">
                <option value="">{i18n.t(Key::StructureTop)}</option>
                {units.into_iter().map(|unit| view! { <option value=unit.id.to_string()>{indented(&unit)}</option> }).collect_view()}
            </select>
            <FormError error/>
            <button type="submit" class="button-primary" disabled=move || create.pending().get()>
                {i18n.t(Key::StructureAddSubmit)}
            </button>
        </ActionForm>
    }
}

/// A unit's name in a list of choices, indented to show its depth.
pub fn indented(unit: &UnitNode) -> String {
    format!("{}{}", "\u{2003}".repeat(unit.depth as usize), unit.name)
}
