//! The fields of the goal form, empty or filled in with a goal: what it is
//! and whose, its texts, year and due date, who sees it, what it is aligned
//! to or develops, and up to five key results. Fields that apply to some
//! kinds of goal only say so; the server checks the rest.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{FunctionName, Goal, GoalChoices, KEY_RESULT_ROWS};
use crate::domain::goals::{GoalKind, GoalVisibility};
use crate::i18n::{Key, use_i18n};
use crate::ui::FieldError;

/// `goal` is the goal being changed (its kind and owner then stay);
/// `kind` and `year` preset a new one.
#[component]
pub fn GoalFields(
    choices: GoalChoices,
    goal: Option<Goal>,
    kind: Option<GoalKind>,
    year: i32,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let editing = goal.is_some();
    let kind = goal.as_ref().map(|g| g.kind).or(kind).unwrap_or(GoalKind::Performance);
    let value = |pick: fn(&Goal) -> String| goal.as_ref().map(pick).unwrap_or_default();
    let (title, description, target) =
        (value(|g| g.title.clone()), value(|g| g.description.clone()), value(|g| g.target.clone()));
    let due_on = value(|g| g.due_on.clone().unwrap_or_default());
    let year = goal.as_ref().map_or(year, |g| g.year);
    let visibility = goal.as_ref().map(|g| g.visibility);
    let parent = goal.as_ref().and_then(|g| g.parent.as_ref().map(|p| p.id.to_string())).unwrap_or_default();
    let own_id = goal.as_ref().map(|g| g.id);
    let kinds: Vec<GoalKind> = GoalKind::ALL
        .iter()
        .copied()
        .filter(|k| match k {
            GoalKind::Organisation => choices.organisation_goals,
            GoalKind::Team => !choices.units.is_empty(),
            _ => true,
        })
        .collect();
    let kind_field = if editing {
        view! { <input type="hidden" name="form[kind]" value=kind.code()/> }.into_any()
    } else {
        view! {
            <label for="goal-kind">{i18n.t(Key::GoalsKind)}</label>
            <select id="goal-kind" name="form[kind]">
                {kinds.into_iter().map(|k| view! { <option value=k.code() selected=k == kind>{i18n.t(k.label_key())}</option> }).collect_view()}
            </select>
            <FieldError error field="kind"/>
        }
        .into_any()
    };
    let owner_field = (!editing && !choices.reports.is_empty()).then(|| {
        view! {
            <label for="goal-owner">{i18n.t(Key::GoalsOwner)}</label>
            <select id="goal-owner" name="form[owner]">
                <option value="">{i18n.t(Key::GoalsOwnerMe)}</option>
                {choices.reports.iter().map(|p| view! { <option value=p.id.to_string()>{p.name.clone()}</option> }).collect_view()}
            </select>
            <p class="hint">{i18n.t(Key::GoalsOwnerHint)}</p>
        }
    });
    let unit_field = (!editing && !choices.units.is_empty()).then(|| {
        view! {
            <label for="goal-unit">{i18n.t(Key::GoalsUnit)}</label>
            <select id="goal-unit" name="form[unit]">
                <option value="">{i18n.t(Key::GoalsNoUnit)}</option>
                {choices.units.iter().map(|(id, unit)| view! { <option value=id.to_string()>{unit.clone()}</option> }).collect_view()}
            </select>
            <p class="hint">{i18n.t(Key::GoalsUnitHint)}</p>
            <FieldError error field="unit"/>
        }
    });
    let parents = choices
        .alignable
        .iter()
        .filter(|p| Some(p.id) != own_id)
        .map(|p| {
            let id = p.id.to_string();
            let selected = id == parent;
            view! { <option value=id selected=selected>{p.title.clone()}</option> }
        })
        .collect_view();
    let develops =
        goal.as_ref().and_then(|g| g.develops.as_ref().map(|(id, _)| id.clone())).unwrap_or_default();
    let key_results = goal
        .as_ref()
        .map(|g| {
            g.key_results
                .iter()
                .map(|r| (r.title.clone(), r.start.to_string(), r.target.to_string()))
                .collect()
        })
        .unwrap_or_default();
    view! {
        {kind_field}
        {owner_field}
        {unit_field}
        <label for="goal-title">{i18n.t(Key::GoalsTitleField)}</label>
        <input id="goal-title" name="form[title]" type="text" value=title required/>
        <FieldError error field="title"/>
        <label for="goal-description">{i18n.t(Key::GoalsDescription)}</label>
        <textarea id="goal-description" name="form[description]" rows="3">{description}</textarea>
        <FieldError error field="description"/>
        <label for="goal-target">{i18n.t(Key::GoalsTarget)}</label>
        <textarea id="goal-target" name="form[target]" rows="2">{target}</textarea>
        <FieldError error field="target"/>
        <label for="goal-year">{i18n.t(Key::GoalsYear)}</label>
        <input id="goal-year" name="form[year]" type="number" min="2000" max="2100" value=year.to_string()/>
        <FieldError error field="year"/>
        <label for="goal-due">{i18n.t(Key::GoalsDueOn)}</label>
        <input id="goal-due" name="form[due_on]" type="date" value=due_on/>
        <FieldError error field="due_on"/>
        {visibility_field(visibility)}
        <label for="goal-parent">{i18n.t(Key::GoalsParent)}</label>
        <select id="goal-parent" name="form[parent]">
            <option value="">{i18n.t(Key::GoalsNoParent)}</option>
            {parents}
        </select>
        <FieldError error field="parent"/>
        {develops_field(&choices.competencies, &choices.values, &develops, error)}
        {key_result_rows(key_results, error)}
    }
}

