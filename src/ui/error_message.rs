//! A translated error, announced to screen readers.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::i18n::use_i18n;

#[component]
pub fn ErrorMessage(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="form-error" role="alert">
            {error.message(i18n.lang)}
        </p>
    }
}
