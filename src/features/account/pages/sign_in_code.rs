//! `/login/code`: sign in without a password. First the sign-in name, to
//! which a one-time code goes by e-mail or text message; then the code
//! (filled in already when the link in the e-mail was followed). Plain
//! forms, so it works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::features::account::api::{RequestSignInCode, SignInWithCode};
use crate::i18n::{Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn SignInCodePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let sent = move || query.with(|q| q.get("sent").is_some());
    let code = move || query.with(|q| q.get("code")).unwrap_or_default();
    let next = move || query.with(|q| q.get("next")).unwrap_or_else(|| "/".into());
    let ask = ServerAction::<RequestSignInCode>::new();
    let sign_in = ServerAction::<SignInWithCode>::new();
    let ask_error =
        move || ask.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> });
    let code_error =
        move || sign_in.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> });
    view! {
        <Title text=i18n.t(Key::SignInCodeTitle)/>
        <section class="login-form" aria-labelledby="sign-in-code-title">
            <h1 id="sign-in-code-title">{i18n.t(Key::SignInCodeTitle)}</h1>
            <Show
                when=move || sent() || !code().is_empty()
                fallback=move || view! {
                    <p>{i18n.t(Key::SignInCodeIntro)}</p>
                    <ActionForm action=ask attr:class="form">
                        <label for="code-identifier">{i18n.t(Key::LoginIdentifier)}</label>
                        <input
                            id="code-identifier"
                            name="identifier"
                            type="text"
                            autocomplete="username"
                            autocapitalize="none"
                            spellcheck="false"
                            required
                        />
                        {ask_error}
                        <button type="submit" class="button-primary" disabled=move || ask.pending().get()>
                            {i18n.t(Key::SignInCodeSend)}
                        </button>
                    </ActionForm>
                }
            >
                <Show when=sent>
                    <p class="notice" role="status">{i18n.t(Key::SignInCodeSent)}</p>
                </Show>
                <ActionForm action=sign_in attr:class="form">
                    <input type="hidden" name="next" value=next/>
                    <label for="sign-in-code">{i18n.t(Key::SignInCodeCode)}</label>
                    <input
                        id="sign-in-code"
                        name="code"
                        type="text"
                        autocomplete="one-time-code"
                        autocapitalize="characters"
                        spellcheck="false"
                        maxlength="20"
                        prop:value=code
                        required
                    />
                    {code_error}
                    <button type="submit" class="button-primary" disabled=move || sign_in.pending().get()>
                        {i18n.t(Key::SignInCodeSubmit)}
                    </button>
                </ActionForm>
                <p>
                    <a href="/login/code" rel="external">{i18n.t(Key::SignInCodeAgain)}</a>
                </p>
            </Show>
            <p>
                <A href="/login">{i18n.t(Key::SignInCodeWithPassword)}</A>
            </p>
        </section>
    }
}
