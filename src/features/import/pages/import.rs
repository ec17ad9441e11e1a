//! `/admin/people/import`: choose a CSV or XLSX file, see what it would do
//! and every problem in it, then import it while a progress bar shows how
//! far it has come.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::domain::AppError;
use crate::domain::dto::{
    ImportColumn, ImportOutcome, ImportPreview, ImportProblem, ImportProgress, RowOutcome,
};
use crate::features::account::components::RequireSignIn;
use crate::features::import::api::{follow_import, preview_import, start_import};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::ErrorMessage;

/// How often the progress is asked for while an import runs.
const POLL_EVERY: Duration = Duration::from_millis(300);

#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    // The chosen file as base64, as it goes to the server.
    let content = RwSignal::new(None::<String>);
    let unreadable = RwSignal::new(false);
    let invite = RwSignal::new(true);
    let preview = Action::new(|content: &String| preview_import(content.clone()));
    let start = Action::new(|(content, fingerprint, invite): &(String, String, bool)| {
        start_import(content.clone(), fingerprint.clone(), *invite)
    });
    let progress = RwSignal::new(None::<Result<ImportProgress, AppError>>);
    Effect::new(move || {
        if let Some(Ok(job)) = start.value().get() {
            follow(job, progress);
        }
    });
    let choose_file = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        progress.set(None);
        start.value().set(None);
        spawn_local(async move {
            match read_as_base64(&file).await {
                Some(read) => {
                    unreadable.set(false);
                    content.set(Some(read.clone()));
                    preview.dispatch(read);
                }
                None => unreadable.set(true),
            }
        });
    };
    let confirm = move |fingerprint: String| {
        if let Some(content) = content.get_untracked() {
            progress.set(Some(Ok(ImportProgress { done: 0, total: 0, finished: None })));
            start.dispatch((content, fingerprint, invite.get_untracked()));
        }
    };
    view! {
        <Title text=i18n.t(Key::ImportTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/admin/people">{i18n.t(Key::ImportBack)}</A></p>
                <h1>{i18n.t(Key::ImportTitle)}</h1>
                <p>{i18n.t(Key::ImportIntro)}</p>
                {columns_help(i18n)}
                <p class="row-actions">
                    <a href="/admin/people/export?format=xlsx" download="">{i18n.t(Key::ImportExportXlsx)}</a>
                    <a href="/admin/people/export?format=csv" download="">{i18n.t(Key::ImportExportCsv)}</a>
                </p>
                <div class="form">
                    <label for="import-file">{i18n.t(Key::ImportChooseFile)}</label>
                    <input id="import-file" type="file" accept=".csv,.xlsx,text/csv" on:change=choose_file/>
                </div>
                {move || unreadable.get().then(|| view! { <p role="alert" class="form-error">{i18n.t(Key::ImportIssueUnreadable)}</p> })}
                {move || preview.pending().get().then(|| view! { <p role="status">{i18n.t(Key::ImportChecking)}</p> })}
                {move || match preview.value().get() {
                    None => ().into_any(),
                    Some(Err(error)) => view! { <ErrorMessage error/> }.into_any(),
                    Some(Ok(found)) => preview_view(i18n, found, invite, confirm, start.pending().into()).into_any(),
                }}
                {move || start.value().get().and_then(Result::err).map(|error| failure_view(i18n, error))}
                {move || progress.get().map(|progress| progress_view(i18n, progress))}
            }
        }/>
    }
}

/// Asks for the progress until the import has finished.
fn follow(job: String, progress: RwSignal<Option<Result<ImportProgress, AppError>>>) {
    spawn_local(async move {
        let answer = follow_import(job.clone()).await;
        let running = matches!(&answer, Ok(ImportProgress { finished: None, .. }));
        progress.set(Some(answer));
        if running {
            set_timeout(move || follow(job, progress), POLL_EVERY);
        }
    });
}

