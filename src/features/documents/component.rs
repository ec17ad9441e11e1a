//! The documents section: the list (name, size, who uploaded it and
//! when; view, download, delete after confirming) and, for those who may
//! add, a drop zone and file picker that send each file on its own, with
//! its progress and a cancel button.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::api::{DeleteDocument, list_documents};
use super::transfer::{self, Outcome};
use crate::domain::AppError;
use crate::domain::documents::Holder;
use crate::domain::dto::{DocumentList, DocumentView};
use crate::domain::validation::{Problem, encode_query_value};
use crate::i18n::{I18n, Key, Lang, use_i18n};
use crate::ui::ErrorMessage;

/// A file on its way up, as the section shows it.
#[derive(Clone, Debug, PartialEq)]
struct Transfer {
    key: u32,
    name: String,
    percent: u8,
    failure: Option<AppError>,
}

/// What the section needs to send files and follow them.
#[derive(Clone, Copy)]
struct Uploads {
    holder: Holder,
    max_bytes: StoredValue<u64>,
    shown: RwSignal<Vec<Transfer>>,
    /// Bumped when a file was stored, so the list reloads.
    stored: RwSignal<u32>,
}

/// The documents on `holder`, as a section of its page; `whole_page`: as
/// the page itself, headed with the person's name. Placed beside the
/// page's own `Transition`, not inside it, so that its list is loaded with
/// the page on the server and taken over as it is in the browser.
#[component]
pub fn Documents(holder: Holder, #[prop(optional)] whole_page: bool) -> impl IntoView {
    let i18n = use_i18n();
    let delete = ServerAction::<DeleteDocument>::new();
    let uploads = Uploads {
        holder,
        max_bytes: StoredValue::new(0),
        shown: RwSignal::new(Vec::new()),
        stored: RwSignal::new(0),
    };
    let list = Resource::new(
        move || (delete.version().get(), uploads.stored.get()),
        move |_| list_documents(holder.to_string()),
    );
    let delete_error =
        move || delete.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> });
    view! {
        <Transition>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => {
                        uploads.max_bytes.set_value(list.max_megabytes * 1024 * 1024);
                        let heading = if whole_page {
                            let name = list.person.clone().unwrap_or_default();
                            let title = i18n.format(Key::DocumentsOfPerson, &[("name", &name)]);
                            view! { <h1 id="documents-title">{title}</h1> }.into_any()
                        } else {
                            view! { <h2 id="documents-title">{i18n.t(Key::DocumentsTitle)}</h2> }.into_any()
                        };
                        view! {
                            <section class="documents" aria-labelledby="documents-title">
                                {heading}
                                {delete_error}
                                {section(i18n, list, uploads, delete)}
                            </section>
                        }
                        .into_any()
                    }
                    // On a goal's or evaluation's page, the page itself says it is not there.
                    Err(AppError::NotFound) if !whole_page => ().into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn section(
    i18n: I18n,
    list: DocumentList,
    uploads: Uploads,
    delete: ServerAction<DeleteDocument>,
) -> impl IntoView + use<> {
    let adding = list.may_add.then(|| drop_zone(i18n, &list, uploads));
    let listed = if list.documents.is_empty() {
        view! { <p class="hint">{i18n.t(Key::DocumentsNone)}</p> }.into_any()
    } else {
        table(i18n, list.documents, delete).into_any()
    };
    view! {
        {adding}
        {move || transfers(i18n, uploads)}
        {listed}
    }
}

fn drop_zone(i18n: I18n, list: &DocumentList, uploads: Uploads) -> impl IntoView + use<> {
    let hovering = RwSignal::new(false);
    let hint = i18n.format(Key::DocumentsDropHint, &[("max", &list.max_megabytes.to_string())]);
    let on_drop = move |event: web_sys::DragEvent| {
        event.prevent_default();
        hovering.set(false);
        if let Some(files) = event.data_transfer().and_then(|data| data.files()) {
            start_all(uploads, &files);
        }
    };
    let on_pick = move |event: leptos::ev::Event| {
        let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        if let Some(files) = input.files() {
            start_all(uploads, &files);
        }
        // The same file can be chosen again after a failure.
        input.set_value("");
    };
    view! {
        <div
            class="drop-zone"
            class:drop-zone-active=move || hovering.get()
            on:dragover=move |event: web_sys::DragEvent| {
                event.prevent_default();
                hovering.set(true);
            }
            on:dragleave=move |_| hovering.set(false)
            on:drop=on_drop
        >
            <input id="documents-file" class="visually-hidden" type="file" multiple accept=list.accept.clone() on:change=on_pick/>
            <label class="button-primary" for="documents-file">{i18n.t(Key::DocumentsChoose)}</label>
            <p class="hint">{hint}</p>
        </div>
    }
}

/// Sends every file of `files`, each on its own.
fn start_all(uploads: Uploads, files: &web_sys::FileList) {
    for index in 0..files.length() {
        if let Some(file) = files.get(index) {
            start(uploads, &file);
        }
    }
}

fn start(uploads: Uploads, file: &web_sys::File) {
    let key = transfer::next_key();
    let name = file.name();
    let mut shown_row = Transfer { key, name: name.clone(), percent: 0, failure: None };
    let max_bytes = uploads.max_bytes.get_value();
    // A file too large is told at once rather than after sending it.
    if max_bytes > 0 && file.size() > max_bytes as f64 {
        let max_megabytes = max_bytes / (1024 * 1024);
        shown_row.failure = Some(AppError::invalid("file", Problem::FileTooLarge { max_megabytes }));
        uploads.shown.update(|shown| shown.push(shown_row));
        return;
    }
    uploads.shown.update(|shown| shown.push(shown_row));
    let address = format!("/documents/on/{}?name={}", uploads.holder, encode_query_value(&name));
    let progress = move |percent: u8| {
        uploads.shown.update(|shown| {
            if let Some(row) = shown.iter_mut().find(|row| row.key == key) {
                row.percent = percent;
            }
        });
    };
    let done = move |outcome: Outcome| match outcome {
        Outcome::Stored => {
            uploads.shown.update(|shown| shown.retain(|row| row.key != key));
            uploads.stored.update(|count| *count += 1);
        }
        Outcome::Refused(error) => fail(uploads, key, error),
    };
    if let Err(error) = transfer::send(key, &address, file, progress, done) {
        fail(uploads, key, error);
    }
}

fn fail(uploads: Uploads, key: u32, error: AppError) {
    uploads.shown.update(|shown| {
        if let Some(row) = shown.iter_mut().find(|row| row.key == key) {
            row.failure = Some(error);
        }
    });
}

/// Stops sending a file and removes it from the section.
fn cancel(uploads: Uploads, key: u32) {
    uploads.shown.update(|shown| shown.retain(|row| row.key != key));
    transfer::cancel(key);
}

fn transfers(i18n: I18n, uploads: Uploads) -> impl IntoView + use<> {
    let rows = uploads.shown.get();
    (!rows.is_empty()).then(|| {
        let items = rows
            .into_iter()
            .map(|row| {
                let key = row.key;
                match row.failure {
                    Some(error) => view! {
                        <li class="transfer transfer-failed">
                            <span>{i18n.format(Key::DocumentsFailed, &[("name", &row.name)])}</span>
                            <ErrorMessage error/>
                            <button type="button" on:click=move |_| cancel(uploads, key)>{i18n.t(Key::DocumentsDismiss)}</button>
                        </li>
                    }
                    .into_any(),
                    None => {
                        let label = i18n.format(Key::DocumentsUploading, &[("name", &row.name)]);
                        view! {
                            <li class="transfer">
                                <span>{label.clone()}</span>
                                <progress max="100" value=row.percent.to_string() aria-label=label>{format!("{}%", row.percent)}</progress>
                                <button type="button" on:click=move |_| cancel(uploads, key)>{i18n.t(Key::DocumentsCancelUpload)}</button>
                            </li>
                        }
                        .into_any()
                    }
                }
            })
            .collect_view();
        view! { <ul class="transfers" aria-live="polite">{items}</ul> }
    })
}

fn table(
    i18n: I18n,
    documents: Vec<DocumentView>,
    delete: ServerAction<DeleteDocument>,
) -> impl IntoView + use<> {
    let rows = documents.into_iter().map(|document| row(i18n, document, delete)).collect_view();
    view! {
        <div class="table-scroll">
        <table class="data-table documents-table">
            <thead>
                <tr>
                    <th scope="col">{i18n.t(Key::DocumentsName)}</th>
                    <th scope="col">{i18n.t(Key::DocumentsSize)}</th>
                    <th scope="col">{i18n.t(Key::DocumentsUploadedBy)}</th>
                    <th scope="col">{i18n.t(Key::DocumentsUploadedAt)}</th>
                    <th scope="col">{i18n.t(Key::DocumentsActions)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
    }
}

fn row(i18n: I18n, document: DocumentView, delete: ServerAction<DeleteDocument>) -> impl IntoView + use<> {
    let address = format!("/documents/{}", document.id);
    let confirming = RwSignal::new(false);
    let view_link = document.previewable.then(|| {
        view! { <a href=format!("{address}?view=inline") target="_blank" rel="noopener">{i18n.t(Key::DocumentsView)}</a> }
    });
    let id = document.id;
    let name = document.name.clone();
    let deleting = document.may_delete.then(move || {
        let question = i18n.format(Key::DocumentsConfirmDelete, &[("name", &name)]);
        view! {
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button-danger" on:click=move |_| confirming.set(true)>
                        {i18n.t(Key::DocumentsDelete)}
                    </button>
                }
            >
                <span role="alert">{question.clone()}</span>
                <button type="button" class="button-danger" on:click=move |_| { delete.dispatch(DeleteDocument { id }); }>
                    {i18n.t(Key::DocumentsConfirmYes)}
                </button>
                <button type="button" on:click=move |_| confirming.set(false)>{i18n.t(Key::DocumentsKeep)}</button>
            </Show>
        }
    });
    view! {
        <tr>
            <th scope="row">{document.name.clone()}</th>
            <td>{shown_size(i18n.lang, document.size)}</td>
            <td>{document.uploaded_by.clone().unwrap_or_else(|| "—".to_owned())}</td>
            <td>{document.uploaded_at.clone()}</td>
            <td class="row-actions">
                {view_link}
                <a href=address.clone() download="">{i18n.t(Key::DocumentsDownload)}</a>
                {deleting}
            </td>
        </tr>
    }
}

/// A size as people read it: bytes, kilobytes or megabytes, with the
/// language's decimal sign.
fn shown_size(lang: Lang, bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let (key, number) = match bytes as f64 {
        size if size < KIB => (Key::DocumentsSizeBytes, bytes.to_string()),
        size if size < KIB * KIB => (Key::DocumentsSizeKb, format!("{:.0}", (size / KIB).ceil())),
        size => (Key::DocumentsSizeMb, format!("{:.1}", size / KIB / KIB)),
    };
    let number = if lang == Lang::Nl { number.replace('.', ",") } else { number };
    crate::i18n::format(lang, key, &[("n", &number)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(shown_size(Lang::En, 900), "900 bytes");
        assert_eq!(shown_size(Lang::En, 1500), "2 KB");
        assert_eq!(shown_size(Lang::Nl, 5 * 1024 * 1024 + 512 * 1024), "5,5 MB");
        assert_eq!(shown_size(Lang::En, 200 * 1024 * 1024), "200.0 MB");
    }
}
