//! `/invite`: someone invited with a code types it here and goes on to
//! choose a password at `/invite/{code}`. A plain GET form, so it works
//! without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

use crate::domain::validation::encode_query_value;
use crate::i18n::{Key, use_i18n};

#[component]
pub fn InvitationCodePage() -> impl IntoView {
    let i18n = use_i18n();
    let typed = move || query_code(use_query_map().with(|query| query.get("code")).unwrap_or_default());
    view! {
        <Title text=i18n.t(Key::InviteCodeTitle)/>
        {move || typed().map(|code| view! { <Redirect path=format!("/invite/{}", encode_query_value(&code))/> })}
        <section class="narrow-page" aria-labelledby="invitation-code-title">
            <h1 id="invitation-code-title">{i18n.t(Key::InviteCodeTitle)}</h1>
            <p>{i18n.t(Key::InviteCodeIntro)}</p>
            <form method="get" action="/invite" class="form">
                <label for="invitation-code">{i18n.t(Key::InviteCodeLabel)}</label>
                <input
                    id="invitation-code"
                    name="code"
                    type="text"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    maxlength="20"
                    required
                />
                <button type="submit" class="button-primary">{i18n.t(Key::InviteCodeSubmit)}</button>
            </form>
        </section>
    }
}

/// The code as it goes into the address: letters and digits only.
fn query_code(typed: String) -> Option<String> {
    let code: String = typed.chars().filter(char::is_ascii_alphanumeric).collect();
    (!code.is_empty()).then_some(code)
}
