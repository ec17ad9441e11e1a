//! `/admin/reviews/forms/{id}`: the form editor — the form's name and
//! explanation in both languages, its questions in order (change, move,
//! delete), a new question, a copy as a start for another form, and
//! deleting the form.

use leptos::html;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::AppError;
use crate::domain::dto::{QuestionForm, ReviewFormDetails, ReviewQuestion};
use crate::domain::ids::ReviewFormId;
use crate::features::account::components::RequireSignIn;
use crate::features::reviews::api::{
    AddReviewQuestion, CopyReviewForm, DeleteReviewForm, DeleteReviewQuestion, MoveReviewQuestion,
    UpdateReviewForm, UpdateReviewQuestion, load_review_form,
};
use crate::features::reviews::components::question_fields;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FormError, bilingual_fields, successes};

/// Every change the editor makes; one that succeeded reloads the form.
#[derive(Clone, Copy)]
struct Edits {
    rename: ServerAction<UpdateReviewForm>,
    add: ServerAction<AddReviewQuestion>,
    change: ServerAction<UpdateReviewQuestion>,
    remove: ServerAction<DeleteReviewQuestion>,
    shift: ServerAction<MoveReviewQuestion>,
    copy: ServerAction<CopyReviewForm>,
    delete: ServerAction<DeleteReviewForm>,
}

impl Edits {
    fn new() -> Edits {
        Edits {
            rename: ServerAction::new(),
            add: ServerAction::new(),
            change: ServerAction::new(),
            remove: ServerAction::new(),
            shift: ServerAction::new(),
            copy: ServerAction::new(),
            delete: ServerAction::new(),
        }
    }

    fn outcomes(self) -> [Option<Result<(), AppError>>; 5] {
        [
            self.rename.value().get(),
            self.add.value().get(),
            self.change.value().get(),
            self.remove.value().get(),
            self.shift.value().get(),
        ]
    }
}

