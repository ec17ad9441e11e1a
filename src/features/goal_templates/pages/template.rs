//! `/admin/goals/templates/{id}`: a goal template, the form that gives it to
//! everyone in a unit or with a function for a year, and the assignments
//! made before — each can be given again to the people who joined since.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::AppError;
use crate::domain::dto::{AssignedTo, AssignmentOutcome, GoalTemplate, TemplateAssignment, TemplateChoices};
use crate::domain::ids::TemplateId;
use crate::features::account::components::RequireSignIn;
use crate::features::goal_templates::api::{
    AssignGoalTemplate, AssignGoalTemplateAgain, DeleteGoalTemplate, goal_template_choices,
    open_goal_template,
};
use crate::features::goals::components::year_options;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError};

#[component]
pub fn TemplatePage() -> impl IntoView {
    let i18n = use_i18n();
    let assign = ServerAction::<AssignGoalTemplate>::new();
    let again = ServerAction::<AssignGoalTemplateAgain>::new();
    let delete = ServerAction::<DeleteGoalTemplate>::new();
    let id = move || use_params_map().with(|p| p.get("id")).unwrap_or_default();
    let shown = Resource::new(
        move || (id(), assign.version().get(), again.version().get()),
        |(id, _, _)| async move {
            let details = open_goal_template(TemplateId(id.parse().map_err(|_| AppError::NotFound)?)).await?;
            Ok::<_, AppError>((details, goal_template_choices().await?))
        },
    );
    let outcome = move |value: Option<Result<AssignmentOutcome, AppError>>| {
        value.and_then(Result::ok).map(|done| {
            let text = i18n.format(
                Key::GoalTemplatesAssigned,
                &[("created", &done.created.to_string()), ("already", &done.already.to_string())],
            );
            view! { <p class="notice" role="status">{text}</p> }
        })
    };
    let refused = move || {
        let errors = [again.value().get().and_then(Result::err), delete.value().get().and_then(Result::err)];
        errors.into_iter().flatten().next().map(|error| view! { <ErrorMessage error/> })
    };
    view! {
        <Title text=i18n.t(Key::GoalTemplatesTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/admin/goals/templates">{i18n.t(Key::GoalTemplatesBack)}</A></p>
                {refused}
                {move || outcome(again.value().get())}
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok((details, choices)) => view! {
                                {summary(i18n, &details.template, delete)}
                                {assign_form(i18n, &details.template, &choices, assign)}
                                {move || outcome(assign.value().get())}
                                {assignments(i18n, details.assignments, again)}
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

fn summary(i18n: I18n, template: &GoalTemplate, delete: ServerAction<DeleteGoalTemplate>) -> impl IntoView {
    let id = template.id.to_string();
    let results = template
        .key_results
        .iter()
        .map(|(title, start, target)| {
            let line = i18n.format(
                Key::GoalTemplatesKeyResultLine,
                &[("start", &start.to_string()), ("target", &target.to_string())],
            );
            view! { <li><strong>{title.clone()}</strong><span class="hint">{line}</span></li> }
        })
        .collect_view();
    let develops = template.develops.clone().map(|(_, name)| {
        view! { <dt>{i18n.t(Key::GoalsDevelops)}</dt><dd>{name.in_language(i18n.lang).to_owned()}</dd> }
    });
    let visibility = template.visibility.map_or(Key::GoalsVisibilityDefault, |v| v.label_key());
    view! {
        <h1>{template.title.clone()}</h1>
        <p class="hint">{i18n.t(template.kind.label_key())}</p>
        <div class="row-actions">
            <A href=format!("/admin/goals/templates/{id}/edit")>{i18n.t(Key::GoalTemplatesEdit)}</A>
            <ActionForm action=delete>
                <input type="hidden" name="id" value=id.clone()/>
                <button type="submit" class="button-danger">{i18n.t(Key::GoalTemplatesDelete)}</button>
            </ActionForm>
        </div>
        <p class="hint">{i18n.t(Key::GoalTemplatesDeleteHint)}</p>
        <dl class="facts">
            <dt>{i18n.t(Key::GoalsVisibility)}</dt>
            <dd>{i18n.t(visibility)}</dd>
            {develops}
            <dt>{i18n.t(Key::GoalTemplatesCopies)}</dt>
            <dd id="template-copies">{template.copies}</dd>
        </dl>
        {(!template.description.is_empty()).then(|| view! { <p class="goal-text">{template.description.clone()}</p> })}
        {(!template.target.is_empty()).then(|| view! {
            <h2>{i18n.t(Key::GoalsTarget)}</h2>
            <p class="goal-text">{template.target.clone()}</p>
        })}
        {(!template.key_results.is_empty()).then(|| view! {
            <h2>{i18n.t(Key::GoalsKeyResults)}</h2>
            <ul>{results}</ul>
        })}
    }
}

fn assign_form(
    i18n: I18n,
    template: &GoalTemplate,
    choices: &TemplateChoices,
    assign: ServerAction<AssignGoalTemplate>,
) -> impl IntoView {
    let error: Signal<Option<AppError>> = Signal::derive(move || assign.value().get().and_then(Result::err));
    let id = template.id.to_string();
    let year = choices.year;
    let units = choices
        .units
        .iter()
        .map(|(id, name)| view! { <option value=format!("unit:{id}")>{name.clone()}</option> })
        .collect_view();
    let functions = choices
        .functions
        .iter()
        .map(|(id, name)| {
            view! { <option value=format!("function:{id}")>{name.in_language(i18n.lang).to_owned()}</option> }
        })
        .collect_view();
    view! {
        <section aria-labelledby="assign-title">
            <h2 id="assign-title">{i18n.t(Key::GoalTemplatesAssignTitle)}</h2>
            <ActionForm action=assign attr:class="form">
                <input type="hidden" name="id" value=id/>
                <label for="assign-to">{i18n.t(Key::GoalTemplatesAssignTo)}</label>
                <select id="assign-to" name="form[to]">
                    <optgroup label=i18n.t(Key::GoalTemplatesAssignUnits)>{units}</optgroup>
                    <optgroup label=i18n.t(Key::GoalTemplatesAssignFunctions)>{functions}</optgroup>
                </select>
                <FieldError error field="to"/>
                <label for="assign-year">{i18n.t(Key::GoalTemplatesAssignYear)}</label>
                <select id="assign-year" name="form[year]">{year_options(year)}</select>
                <FieldError error field="year"/>
                <label for="assign-due">{i18n.t(Key::GoalTemplatesAssignDue)}</label>
                <input id="assign-due" name="form[due_on]" type="date"/>
                <FieldError error field="due_on"/>
                <FormError error/>
                <button type="submit" class="button-primary">{i18n.t(Key::GoalTemplatesAssign)}</button>
            </ActionForm>
        </section>
    }
}

fn assignments(
    i18n: I18n,
    assignments: Vec<TemplateAssignment>,
    again: ServerAction<AssignGoalTemplateAgain>,
) -> impl IntoView {
    let body = if assignments.is_empty() {
        view! { <p>{i18n.t(Key::GoalTemplatesAssignmentsEmpty)}</p> }.into_any()
    } else {
        let rows = assignments
            .into_iter()
            .map(|given| {
                let to = match given.to {
                    AssignedTo::Unit(name) => name,
                    AssignedTo::Function(name) => name.in_language(i18n.lang).to_owned(),
                };
                view! {
                    <tr>
                        <th scope="row">{to}</th>
                        <td>{given.year}</td>
                        <td>{given.due_on}</td>
                        <td>{given.assigned_by.name}</td>
                        <td>{given.assigned_on}</td>
                        <td>
                            <ActionForm action=again>
                                <input type="hidden" name="assignment" value=given.id/>
                                <button type="submit">{i18n.t(Key::GoalTemplatesAssignAgain)}</button>
                            </ActionForm>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p class="hint">{i18n.t(Key::GoalTemplatesAssignAgainHint)}</p>
            <div class="table-scroll">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t(Key::GoalTemplatesGivenTo)}</th>
                            <th scope="col">{i18n.t(Key::GoalTemplatesAssignYear)}</th>
                            <th scope="col">{i18n.t(Key::GoalsDueOn)}</th>
                            <th scope="col">{i18n.t(Key::GoalTemplatesGivenBy)}</th>
                            <th scope="col">{i18n.t(Key::GoalTemplatesGivenOn)}</th>
                            <td></td>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="assignments-title">
            <h2 id="assignments-title">{i18n.t(Key::GoalTemplatesAssignments)}</h2>
            {body}
        </section>
    }
}
