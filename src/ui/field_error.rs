//! Errors of a form, taken from its last answer: per field, and for the
//! form as a whole.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::i18n::use_i18n;

/// Shows the problem with `field`, if the last submission had one. `id` lets
/// the input point at it with `aria-describedby`.
#[component]
pub fn FieldError(
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(into)] field: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("{field}-error");
    let message = Signal::derive(move || {
        error.get().and_then(|error| match error {
            AppError::Invalid { errors } => {
                errors.into_iter().find(|e| e.field == field).map(|e| e.problem.message(i18n.lang))
            }
            _ => None,
        })
    });
    view! {
        <Show when=move || message.get().is_some()>
            <p class="field-error" id=id.clone()>{message}</p>
        </Show>
    }
}

/// An error of the form as a whole; field errors are shown beside their
/// fields by [`FieldError`] instead.
#[component]
pub fn FormError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Invalid { .. }))
            .map(|error| view! { <super::ErrorMessage error/> })
    }
}
