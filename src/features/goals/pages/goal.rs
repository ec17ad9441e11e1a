//! `/goals/{id}`: a goal with its key results, what it is aligned to and
//! what is aligned to it, a check-in form for those who may change it, and
//! its history.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::AppError;
use crate::domain::documents::Holder;
use crate::domain::dto::{CheckIn, Goal, GoalDetails};
use crate::domain::goals::GoalStatus;
use crate::domain::ids::GoalId;
use crate::features::account::components::RequireSignIn;
use crate::features::documents::Documents;
use crate::features::goals::api::{CheckInGoal, DeleteGoal, open_goal};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError};

#[component]
pub fn GoalPage() -> impl IntoView {
    let i18n = use_i18n();
    let check_in = ServerAction::<CheckInGoal>::new();
    let delete = ServerAction::<DeleteGoal>::new();
    let id = move || use_params_map().with(|p| p.get("id")).unwrap_or_default();
    let details = Resource::new(
        move || (id(), check_in.version().get()),
        |(id, _)| async move { open_goal(GoalId(id.parse().map_err(|_| AppError::NotFound)?)).await },
    );
    let delete_error =
        move || delete.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> });
    view! {
        <Title text=i18n.t(Key::GoalsTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/goals">{i18n.t(Key::GoalsBack)}</A></p>
                {delete_error}
                <Transition>
                    {move || Suspend::new(async move {
                        match details.await {
                            Ok(details) => page(i18n, details, check_in, delete).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
                {move || id().parse().ok().map(|goal| view! { <Documents holder=Holder::Goal(GoalId(goal))/> })}
            }
        }/>
    }
}

fn page(
    i18n: I18n,
    details: GoalDetails,
    check_in: ServerAction<CheckInGoal>,
    delete: ServerAction<DeleteGoal>,
) -> impl IntoView {
    let GoalDetails { goal, check_ins, children } = details;
    let id = goal.id.to_string();
    let whose = goal
        .owner
        .as_ref()
        .map(|o| o.name.clone())
        .or_else(|| goal.unit.as_ref().map(|(_, name)| name.clone()));
    let facts = facts(i18n, &goal);
    let results = goal
        .key_results
        .iter()
        .map(|result| {
            let line = i18n.format(
                Key::GoalsKeyResultLine,
                &[
                    ("current", &result.current.to_string()),
                    ("start", &result.start.to_string()),
                    ("target", &result.target.to_string()),
                ],
            );
            view! { <li><strong>{result.title.clone()}</strong><span class="hint">{line}</span></li> }
        })
        .collect_view();
    let children_view = (!children.is_empty()).then(|| view! {
        <section aria-labelledby="children-title">
            <h2 id="children-title">{i18n.t(Key::GoalsChildren)}</h2>
            <ul>{children.into_iter().map(|c| view! { <li><A href=format!("/goals/{}", c.id)>{c.title}</A></li> }).collect_view()}</ul>
        </section>
    });
    let editing = goal.editable.then(|| {
        let delete_id = id.clone();
        view! {
            <div class="row-actions">
                <A href=format!("/goals/{id}/edit")>{i18n.t(Key::GoalsEdit)}</A>
                <ActionForm action=delete>
                    <input type="hidden" name="id" value=delete_id/>
                    <button type="submit" class="button-danger">{i18n.t(Key::GoalsDelete)}</button>
                </ActionForm>
            </div>
        }
    });
    let form = goal.editable.then(|| check_in_form(i18n, goal.clone(), check_in));
    view! {
        <h1>{goal.title.clone()}</h1>
        <p class="hint">{i18n.t(goal.kind.label_key())}{whose.map(|w| view! { <span>{w}</span> })}</p>
        {editing}
        {facts}
        {(!goal.description.is_empty()).then(|| view! { <p class="goal-text">{goal.description.clone()}</p> })}
        {(!goal.target.is_empty()).then(|| view! {
            <h2>{i18n.t(Key::GoalsTarget)}</h2>
            <p class="goal-text">{goal.target.clone()}</p>
        })}
        {(!goal.key_results.is_empty()).then(|| view! {
            <section aria-labelledby="results-title">
                <h2 id="results-title">{i18n.t(Key::GoalsKeyResults)}</h2>
                <ul>{results}</ul>
            </section>
        })}
        {children_view}
        {form}
        {history(i18n, check_ins)}
    }
}

fn facts(i18n: I18n, goal: &Goal) -> impl IntoView + use<> {
    let progress = i18n.format(Key::GoalsProgressOf, &[("progress", &goal.progress.to_string())]);
    let parent = goal.parent.clone().map(|parent| {
        view! {
            <dt>{i18n.t(Key::GoalsParent)}</dt>
            <dd><A href=format!("/goals/{}", parent.id)>{parent.title}</A></dd>
        }
    });
    let develops = goal.develops.clone().map(|(_, name)| {
        view! {
            <dt>{i18n.t(Key::GoalsDevelops)}</dt>
            <dd>{name.in_language(i18n.lang).to_owned()}</dd>
        }
    });
    let due = goal.due_on.clone().map(|due| view! { <dt>{i18n.t(Key::GoalsDueOn)}</dt><dd>{due}</dd> });
    view! {
        <dl class="facts">
            <dt>{i18n.t(Key::GoalsStatus)}</dt>
            <dd id="goal-status">{i18n.t(goal.status.label_key())}</dd>
            <dt>{i18n.t(Key::GoalsProgress)}</dt>
            <dd><progress max="100" value=goal.progress aria-label=progress.clone()></progress><span id="goal-progress">{progress}</span></dd>
            <dt>{i18n.t(Key::GoalsYear)}</dt>
            <dd>{goal.year}</dd>
            {due}
            <dt>{i18n.t(Key::GoalsVisibility)}</dt>
            <dd>{i18n.t(goal.visibility.label_key())}</dd>
            {parent}
            {develops}
        </dl>
    }
}

fn check_in_form(i18n: I18n, goal: Goal, action: ServerAction<CheckInGoal>) -> impl IntoView {
    let error: Signal<Option<AppError>> = Signal::derive(move || action.value().get().and_then(Result::err));
    // A posted check-in leaves an empty comment for the next one.
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move || {
        if let (Some(Ok(())), Some(form)) = (action.value().get(), form.get()) {
            form.reset();
        }
    });
    let current = goal.status;
    let statuses = GoalStatus::ALL
        .iter()
        .map(|s| view! { <option value=s.code() selected=*s == current>{i18n.t(s.label_key())}</option> })
        .collect_view();
    let goal_id = goal.id.to_string();
    let progress = goal.progress.to_string();
    let values = goal.key_results.iter().enumerate().map(|(at, result)| {
        let id = format!("check-in-{at}");
        view! {
            <input type="hidden" name=format!("form[values][{at}][id]") value=result.id.to_string()/>
            <label for=id.clone()>{result.title.clone()}</label>
            <input id=id name=format!("form[values][{at}][value]") type="text" inputmode="decimal" value=result.current.to_string()/>
            <FieldError error field=format!("values.{at}.value")/>
        }
    }).collect_view();
    let manual = goal.key_results.is_empty().then(|| view! {
        <label for="check-in-progress">{i18n.t(Key::GoalsProgressPercent)}</label>
        <input id="check-in-progress" name="form[progress]" type="number" min="0" max="100" value=progress/>
        <FieldError error field="progress"/>
    });
    view! {
        <section aria-labelledby="check-in-title">
            <h2 id="check-in-title">{i18n.t(Key::GoalsCheckIn)}</h2>
            <ActionForm action node_ref=form attr:class="form wide-form">
                <input type="hidden" name="id" value=goal_id/>
                <label for="check-in-status">{i18n.t(Key::GoalsStatus)}</label>
                <select id="check-in-status" name="form[status]">{statuses}</select>
                {values}
                {manual}
                <label for="check-in-comment">{i18n.t(Key::GoalsComment)}</label>
                <textarea id="check-in-comment" name="form[comment]" rows="3"></textarea>
                <FieldError error field="comment"/>
                <FormError error/>
                <button type="submit" class="button-primary">{i18n.t(Key::GoalsPostCheckIn)}</button>
            </ActionForm>
        </section>
    }
}

fn history(i18n: I18n, check_ins: Vec<CheckIn>) -> impl IntoView {
    let items = check_ins.into_iter().map(|check_in| {
        let heading = i18n.format(
            Key::GoalsCheckInBy,
            &[("name", &check_in.author.name), ("at", &check_in.at), ("progress", &check_in.progress.to_string())],
        );
        let values = check_in.values.into_iter().map(|(title, value)| {
            view! { <li>{i18n.format(Key::GoalsValueLine, &[("title", &title), ("value", &value.to_string())])}</li> }
        }).collect_view();
        view! {
            <li class="check-in">
                <p><strong>{heading}</strong><span class=format!("badge status-{}", check_in.status.code())>{i18n.t(check_in.status.label_key())}</span></p>
                {(!check_in.comment.is_empty()).then(|| view! { <p>{check_in.comment}</p> })}
                <ul>{values}</ul>
            </li>
        }
    }).collect_view();
    view! {
        <section aria-labelledby="history-title">
            <h2 id="history-title">{i18n.t(Key::GoalsHistory)}</h2>
            <ol class="history">{items}</ol>
        </section>
    }
}