#[component]
pub fn ReviewFormPage() -> impl IntoView {
    let i18n = use_i18n();
    let edits = Edits::new();
    let changed = successes(move || edits.outcomes());
    let id = move || use_params_map().with(|p| p.get("id")).unwrap_or_default();
    let form = Resource::new(
        move || (id(), changed.get()),
        |(id, _)| async move {
            let id = ReviewFormId(id.parse().map_err(|_| AppError::NotFound)?);
            load_review_form(id).await
        },
    );
    let refused = move || {
        [
            edits.remove.value().get(),
            edits.shift.value().get(),
            edits.copy.value().get(),
            edits.delete.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(Result::err)
        .map(|error| view! { <ErrorMessage error/> })
    };
    view! {
        <Title text=i18n.t(Key::ReviewFormsTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/admin/reviews/forms">{i18n.t(Key::ReviewFormsBack)}</A></p>
                {refused}
                <Transition>
                    {move || Suspend::new(async move {
                        match form.await {
                            Ok(details) => editor(i18n, details, edits).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn editor(i18n: I18n, details: ReviewFormDetails, edits: Edits) -> impl IntoView {
    let id = details.id.to_string();
    let title =
        crate::domain::dto::in_language(i18n.lang, &details.form.name_nl, &details.form.name_en).to_owned();
    let rename_error: Signal<Option<AppError>> =
        Signal::derive(move || edits.rename.value().get().and_then(Result::err));
    let questions = if details.questions.is_empty() {
        view! { <p>{i18n.t(Key::ReviewFormsNoQuestions)}</p> }.into_any()
    } else {
        let items = details
            .questions
            .into_iter()
            .enumerate()
            .map(|(at, question)| question_item(i18n, at, question, edits))
            .collect_view();
        view! { <ol class="feedback-list" id="questions">{items}</ol> }.into_any()
    };
    let (rename_id, add_id, copy_id, delete_id) = (id.clone(), id.clone(), id.clone(), id);
    view! {
        <h1>{title}</h1>
        <details>
            <summary>{i18n.t(Key::ReviewFormsDetails)}</summary>
            <ActionForm action=edits.rename attr:class="form wide-form">
                <input type="hidden" name="id" value=rename_id.clone()/>
                {bilingual_fields("form".to_owned(), Some(details.form.clone()), rename_error)}
                <FormError error=rename_error/>
                <button type="submit" class="button-primary">{i18n.t(Key::ReviewFormsSave)}</button>
            </ActionForm>
        </details>
        <h2>{i18n.t(Key::ReviewFormsQuestions)}</h2>
        {questions}
        <section aria-labelledby="add-question-title">
            <h2 id="add-question-title">{i18n.t(Key::ReviewFormsAddQuestion)}</h2>
            {add_form(i18n, add_id, edits.add)}
        </section>
        <div class="row-actions">
            <ActionForm action=edits.copy>
                <input type="hidden" name="id" value=copy_id.clone()/>
                <button type="submit" class="button-primary">{i18n.t(Key::ReviewFormsCopyButton)}</button>
            </ActionForm>
            <ActionForm action=edits.delete>
                <input type="hidden" name="id" value=delete_id.clone()/>
                <button type="submit" class="button-danger">{i18n.t(Key::ReviewFormsDelete)}</button>
            </ActionForm>
        </div>
    }
}

fn question_item(i18n: I18n, at: usize, question: ReviewQuestion, edits: Edits) -> impl IntoView {
    let id = question.id.to_string();
    let current = QuestionForm::from(&question);
    let scale = question.kind.rated().then(|| {
        let shown = i18n.format(Key::ReviewFormsScaleShown, &[("scale", &question.scale.to_string())]);
        view! { <span class="hint">{shown}</span> }
    });
    let required =
        question.required.then(|| view! { <span class="badge">{i18n.t(Key::ReviewFormsRequired)}</span> });
    let hint = question.hint.in_language(i18n.lang).to_owned();
    let hint = (!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> });
    let error: Signal<Option<AppError>> =
        Signal::derive(move || edits.change.value().get().and_then(Result::err));
    let (change_id, up_id, down_id, remove_id) = (id.clone(), id.clone(), id.clone(), id.clone());
    view! {
        <li class="feedback-card">
            <p class="feedback-meta">
                <strong>{question.text.in_language(i18n.lang).to_owned()}</strong>
                <span class="badge">{i18n.t(question.kind.label_key())}</span>
                {scale}
                {required}
            </p>
            {hint}
            <div class="row-actions">
                <ActionForm action=edits.shift>
                    <input type="hidden" name="id" value=up_id.clone()/>
                    <input type="hidden" name="up" value="true"/>
                    <button type="submit" class="link-button">{i18n.t(Key::ReviewFormsUp)}</button>
                </ActionForm>
                <ActionForm action=edits.shift>
                    <input type="hidden" name="id" value=down_id.clone()/>
                    <input type="hidden" name="up" value="false"/>
                    <button type="submit" class="link-button">{i18n.t(Key::ReviewFormsDown)}</button>
                </ActionForm>
                <ActionForm action=edits.remove>
                    <input type="hidden" name="id" value=remove_id.clone()/>
                    <button type="submit" class="button-danger">{i18n.t(Key::ReviewFormsRemove)}</button>
                </ActionForm>
            </div>
            <details>
                <summary>{i18n.t(Key::ReviewFormsChange)}</summary>
                <ActionForm action=edits.change attr:class="form wide-form">
                    <input type="hidden" name="id" value=change_id.clone()/>
                    {question_fields(format!("q{at}"), Some(current.clone()), error)}
                    <button type="submit" class="button-primary">{i18n.t(Key::ReviewFormsSave)}</button>
                </ActionForm>
            </details>
        </li>
    }
}

fn add_form(i18n: I18n, id: String, add: ServerAction<AddReviewQuestion>) -> impl IntoView {
    let error: Signal<Option<AppError>> = Signal::derive(move || add.value().get().and_then(Result::err));
    let form = NodeRef::<html::Form>::new();
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(form)) = (add.value().get(), form.get()) {
            form.reset();
        }
    });
    view! {
        <ActionForm action=add node_ref=form attr:class="form wide-form">
            <input type="hidden" name="id" value=id.clone()/>
            {question_fields("new".to_owned(), None, error)}
            <FormError error/>
            <button type="submit" class="button-primary">{i18n.t(Key::ReviewFormsAddQuestion)}</button>
        </ActionForm>
    }
}
