//! The field for choosing a password, with the rule beside it; the browser
//! checks the minimum length, the server the rest.

use leptos::prelude::*;

use crate::domain::validation::PASSWORD_MIN_CHARS;
use crate::i18n::{Key, use_i18n};

#[component]
pub fn NewPasswordField() -> impl IntoView {
    let i18n = use_i18n();
    let rule = i18n.format(Key::ResetRule, &[("min", &PASSWORD_MIN_CHARS.to_string())]);
    view! {
        <label for="new-password">{i18n.t(Key::ResetNewPassword)}</label>
        <input
            id="new-password"
            name="password"
            type="password"
            autocomplete="new-password"
            minlength=PASSWORD_MIN_CHARS
            aria-describedby="password-rule"
            required
        />
        <p id="password-rule" class="hint">{rule}</p>
    }
}
