//! `/goals`: one's own goals of a year (or, with `?owner=`, a report's),
//! filtered by status, with the goal plan where managers approve plans.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::dto::{GoalList, GoalPlan};
use crate::domain::goals::{GoalStatus, PlanState};
use crate::features::account::components::RequireSignIn;
use crate::features::goals::api::{GoalPlanStep, list_goals, read_goal_plan};
use crate::features::goals::components::{GoalSummary, year_options};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError};

#[component]
pub fn GoalsPage() -> impl IntoView {
    let i18n = use_i18n();
    let step = ServerAction::<GoalPlanStep>::new();
    let query = use_query_map();
    let asked = move || {
        query.with(|q| {
            let year = q.get("year").and_then(|y| y.parse().ok()).unwrap_or(0);
            (year, q.get("owner").unwrap_or_default(), q.get("status").unwrap_or_default())
        })
    };
    let shown = Resource::new(
        move || (asked(), step.version().get()),
        |((year, owner, status), _)| async move {
            let list = list_goals(year, owner.clone(), status).await?;
            let plan = read_goal_plan(owner, list.year).await?;
            Ok::<_, crate::domain::AppError>((list, plan))
        },
    );
    view! {
        <Title text=i18n.t(Key::GoalsTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok((list, plan)) => page(i18n, list, plan, asked().2, step).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn page(
    i18n: I18n,
    list: GoalList,
    plan: GoalPlan,
    status: String,
    step: ServerAction<GoalPlanStep>,
) -> impl IntoView {
    let year = list.year;
    let owner = list.owner.as_ref().map(|o| o.id.to_string()).unwrap_or_default();
    let heading = match &list.owner {
        Some(owner) => i18n.format(Key::GoalsOf, &[("name", &owner.name)]),
        None => i18n.t(Key::GoalsTitle).to_owned(),
    };
    let status_options = GoalStatus::ALL
        .iter()
        .map(
            |s| view! { <option value=s.code() selected=s.code() == status>{i18n.t(s.label_key())}</option> },
        )
        .collect_view();
    let new_goal = format!(
        "/goals/new?year={year}{}",
        if owner.is_empty() { String::new() } else { format!("&owner={owner}") }
    );
    let empty = list.goals.is_empty();
    view! {
        <h1>{heading}</h1>
        <form method="get" action="/goals" class="filter-form">
            <input type="hidden" name="owner" value=owner.clone()/>
            <label for="goals-year">{i18n.t(Key::GoalsYear)}</label>
            <select id="goals-year" name="year">{year_options(year)}</select>
            <label for="goals-status">{i18n.t(Key::GoalsStatus)}</label>
            <select id="goals-status" name="status">
                <option value="">{i18n.t(Key::PeopleAll)}</option>
                {status_options}
            </select>
            <button type="submit">{i18n.t(Key::PeopleApply)}</button>
        </form>
        <p class="row-actions">
            <A href=new_goal attr:class="button-primary">{i18n.t(Key::GoalsNew)}</A>
            <A href=format!("/goals/organisation?year={year}")>{i18n.t(Key::GoalsOrganisationTitle)}</A>
        </p>
        {plan_section(i18n, plan, step)}
        {if empty {
            view! { <p>{i18n.t(Key::GoalsEmpty)}</p> }.into_any()
        } else {
            view! {
                <ul class="goal-list">
                    {list.goals.into_iter().map(|goal| view! { <GoalSummary goal/> }).collect_view()}
                </ul>
            }
                .into_any()
        }}
    }
}

/// Where the plan stands, and what the viewer can do with it: the owner
/// submits, their manager approves or returns it with a comment.
fn plan_section(i18n: I18n, plan: GoalPlan, step: ServerAction<GoalPlanStep>) -> Option<impl IntoView> {
    if !plan.approval_required {
        return None;
    }
    let owner = plan.owner.id.to_string();
    let year = plan.year.to_string();
    let error = Signal::derive(move || step.value().get().and_then(Result::err));
    let state = i18n.format(Key::GoalsPlanState, &[("state", i18n.t(plan.state.label_key()))]);
    let comment = plan.comment.clone().map(|comment| {
        view! { <blockquote class="plan-comment">{i18n.format(Key::GoalsPlanComment, &[("comment", &comment)])}</blockquote> }
    });
    let can_submit = plan.viewer_is_owner && matches!(plan.state, PlanState::Draft | PlanState::Returned);
    let can_decide = plan.viewer_manages && plan.state == PlanState::Submitted;
    let (owner_a, year_a, owner_b, year_b, owner_c, year_c) =
        (owner.clone(), year.clone(), owner.clone(), year.clone(), owner, year);
    Some(view! {
        <section aria-labelledby="plan-title" class="plan">
            <h2 id="plan-title">{i18n.format(Key::GoalsPlanTitle, &[("year", &plan.year.to_string())])}</h2>
            <p role="status">{state}</p>
            {comment}
            {can_submit.then(|| view! {
                <ActionForm action=step>
                    <input type="hidden" name="owner" value=owner_a/>
                    <input type="hidden" name="year" value=year_a/>
                    <input type="hidden" name="step" value="submit"/>
                    <input type="hidden" name="comment" value=""/>
                    <button type="submit" class="button-primary">{i18n.t(Key::GoalsPlanSubmit)}</button>
                </ActionForm>
            })}
            {can_decide.then(|| view! {
                <ActionForm action=step>
                    <input type="hidden" name="owner" value=owner_b/>
                    <input type="hidden" name="year" value=year_b/>
                    <input type="hidden" name="step" value="approve"/>
                    <input type="hidden" name="comment" value=""/>
                    <button type="submit" class="button-primary">{i18n.t(Key::GoalsPlanApprove)}</button>
                </ActionForm>
                <ActionForm action=step attr:class="form wide-form">
                    <input type="hidden" name="owner" value=owner_c/>
                    <input type="hidden" name="year" value=year_c/>
                    <input type="hidden" name="step" value="return"/>
                    <label for="plan-comment">{i18n.t(Key::GoalsPlanReturnComment)}</label>
                    <textarea id="plan-comment" name="comment" rows="3"></textarea>
                    <FieldError error field="comment"/>
                    <button type="submit">{i18n.t(Key::GoalsPlanReturn)}</button>
                </ActionForm>
            })}
            <FieldError error field="plan"/>
        </section>
    })
}
