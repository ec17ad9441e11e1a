//! `/reviews/progress`: how far a review cycle is, for admins (everyone
//! in scope) and managers (their people) — counts per unit, and per person
//! and moment the stage, overdue ones highlighted — with an XLSX export.
//! Admins reopen a shared or locked evaluation here, with a reason.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::domain::AppError;
use crate::domain::dto::{PersonProgress, ProgressCell, ReviewProgress, StageCounts};
use crate::domain::evaluations::Stage;
use crate::features::account::components::RequireSignIn;
use crate::features::evaluations::api::{ReopenEvaluation, load_review_progress};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, successes};

#[component]
pub fn ReviewProgressPage() -> impl IntoView {
    let i18n = use_i18n();
    let reopen = ServerAction::<ReopenEvaluation>::new();
    let changed = successes(move || [reopen.value().get()]);
    let query = use_query_map();
    let shown = Resource::new(
        move || (query.with(|q| q.get("cycle").unwrap_or_default()), changed.get()),
        |(cycle, _)| load_review_progress(cycle),
    );
    view! {
        <Title text=i18n.t(Key::ReviewProgressTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::ReviewProgressTitle)}</h1>
                <p>{i18n.t(Key::ReviewProgressIntro)}</p>
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok(progress) => page(i18n, progress, reopen).into_any(),
                            Err(AppError::NotFound) => view! { <p>{i18n.t(Key::ReviewProgressNoCycle)}</p> }.into_any(),
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
    progress: ReviewProgress,
    reopen: ServerAction<ReopenEvaluation>,
) -> impl IntoView + use<> {
    let chosen = progress.cycle;
    let cycles = progress
        .cycles
        .iter()
        .map(|(id, name)| view! { <option value=id.to_string() selected=*id == chosen>{name.clone()}</option> })
        .collect_view();
    let moments = progress.moments.clone();
    let moment_headers = move || {
        moments
            .iter()
            .map(|m| {
                let until = i18n.format(Key::ReviewProgressUntil, &[("date", &m.closes_on)]);
                view! { <th scope="col">{i18n.t(m.kind.label_key())}<br/><span class="hint">{until}</span></th> }
            })
            .collect_view()
    };
    let unit_rows = progress
        .units
        .iter()
        .map(|u| {
            let name =
                u.unit.as_ref().map_or(i18n.t(Key::ReviewProgressNoUnit).to_owned(), |(_, n)| n.clone());
            let cells = u.counts.iter().map(|c| view! { <td>{counts(i18n, c)}</td> }).collect_view();
            view! { <tr><th scope="row">{name}</th>{cells}</tr> }
        })
        .collect_view();
    let people = progress
        .people
        .into_iter()
        .map(|person| person_row(i18n, person, &progress.moments, progress.may_reopen, reopen))
        .collect_view();
    let error = Signal::derive(move || reopen.value().get().and_then(Result::err));
    view! {
        <form method="get" class="inline-form" action="/reviews/progress">
            <label for="progress-cycle">{i18n.t(Key::ReviewProgressCycle)}</label>
            <select id="progress-cycle" name="cycle">{cycles}</select>
            <button type="submit">{i18n.t(Key::ReviewProgressShow)}</button>
            <a class="button" href=format!("/reviews/progress.xlsx?cycle={chosen}") download>
                {i18n.t(Key::ReviewProgressExport)}
            </a>
        </form>
        <h2>{i18n.t(Key::ReviewProgressPerUnit)}</h2>
        <div class="table-scroll">
            <table class="data-table" id="progress-units">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::ReviewProgressUnit)}</th>
                        {moment_headers()}
                    </tr>
                </thead>
                <tbody>{unit_rows}</tbody>
            </table>
        </div>
        <h2>{i18n.t(Key::ReviewProgressPerPerson)}</h2>
        <FieldError error field="reason"/>
        <FieldError error field="workflow"/>
        <FormError error/>
        <div class="table-scroll">
            <table class="data-table" id="progress-people">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::EvaluationsPerson)}</th>
                        <th scope="col">{i18n.t(Key::ReviewProgressUnit)}</th>
                        {moment_headers()}
                    </tr>
                </thead>
                <tbody>{people}</tbody>
            </table>
        </div>
    }
}

fn counts(i18n: I18n, c: &StageCounts) -> String {
    let values = [
        ("locked", c.locked.to_string()),
        ("shared", c.shared.to_string()),
        ("written", c.written.to_string()),
        ("people", c.people.to_string()),
        ("overdue", c.overdue.to_string()),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let key = if c.overdue > 0 { Key::ReviewProgressCountsOverdue } else { Key::ReviewProgressCounts };
    i18n.format(key, &values)
}

fn person_row(
    i18n: I18n,
    person: PersonProgress,
    moments: &[crate::domain::dto::ProgressMoment],
    may_reopen: bool,
    reopen: ServerAction<ReopenEvaluation>,
) -> impl IntoView + use<> {
    let employee = person.person.id;
    let cells = person
        .cells
        .iter()
        .zip(moments)
        .map(|(cell, moment)| {
            let reopening = (may_reopen && matches!(cell.stage, Stage::Shared | Stage::Locked))
                .then(|| reopen_form(i18n, reopen, moment.id.to_string(), employee.to_string()));
            view! { <td class:overdue=cell.overdue>{cell_text(i18n, cell)}{reopening}</td> }
        })
        .collect_view();
    view! {
        <tr>
            <th scope="row">{person.person.name}</th>
            <td>{person.unit.unwrap_or_default()}</td>
            {cells}
        </tr>
    }
}

fn cell_text(i18n: I18n, cell: &ProgressCell) -> impl IntoView + use<> {
    let stage = if cell.open { i18n.t(cell.stage.label_key()) } else { i18n.t(Key::ReviewProgressNotOpen) };
    let acknowledged = (cell.stage == Stage::Shared
        && (cell.employee_acknowledged || cell.manager_acknowledged))
        .then(|| {
            let key = if cell.employee_acknowledged {
                Key::ReviewProgressEmployeeAcknowledged
            } else {
                Key::ReviewProgressManagerAcknowledged
            };
            view! { <span class="hint">{i18n.t(key)}</span> }
        });
    let overdue = cell
        .overdue
        .then(|| view! { <span class="badge badge-warning">{i18n.t(Key::EvaluationsOverdue)}</span> });
    view! { <span class="stage">{stage}</span>{acknowledged}{overdue} }
}

fn reopen_form(
    i18n: I18n,
    reopen: ServerAction<ReopenEvaluation>,
    moment: String,
    employee: String,
) -> impl IntoView + use<> {
    let reason_id = format!("reason-{moment}-{employee}");
    view! {
        <details class="reopen">
            <summary>{i18n.t(Key::ReviewProgressReopen)}</summary>
            <ActionForm action=reopen attr:class="form">
                <input type="hidden" name="moment" value=moment/>
                <input type="hidden" name="employee" value=employee/>
                <label for=reason_id.clone()>{i18n.t(Key::ReviewProgressReason)}</label>
                <textarea id=reason_id name="reason" rows="2" required></textarea>
                <button type="submit" class="button-danger">{i18n.t(Key::ReviewProgressReopenConfirm)}</button>
            </ActionForm>
        </details>
    }
}