/// The file's bytes as base64; `None` when the browser cannot read it.
async fn read_as_base64(file: &web_sys::File) -> Option<String> {
    use base64::Engine as _;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.ok()?;
    let bytes = js_sys::Uint8Array::new(buffer.dyn_ref::<js_sys::ArrayBuffer>()?).to_vec();
    Some(base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// Which columns a file may have, in Dutch or English.
fn columns_help(i18n: I18n) -> impl IntoView {
    let rows = ImportColumn::ALL
        .iter()
        .map(|column| {
            view! {
                <tr>
                    <th scope="row">{column.headers().join(", ")}</th>
                    <td>{i18n.t(column_help(*column))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <details>
            <summary>{i18n.t(Key::ImportColumnsTitle)}</summary>
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::ImportColumnHeader)}</th>
                        <th scope="col">{i18n.t(Key::ImportColumnMeaning)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}

const fn column_help(column: ImportColumn) -> Key {
    match column {
        ImportColumn::Name => Key::ImportHelpName,
        ImportColumn::Email => Key::ImportHelpEmail,
        ImportColumn::Username => Key::ImportHelpUsername,
        ImportColumn::Phone => Key::ImportHelpPhone,
        ImportColumn::Language => Key::ImportHelpLanguage,
        ImportColumn::Function => Key::ImportHelpFunction,
        ImportColumn::Unit => Key::ImportHelpUnit,
        ImportColumn::ManagesUnit => Key::ImportHelpManagesUnit,
        ImportColumn::Manager => Key::ImportHelpManager,
        ImportColumn::Roles => Key::ImportHelpRoles,
        ImportColumn::StartedOn => Key::ImportHelpStartedOn,
        ImportColumn::BirthYear => Key::ImportHelpBirthYear,
    }
}

/// A column's name as the page shows it.
const fn column_name(column: ImportColumn) -> Key {
    match column {
        ImportColumn::Name => Key::ImportColumnName,
        ImportColumn::Email => Key::ImportColumnEmail,
        ImportColumn::Username => Key::ImportColumnUsername,
        ImportColumn::Phone => Key::ImportColumnPhone,
        ImportColumn::Language => Key::ImportColumnLanguage,
        ImportColumn::Function => Key::ImportColumnFunction,
        ImportColumn::Unit => Key::ImportColumnUnit,
        ImportColumn::ManagesUnit => Key::ImportColumnManagesUnit,
        ImportColumn::Manager => Key::ImportColumnManager,
        ImportColumn::Roles => Key::ImportColumnRoles,
        ImportColumn::StartedOn => Key::ImportColumnStartedOn,
        ImportColumn::BirthYear => Key::ImportColumnBirthYear,
    }
}

fn preview_view(
    i18n: I18n,
    preview: ImportPreview,
    invite: RwSignal<bool>,
    confirm: impl Fn(String) + Copy + Send + Sync + 'static,
    starting: Signal<bool>,
) -> impl IntoView {
    let counts = i18n.format(
        Key::ImportCounts,
        &[
            ("new", &preview.new_people.to_string()),
            ("changed", &preview.changed_people.to_string()),
            ("unchanged", &preview.unchanged_people.to_string()),
        ],
    );
    let listed = |key: Key, names: &[String]| {
        (!names.is_empty()).then(|| view! { <p>{i18n.format(key, &[("names", &names.join("; "))])}</p> })
    };
    let new_units = listed(Key::ImportNewUnits, &preview.new_units);
    let new_functions = listed(Key::ImportNewFunctions, &preview.new_functions);
    let can_import = preview.has_changes();
    let nothing_to_do = preview.problems.is_empty() && !can_import;
    let problems = (!preview.problems.is_empty()).then(|| problems_view(i18n, preview.problems.clone()));
    let fingerprint = preview.fingerprint.clone();
    let people = preview.new_people + preview.changed_people;
    let confirm_section = can_import.then(|| {
        view! {
            <div class="form">
                <label>
                    <input type="checkbox" prop:checked=move || invite.get() on:change=move |event| invite.set(event_target_checked(&event))/>
                    {i18n.t(Key::ImportInvite)}
                </label>
                <button
                    type="button"
                    class="button-primary"
                    disabled=move || starting.get()
                    on:click=move |_| confirm(fingerprint.clone())
                >
                    {i18n.format(Key::ImportConfirm, &[("count", &people.to_string())])}
                </button>
            </div>
        }
    });
    view! {
        <section aria-labelledby="import-preview-title">
            <h2 id="import-preview-title">{i18n.t(Key::ImportPreviewTitle)}</h2>
            <p role="status">{counts}</p>
            {new_units}
            {new_functions}
            {problems}
            {nothing_to_do.then(|| view! { <p>{i18n.t(Key::ImportNothingToDo)}</p> })}
            {confirm_section}
            {rows_view(i18n, &preview)}
        </section>
    }
}

fn problems_view(i18n: I18n, problems: Vec<ImportProblem>) -> impl IntoView {
    let intro = i18n.format(Key::ImportProblemCount, &[("count", &problems.len().to_string())]);
    let rows = problems
        .into_iter()
        .map(|problem| {
            let row = if problem.row == 0 {
                i18n.t(Key::ImportWholeFile).to_owned()
            } else {
                problem.row.to_string()
            };
            let column = problem.column.map(|column| i18n.t(column_name(column))).unwrap_or_default();
            view! {
                <tr>
                    <td>{row}</td>
                    <td>{column}</td>
                    <td>{problem.issue.message(i18n.lang)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div role="alert">
            <p class="form-error">{intro}</p>
            <table class="data-table" aria-label=i18n.t(Key::ImportProblemsLabel)>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::ImportRow)}</th>
                        <th scope="col">{i18n.t(Key::ImportColumn)}</th>
                        <th scope="col">{i18n.t(Key::ImportReason)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn rows_view(i18n: I18n, preview: &ImportPreview) -> impl IntoView + use<> {
    let rows = preview
        .rows
        .iter()
        .map(|row| {
            let outcome = match &row.outcome {
                RowOutcome::New => i18n.t(Key::ImportOutcomeNew).to_owned(),
                RowOutcome::Unchanged => i18n.t(Key::ImportOutcomeUnchanged).to_owned(),
                RowOutcome::Invalid => i18n.t(Key::ImportOutcomeInvalid).to_owned(),
                RowOutcome::Changed(columns) => {
                    let names: Vec<&str> =
                        columns.iter().map(|column| i18n.t(column_name(*column))).collect();
                    i18n.format(Key::ImportOutcomeChanged, &[("columns", &names.join(", "))])
                }
            };
            view! {
                <tr>
                    <td>{row.row}</td>
                    <td>{row.name.clone()}</td>
                    <td>{row.sign_in_name.clone()}</td>
                    <td>{outcome}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <details>
            <summary>{i18n.t(Key::ImportRowsTitle)}</summary>
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::ImportRow)}</th>
                        <th scope="col">{i18n.t(Key::PeopleName)}</th>
                        <th scope="col">{i18n.t(Key::PeopleSignInName)}</th>
                        <th scope="col">{i18n.t(Key::ImportWhat)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}

/// Starting failed: the file's problems, or another error.
fn failure_view(i18n: I18n, error: AppError) -> AnyView {
    match error {
        AppError::ImportRejected { problems } => view! {
            <div>
                <p role="alert" class="form-error">{i18n.t(Key::ErrorImportRejected)}</p>
                {problems_view(i18n, problems)}
            </div>
        }
        .into_any(),
        error => view! { <ErrorMessage error/> }.into_any(),
    }
}

fn progress_view(i18n: I18n, progress: Result<ImportProgress, AppError>) -> AnyView {
    match progress {
        Err(error) => view! { <ErrorMessage error/> }.into_any(),
        Ok(ImportProgress { finished: Some(Ok(outcome)), .. }) => outcome_view(i18n, outcome).into_any(),
        Ok(ImportProgress { finished: Some(Err(error)), .. }) => failure_view(i18n, error),
        Ok(ImportProgress { done, total, finished: None }) => {
            let label = i18n
                .format(Key::ImportProgress, &[("done", &done.to_string()), ("total", &total.to_string())]);
            view! {
                <div class="form">
                    <label for="import-progress">{label}</label>
                    <progress id="import-progress" max=total.max(1) value=done></progress>
                </div>
            }
            .into_any()
        }
    }
}

fn outcome_view(i18n: I18n, outcome: ImportOutcome) -> impl IntoView {
    let summary = i18n.format(
        Key::ImportDone,
        &[
            ("created", &outcome.created.to_string()),
            ("updated", &outcome.updated.to_string()),
            ("unchanged", &outcome.unchanged.to_string()),
            ("units", &outcome.units_created.to_string()),
            ("functions", &outcome.functions_created.to_string()),
            ("invitations", &outcome.invitations_sent.to_string()),
        ],
    );
    view! {
        <p role="status" class="success">{summary}</p>
        <p><A href="/admin/people">{i18n.t(Key::ImportToPeople)}</A></p>
    }
}
