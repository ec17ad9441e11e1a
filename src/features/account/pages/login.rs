//! `/login`: e-mail address or username, and password. Works without JavaScript too: the form
//! posts to the server function, which sends the browser on, or back here
//! with the error in the address.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Redirect};
use leptos_router::hooks::use_query_map;

use crate::features::account::api::SignIn;
use crate::features::account::components::use_viewer;
use crate::features::shell::components::Welcome;
use crate::i18n::{Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let sign_in = ServerAction::<SignIn>::new();
    let query = use_query_map();
    let next = move || query.with(|query| query.get("next")).unwrap_or_else(|| "/".into());
    let password_changed = move || query.with(|query| query.get("password").is_some_and(|v| v == "changed"));
    let error =
        move || sign_in.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> });

    view! {
        <Title text=i18n.t(Key::LoginTitle)/>
        <Suspense>
            {move || Suspend::new(async move {
                matches!(viewer.await, Ok(Some(_))).then(|| view! { <Redirect path="/"/> })
            })}
        </Suspense>
        <div class="login-layout">
            <section class="login-form" aria-labelledby="login-title">
                <h1 id="login-title">{i18n.t(Key::LoginTitle)}</h1>
                <Show when=password_changed>
                    <p class="notice" role="status">{i18n.t(Key::LoginPasswordChanged)}</p>
                </Show>
                <ActionForm action=sign_in attr:class="form">
                    <input type="hidden" name="next" value=next/>
                    <label for="login-identifier">{i18n.t(Key::LoginIdentifier)}</label>
                    <input
                        id="login-identifier"
                        name="identifier"
                        type="text"
                        autocomplete="username"
                        autocapitalize="none"
                        spellcheck="false"
                        required
                    />
                    <label for="login-password">{i18n.t(Key::LoginPassword)}</label>
                    <input
                        id="login-password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                    />
                    {error}
                    <button type="submit" class="button-primary" disabled=move || sign_in.pending().get()>
                        {i18n.t(Key::LoginSubmit)}
                    </button>
                </ActionForm>
                <p>
                    <A href="/reset">{i18n.t(Key::LoginForgotPassword)}</A>
                </p>
                <p>
                    <A href="/login/code">{i18n.t(Key::LoginWithCode)}</A>
                </p>
            </section>
            <Welcome/>
        </div>
    }
}
