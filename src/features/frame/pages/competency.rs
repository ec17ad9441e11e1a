//! `/admin/competencies/{id}`: one competency — its names and description,
//! whom it is asked of (job functions, units) and its levels with
//! behavioural indicators; change each, or delete it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::domain::AppError;
use crate::domain::dto::{Competency, CompetencyLevel, JobFunction, UnitNode};
use crate::features::account::components::RequireSignIn;
use crate::features::frame::api::{
    AddCompetencyLevel, DeleteCompetency, DeleteCompetencyLevel, SetCompetencyScope, UpdateCompetency,
    UpdateCompetencyLevel, list_competencies,
};
use crate::features::functions::api::list_functions;
use crate::features::structure::api::unit_tree;
use crate::features::structure::pages::indented;
use crate::i18n::{Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, bilingual_fields};

/// Every change this page can make; each one reloads the competency.
#[derive(Clone, Copy)]
struct Actions {
    update: ServerAction<UpdateCompetency>,
    delete: ServerAction<DeleteCompetency>,
    scope: ServerAction<SetCompetencyScope>,
    add_level: ServerAction<AddCompetencyLevel>,
    update_level: ServerAction<UpdateCompetencyLevel>,
    delete_level: ServerAction<DeleteCompetencyLevel>,
}

impl Actions {
    fn versions(&self) -> [usize; 5] {
        [
            self.update.version().get(),
            self.scope.version().get(),
            self.add_level.version().get(),
            self.update_level.version().get(),
            self.delete_level.version().get(),
        ]
    }

    /// The last failure of a change without a form of its own to show it.
    fn error(&self) -> Option<AppError> {
        [
            self.delete.value().get().and_then(Result::err),
            self.scope.value().get().and_then(Result::err),
            self.delete_level.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
    }
}

/// The competency and what the scope checkboxes offer.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct Shown {
    competency: Competency,
    functions: Vec<JobFunction>,
    units: Vec<UnitNode>,
}

