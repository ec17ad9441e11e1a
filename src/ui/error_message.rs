//! A translated error, announced to screen readers.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::i18n::use_i18n;

/// Shows `error`. Field problems shown here, away from any field (say, a
/// unit that cannot be deleted), are spelled out rather than pointed at.
#[component]
pub fn ErrorMessage(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let text = match &error {
        AppError::Invalid { errors } if !errors.is_empty() => {
            errors.iter().map(|e| e.problem.message(i18n.lang)).collect::<Vec<_>>().join(" ")
        }
        _ => error.message(i18n.lang),
    };
    view! {
        <p class="form-error" role="alert">
            {text}
        </p>
    }
}
