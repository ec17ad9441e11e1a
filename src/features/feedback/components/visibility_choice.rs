//! Who may read feedback: a choice among `options`, and beside it a
//! preview that names exactly who will be able to read it, or says that
//! the organisation does not allow the choice for the recipient.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::FeedbackPreview;
use crate::domain::feedback::FeedbackVisibility;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError};

/// The preview for the recipient and visibility chosen; `None` while no
/// recipient is chosen.
pub type PreviewResource = Resource<Result<Option<FeedbackPreview>, AppError>>;

#[component]
pub fn VisibilityChoice(
    options: Vec<FeedbackVisibility>,
    visibility: RwSignal<FeedbackVisibility>,
    preview: PreviewResource,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let radios = options
        .into_iter()
        .map(|v| {
            let id = format!("visibility-{}", v.code());
            let label_for = id.clone();
            view! {
                <label for=label_for>
                    <input type="radio" id=id name="form[visibility]" value=v.code()
                        checked=v == visibility.get_untracked()
                        on:change=move |_| visibility.set(v)/>
                    {i18n.t(v.label_key())}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="checkbox-group">
            <legend>{i18n.t(Key::FeedbackWhoReads)}</legend>
            {radios}
        </fieldset>
        <FieldError error field="visibility"/>
        <section class="feedback-preview" aria-live="polite" aria-labelledby="preview-title">
            <h2 id="preview-title">{i18n.t(Key::FeedbackPreviewTitle)}</h2>
            <Transition>{move || Suspend::new(async move { readers(i18n, preview.await, visibility.get_untracked()) })}</Transition>
        </section>
    }
}

/// The preview: you, and the people (or everyone) who will read it; or
/// that the organisation does not allow the choice for this person.
fn readers(
    i18n: I18n,
    preview: Result<Option<FeedbackPreview>, AppError>,
    visibility: FeedbackVisibility,
) -> impl IntoView {
    let preview = match preview {
        Ok(Some(preview)) => preview,
        Ok(None) => return view! { <ul><li>{i18n.t(Key::FeedbackPreviewYou)}</li></ul> }.into_any(),
        Err(error) => return view! { <ErrorMessage error/> }.into_any(),
    };
    if !preview.allowed.contains(&visibility) {
        let not_allowed = i18n.format(Key::FeedbackNotAllowed, &[("person", &preview.recipient)]);
        return view! { <p class="form-error">{not_allowed}</p> }.into_any();
    }
    let others = if preview.everyone {
        view! { <li>{i18n.t(Key::FeedbackPreviewEveryone)}</li> }.into_any()
    } else {
        preview.readers.into_iter().map(|name| view! { <li>{name}</li> }).collect_view().into_any()
    };
    view! {
        <ul id="feedback-readers">
            <li>{i18n.t(Key::FeedbackPreviewYou)}</li>
            {others}
        </ul>
    }
    .into_any()
}