#[component]
pub fn CompetencyPage() -> impl IntoView {
    let i18n = use_i18n();
    let actions = Actions {
        update: ServerAction::new(),
        delete: ServerAction::new(),
        scope: ServerAction::new(),
        add_level: ServerAction::new(),
        update_level: ServerAction::new(),
        delete_level: ServerAction::new(),
    };
    let id = move || use_params_map().with(|params| params.get("id")).unwrap_or_default();
    let shown = Resource::new(
        move || (id(), actions.versions()),
        |(id, _)| async move {
            let competency = list_competencies()
                .await?
                .into_iter()
                .find(|competency| competency.id.to_string() == id)
                .ok_or(AppError::NotFound)?;
            Ok::<_, AppError>(Shown {
                competency,
                functions: list_functions().await?,
                units: unit_tree().await?,
            })
        },
    );
    // Once deleted, back to the list.
    Effect::new(move || {
        if let Some(Ok(())) = actions.delete.value().get() {
            use_navigate()("/admin/competencies", Default::default());
        }
    });
    view! {
        <Title text=i18n.t(Key::CompetenciesTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/admin/competencies">{i18n.t(Key::CompetenciesBack)}</A></p>
                {move || actions.error().map(|error| view! { <ErrorMessage error/> })}
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok(shown) => page(shown, actions).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn page(shown: Shown, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let competency = shown.competency;
    let id = competency.id.to_string();
    let name = competency.name(i18n.lang).to_owned();
    let error: Signal<Option<AppError>> =
        Signal::derive(move || actions.update.value().get().and_then(Result::err));
    let delete_label = format!("{} {}", i18n.t(Key::FunctionsDelete), name);
    let scope = scope_form(&competency, &shown.functions, &shown.units, actions.scope);
    let levels = competency.levels.iter().map(|level| level_item(level, actions)).collect_view();
    let add_level = add_level_form(id.clone(), actions.add_level);
    let texts = competency.texts();
    let (update_id, delete_id) = (id.clone(), id.clone());
    view! {
        <h1>{name}</h1>
        <section aria-labelledby="competency-texts-title">
            <h2 id="competency-texts-title">{i18n.t(Key::StructureEdit)}</h2>
            <ActionForm action=actions.update attr:class="form wide-form">
                <input type="hidden" name="competency" value=update_id/>
                {bilingual_fields(format!("c-{id}"), Some(texts), error)}
                <button type="submit">{i18n.t(Key::StructureSave)}</button>
            </ActionForm>
        </section>
        {scope}
        <section aria-labelledby="competency-levels-title">
            <h2 id="competency-levels-title">{i18n.t(Key::CompetenciesLevels)}</h2>
            <ol class="competency-levels">{levels}</ol>
            {add_level}
        </section>
        <ActionForm action=actions.delete>
            <input type="hidden" name="competency" value=delete_id/>
            <button type="submit" class="button-danger" aria-label=delete_label>{i18n.t(Key::FunctionsDelete)}</button>
        </ActionForm>
    }
}

/// Checkboxes for the functions and units the competency is asked of.
fn scope_form(
    competency: &Competency,
    functions: &[JobFunction],
    units: &[UnitNode],
    action: ServerAction<SetCompetencyScope>,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let id = competency.id.to_string();
    let functions = functions
        .iter()
        .enumerate()
        .map(|(index, function)| {
            let checked = competency.functions.contains(&function.id);
            view! {
                <label>
                    <input type="checkbox" name=format!("scope[functions][{index}]") value=function.id.to_string() checked=checked/>
                    {function.name(i18n.lang).to_owned()}
                </label>
            }
        })
        .collect_view();
    let units = units
        .iter()
        .enumerate()
        .map(|(index, unit)| {
            let checked = competency.units.contains(&unit.id);
            view! {
                <label>
                    <input type="checkbox" name=format!("scope[units][{index}]") value=unit.id.to_string() checked=checked/>
                    {indented(unit)}
                </label>
            }
        })
        .collect_view();
    let save_label = format!("{} {}", i18n.t(Key::CompetenciesSaveScope), competency.name(i18n.lang));
    view! {
        <ActionForm action attr:class="form wide-form">
            <input type="hidden" name="competency" value=id/>
            <fieldset>
                <legend>{i18n.t(Key::CompetenciesForFunctions)}</legend>
                {functions}
            </fieldset>
            <fieldset>
                <legend>{i18n.t(Key::CompetenciesForUnits)}</legend>
                {units}
            </fieldset>
            <button type="submit" aria-label=save_label>{i18n.t(Key::CompetenciesSaveScope)}</button>
        </ActionForm>
    }
}

fn level_item(level: &CompetencyLevel, actions: Actions) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let id = level.id.to_string();
    let indicators: Vec<String> = level.indicators(i18n.lang).into_iter().map(str::to_owned).collect();
    let error: Signal<Option<AppError>> =
        Signal::derive(move || actions.update_level.value().get().and_then(Result::err));
    let delete_label = format!("{} {}", i18n.t(Key::FunctionsDelete), level.name(i18n.lang));
    let fields = level_fields(format!("l-{id}"), Some(level.clone()), error);
    let (update_id, delete_id) = (id.clone(), id);
    view! {
        <li>
            <strong>{level.name(i18n.lang).to_owned()}</strong>
            <ul>{indicators.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            <details>
                <summary>{i18n.t(Key::CompetenciesEditLevel)}</summary>
                <ActionForm action=actions.update_level attr:class="form wide-form">
                    <input type="hidden" name="id" value=update_id/>
                    {fields}
                    <button type="submit">{i18n.t(Key::StructureSave)}</button>
                </ActionForm>
                <ActionForm action=actions.delete_level>
                    <input type="hidden" name="id" value=delete_id/>
                    <button type="submit" class="button-danger" aria-label=delete_label>{i18n.t(Key::FunctionsDelete)}</button>
                </ActionForm>
            </details>
        </li>
    }
}

fn add_level_form(competency: String, action: ServerAction<AddCompetencyLevel>) -> impl IntoView {
    let i18n = use_i18n();
    let error: Signal<Option<AppError>> = Signal::derive(move || action.value().get().and_then(Result::err));
    let prefix = format!("new-level-{competency}");
    view! {
        <details>
            <summary>{i18n.t(Key::CompetenciesAddLevel)}</summary>
            <ActionForm action attr:class="form wide-form">
                <input type="hidden" name="competency" value=competency/>
                {level_fields(prefix, None, error)}
                <FormError error/>
                <button type="submit">{i18n.t(Key::CompetenciesAddLevel)}</button>
            </ActionForm>
        </details>
    }
}

/// The fields of a level, named `level[…]`.
fn level_fields(
    prefix: String,
    current: Option<CompetencyLevel>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let value =
        |pick: fn(&CompetencyLevel) -> &String| current.as_ref().map(|l| pick(l).clone()).unwrap_or_default();
    let (name_nl, name_en) = (value(|l| &l.name_nl), value(|l| &l.name_en));
    let (indicators_nl, indicators_en) = (value(|l| &l.indicators_nl), value(|l| &l.indicators_en));
    let id = move |field: &str| format!("{prefix}-{field}");
    view! {
        <label for=id("name-nl")>{i18n.t(Key::FunctionsNameNl)}</label>
        <input id=id("name-nl") name="level[name_nl]" type="text" value=name_nl required/>
        <FieldError error field="name_nl"/>
        <label for=id("name-en")>{i18n.t(Key::FunctionsNameEn)}</label>
        <input id=id("name-en") name="level[name_en]" type="text" value=name_en/>
        <label for=id("indicators-nl")>{i18n.t(Key::CompetenciesIndicatorsNl)}</label>
        <textarea id=id("indicators-nl") name="level[indicators_nl]" rows="3">{indicators_nl}</textarea>
        <FieldError error field="indicators_nl"/>
        <label for=id("indicators-en")>{i18n.t(Key::CompetenciesIndicatorsEn)}</label>
        <textarea id=id("indicators-en") name="level[indicators_en]" rows="3">{indicators_en}</textarea>
        <FieldError error field="indicators_en"/>
    }
}
