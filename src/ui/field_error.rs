//! The message for one field of a form, taken from the form's last answer.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::i18n::use_i18n;

/// Shows the problem with `field`, if the last submission had one. `id` lets
/// the input point at it with `aria-describedby`.
#[component]
pub fn FieldError(#[prop(into)] error: Signal<Option<AppError>>, field: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || {
        error.get().and_then(|error| match error {
            AppError::Invalid { errors } => {
                errors.into_iter().find(|e| e.field == field).map(|e| e.problem.message(i18n.lang))
            }
            _ => None,
        })
    };
    view! {
        <Show when=move || message().is_some()>
            <p class="field-error" id=format!("{field}-error")>{message}</p>
        </Show>
    }
}
