//! The fields of the template form: a personal goal without an owner,
//! year or due date (those come when it is given to people).

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{GoalTemplate, TemplateChoices};
use crate::domain::goals::GoalKind;
use crate::features::goals::components::{develops_field, key_result_rows, visibility_field};
use crate::i18n::{Key, use_i18n};
use crate::ui::FieldError;

pub fn template_fields(
    choices: &TemplateChoices,
    template: Option<&GoalTemplate>,
    error: Signal<Option<AppError>>,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let kind = template.map_or(GoalKind::Performance, |t| t.kind);
    let text = |pick: fn(&GoalTemplate) -> &String| template.map(|t| pick(t).clone()).unwrap_or_default();
    let develops = template.and_then(|t| t.develops.as_ref().map(|(id, _)| id.clone())).unwrap_or_default();
    let key_results = template
        .map(|t| {
            t.key_results
                .iter()
                .map(|(title, start, end)| (title.clone(), start.to_string(), end.to_string()))
                .collect()
        })
        .unwrap_or_default();
    let kinds = [GoalKind::Performance, GoalKind::Development]
        .into_iter()
        .map(|k| view! { <option value=k.code() selected=k == kind>{i18n.t(k.label_key())}</option> })
        .collect_view();
    view! {
        <label for="template-kind">{i18n.t(Key::GoalsKind)}</label>
        <select id="template-kind" name="form[kind]">{kinds}</select>
        <p class="hint">{i18n.t(Key::GoalTemplatesKindHint)}</p>
        <FieldError error field="kind"/>
        <label for="goal-title">{i18n.t(Key::GoalsTitleField)}</label>
        <input id="goal-title" name="form[title]" type="text" value=text(|t| &t.title) required/>
        <FieldError error field="title"/>
        <label for="goal-description">{i18n.t(Key::GoalsDescription)}</label>
        <textarea id="goal-description" name="form[description]" rows="3">{text(|t| &t.description)}</textarea>
        <FieldError error field="description"/>
        <label for="goal-target">{i18n.t(Key::GoalsTarget)}</label>
        <textarea id="goal-target" name="form[target]" rows="2">{text(|t| &t.target)}</textarea>
        <FieldError error field="target"/>
        {visibility_field(template.and_then(|t| t.visibility))}
        {develops_field(&choices.competencies, &choices.values, &develops, error)}
        {key_result_rows(key_results, error)}
    }
}