/// Who sees a personal goal: a choice, or the organisation's default.
pub fn visibility_field(selected: Option<GoalVisibility>) -> impl IntoView {
    let i18n = use_i18n();
    let options = GoalVisibility::ALL
        .iter()
        .map(|v| view! { <option value=v.code() selected=Some(*v) == selected>{i18n.t(v.label_key())}</option> })
        .collect_view();
    view! {
        <label for="goal-visibility">{i18n.t(Key::GoalsVisibility)}</label>
        <select id="goal-visibility" name="form[visibility]">
            <option value="" selected=selected.is_none()>{i18n.t(Key::GoalsVisibilityDefault)}</option>
            {options}
        </select>
        <p class="hint">{i18n.t(Key::GoalsVisibilityHint)}</p>
    }
}

/// The competency or core value a development goal develops.
pub fn develops_field(
    competencies: &[(String, FunctionName)],
    values: &[(String, FunctionName)],
    selected: &str,
    error: Signal<Option<AppError>>,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let options = competencies
        .iter()
        .chain(values.iter())
        .map(|(id, name)| {
            view! { <option value=id.clone() selected=id == selected>{name.in_language(i18n.lang).to_owned()}</option> }
        })
        .collect_view();
    view! {
        <label for="goal-develops">{i18n.t(Key::GoalsDevelops)}</label>
        <select id="goal-develops" name="form[develops]">
            <option value="">{i18n.t(Key::GoalsDevelopsNothing)}</option>
            {options}
        </select>
        <p class="hint">{i18n.t(Key::GoalsDevelopsHint)}</p>
        <FieldError error field="develops"/>
    }
}

/// Up to five key-result rows (more when there are more), filled in with
/// `existing` titles, start and target values.
pub fn key_result_rows(
    existing: Vec<(String, String, String)>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = (0..KEY_RESULT_ROWS.max(existing.len()))
        .map(|at| {
            let (title, start, end) = existing.get(at).cloned().unwrap_or_default();
            let field = move |name: &str| format!("form[key_results][{at}][{name}]");
            let id = move |name: &str| format!("kr-{at}-{name}");
            let number = at + 1;
            view! {
                <fieldset class="key-result">
                    <legend>{i18n.format(Key::GoalsKeyResultNumber, &[("number", &number.to_string())])}</legend>
                    <label for=id("title")>{i18n.t(Key::GoalsKeyResultTitle)}</label>
                    <input id=id("title") name=field("title") type="text" value=title/>
                    <FieldError error field=format!("key_results.{at}.title")/>
                    <label for=id("start")>{i18n.t(Key::GoalsKeyResultStart)}</label>
                    <input id=id("start") name=field("start") type="text" inputmode="decimal" value=start/>
                    <FieldError error field=format!("key_results.{at}.start")/>
                    <label for=id("target")>{i18n.t(Key::GoalsKeyResultTarget)}</label>
                    <input id=id("target") name=field("target") type="text" inputmode="decimal" value=end/>
                    <FieldError error field=format!("key_results.{at}.target")/>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <h2>{i18n.t(Key::GoalsKeyResults)}</h2>
        <p class="hint">{i18n.t(Key::GoalsKeyResultsHint)}</p>
        {rows}
    }
}
