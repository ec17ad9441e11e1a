//! `/notes` (optionally `?subject={person}`): one's private notes about
//! oneself, one's reports or (for admins) anyone; only the author ever
//! reads them. Add, change and delete; filter by person.

use leptos::html;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::domain::dto::{Note, PersonRef};
use crate::features::account::components::RequireSignIn;
use crate::features::feedback::api::{AddNote, DeleteNote, UpdateNote, list_notes};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, successes};

#[component]
pub fn NotesPage() -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddNote>::new();
    let update = ServerAction::<UpdateNote>::new();
    let delete = ServerAction::<DeleteNote>::new();
    let query = use_query_map();
    let subject = move || query.with(|q| q.get("subject").unwrap_or_default());
    let changed = successes(move || [add.value().get(), update.value().get(), delete.value().get()]);
    let shown = Resource::new(move || (subject(), changed.get()), |(subject, _)| list_notes(subject));
    let add_form = NodeRef::<html::Form>::new();
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(form)) = (add.value().get(), add_form.get()) {
            form.reset();
        }
    });
    let add_error = Signal::derive(move || add.value().get().and_then(Result::err));
    let refused = move || {
        [update.value().get().and_then(Result::err), delete.value().get().and_then(Result::err)]
            .into_iter()
            .flatten()
            .next()
            .map(|error| view! { <ErrorMessage error/> })
    };
    view! {
        <Title text=i18n.t(Key::NotesTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::NotesTitle)}</h1>
                <p>{i18n.t(Key::NotesIntro)}</p>
                {refused}
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok((notes, subjects)) => view! {
                                {filter(i18n, &subjects, &subject())}
                                <ActionForm action=add node_ref=add_form attr:class="form">
                                    {subject_field(i18n, &subjects, &subject())}
                                    <FieldError error=add_error field="subject"/>
                                    <label for="note-body">{i18n.t(Key::NotesBody)}</label>
                                    <textarea id="note-body" name="form[body]" rows="4" required></textarea>
                                    <FieldError error=add_error field="body"/>
                                    <FormError error=add_error/>
                                    <button type="submit" class="button-primary">{i18n.t(Key::NotesAdd)}</button>
                                </ActionForm>
                                {list(i18n, notes, update, delete)}
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

fn person_options(subjects: &[PersonRef], chosen: &str) -> impl IntoView + use<> {
    subjects
        .iter()
        .map(|p| {
            let id = p.id.to_string();
            let selected = id == chosen;
            view! { <option value=id selected=selected>{p.name.clone()}</option> }
        })
        .collect_view()
}

fn filter(i18n: I18n, subjects: &[PersonRef], chosen: &str) -> impl IntoView + use<> {
    view! {
        <form method="get" action="/notes" class="filter-form">
            <label for="notes-filter">{i18n.t(Key::NotesSubject)}</label>
            <select id="notes-filter" name="subject">
                <option value="">{i18n.t(Key::NotesEveryone)}</option>
                {person_options(subjects, chosen)}
            </select>
            <button type="submit">{i18n.t(Key::NotesShow)}</button>
        </form>
    }
}

fn subject_field(i18n: I18n, subjects: &[PersonRef], chosen: &str) -> impl IntoView + use<> {
    view! {
        <label for="note-subject">{i18n.t(Key::NotesSubject)}</label>
        <select id="note-subject" name="form[subject]" required>{person_options(subjects, chosen)}</select>
    }
}

fn list(
    i18n: I18n,
    notes: Vec<Note>,
    update: ServerAction<UpdateNote>,
    delete: ServerAction<DeleteNote>,
) -> impl IntoView {
    if notes.is_empty() {
        return view! { <p>{i18n.t(Key::NotesEmpty)}</p> }.into_any();
    }
    let items = notes
        .into_iter()
        .map(|note| {
            let id = note.id.to_string();
            let delete_id = id.clone();
            let written = i18n.format(Key::NotesWritten, &[("at", &note.written)]);
            let changed = note.changed.map(|at| i18n.format(Key::NotesChanged, &[("at", &at)]));
            let field = format!("note-{id}");
            view! {
                <li class="feedback-card">
                    <p class="feedback-meta">
                        <strong>{note.subject.name}</strong>
                        <span class="hint">{written}</span>
                        {changed.map(|changed| view! { <span class="hint">{changed}</span> })}
                    </p>
                    <p class="goal-text">{note.body.clone()}</p>
                    <details>
                        <summary>{i18n.t(Key::NotesChange)}</summary>
                        <ActionForm action=update attr:class="form">
                            <input type="hidden" name="id" value=id.clone()/>
                            <label for=field.clone()>{i18n.t(Key::NotesBody)}</label>
                            <textarea id=field name="form[body]" rows="4" required>{note.body}</textarea>
                            <button type="submit">{i18n.t(Key::NotesSave)}</button>
                        </ActionForm>
                    </details>
                    <ActionForm action=delete>
                        <input type="hidden" name="id" value=delete_id/>
                        <button type="submit" class="button-danger">{i18n.t(Key::NotesDelete)}</button>
                    </ActionForm>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="feedback-list">{items}</ul> }.into_any()
}
