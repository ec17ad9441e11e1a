//! The field for a code from the authenticator app (or, where `label` says
//! so, a recovery code). Phones offer the code from a text message or app
//! because of `autocomplete="one-time-code"`.

use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};

#[component]
pub fn CodeField(id: &'static str, label: Key, hint: Key) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    view! {
        <label for=id>{i18n.t(label)}</label>
        <input
            id=id
            name="code"
            type="text"
            autocomplete="one-time-code"
            autocapitalize="none"
            spellcheck="false"
            maxlength="20"
            aria-describedby=hint_id.clone()
            required
        />
        <p id=hint_id class="hint">{i18n.t(hint)}</p>
    }
}
