//! `/admin/competencies`: every competency with whom it is asked of (job
//! functions, units) and its levels with behavioural indicators; add,
//! change and delete each.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::AppError;
use crate::domain::dto::{Competency, CompetencyLevel, JobFunction, UnitNode};
use crate::features::account::components::RequireSignIn;
use crate::features::frame::api::{
    AddCompetencyLevel, CreateCompetency, DeleteCompetency, DeleteCompetencyLevel, SetCompetencyScope,
    UpdateCompetency, UpdateCompetencyLevel, list_competencies,
};
use crate::features::functions::api::list_functions;
use crate::features::structure::api::unit_tree;
use crate::features::structure::pages::indented;
use crate::i18n::{Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, bilingual_fields};

/// Every change this page can make; each one reloads the list.
#[derive(Clone, Copy)]
struct Actions {
    create: ServerAction<CreateCompetency>,
    update: ServerAction<UpdateCompetency>,
    delete: ServerAction<DeleteCompetency>,
    scope: ServerAction<SetCompetencyScope>,
    add_level: ServerAction<AddCompetencyLevel>,
    update_level: ServerAction<UpdateCompetencyLevel>,
    delete_level: ServerAction<DeleteCompetencyLevel>,
}

impl Actions {
    fn versions(&self) -> [usize; 7] {
        [
            self.create.version().get(),
            self.update.version().get(),
            self.delete.version().get(),
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

/// What the scope checkboxes offer.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct Choices {
    functions: Vec<JobFunction>,
    units: Vec<UnitNode>,
}

#[component]
pub fn CompetenciesPage() -> impl IntoView {
    let i18n = use_i18n();
    let actions = Actions {
        create: ServerAction::new(),
        update: ServerAction::new(),
        delete: ServerAction::new(),
        scope: ServerAction::new(),
        add_level: ServerAction::new(),
        update_level: ServerAction::new(),
        delete_level: ServerAction::new(),
    };
    let page = Resource::new(
        move || actions.versions(),
        |_| async {
            let competencies = list_competencies().await?;
            let choices = Choices { functions: list_functions().await?, units: unit_tree().await? };
            Ok::<_, AppError>((competencies, choices))
        },
    );
    let create_error: Signal<Option<AppError>> =
        Signal::derive(move || actions.create.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::CompetenciesTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::CompetenciesTitle)}</h1>
                <p>{i18n.t(Key::CompetenciesIntro)}</p>
                {move || actions.error().map(|error| view! { <ErrorMessage error/> })}
                <Transition>
                    {move || Suspend::new(async move {
                        match page.await {
                            Ok((list, _)) if list.is_empty() => {
                                view! { <p>{i18n.t(Key::CompetenciesEmpty)}</p> }.into_any()
                            }
                            Ok((list, choices)) => view! {
                                <ul class="chart-units">
                                    {list.into_iter().map(|c| item(c, &choices, actions)).collect_view()}
                                </ul>
                            }
                                .into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
                <section aria-labelledby="add-competency-title">
                    <h2 id="add-competency-title">{i18n.t(Key::CompetenciesAdd)}</h2>
                    <ActionForm action=actions.create attr:class="form wide-form">
                        {bilingual_fields("new".to_owned(), None, create_error)}
                        <FormError error=create_error/>
                        <button type="submit" class="button-primary">{i18n.t(Key::CompetenciesAdd)}</button>
                    </ActionForm>
                </section>
            }
        }/>
    }
}

fn item(competency: Competency, choices: &Choices, actions: Actions) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let id = competency.id.to_string();
    let name = competency.name(i18n.lang).to_owned();
    let error: Signal<Option<AppError>> =
        Signal::derive(move || actions.update.value().get().and_then(Result::err));
    let delete_label = format!("{} {}", i18n.t(Key::FunctionsDelete), name);
    let levels_hint =
        i18n.format(Key::CompetenciesLevelCount, &[("count", &competency.levels.len().to_string())]);
    let scope = scope_form(&competency, choices, actions.scope);
    let levels = competency.levels.iter().map(|level| level_item(level, actions)).collect_view();
    let add_level = add_level_form(id.clone(), actions.add_level);
    let texts = competency.texts();
    let (update_id, delete_id) = (id.clone(), id.clone());
    view! {
        <li>
            <details>
                <summary>{name.clone()}<span class="hint">{levels_hint}</span></summary>
                <ActionForm action=actions.update attr:class="form wide-form">
                    <input type="hidden" name="competency" value=update_id/>
                    {bilingual_fields(format!("c-{id}"), Some(texts), error)}
                    <button type="submit">{i18n.t(Key::StructureSave)}</button>
                </ActionForm>
                {scope}
                <h3>{i18n.t(Key::CompetenciesLevels)}</h3>
                <ol class="competency-levels">{levels}</ol>
                {add_level}
                <ActionForm action=actions.delete>
                    <input type="hidden" name="competency" value=delete_id/>
                    <button type="submit" class="button-danger" aria-label=delete_label>{i18n.t(Key::FunctionsDelete)}</button>
                </ActionForm>
            </details>
        </li>
    }
}

/// Checkboxes for the functions and units the competency is asked of.
fn scope_form(
    competency: &Competency,
    choices: &Choices,
    action: ServerAction<SetCompetencyScope>,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let id = competency.id.to_string();
    let functions = choices
        .functions
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
    let units = choices
        .units
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
