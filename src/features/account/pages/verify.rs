//! `/login/verify`: the second step of signing in, for accounts with an
//! authenticator app. Takes the app's current code or a recovery code.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::AppError;
use crate::features::account::api::VerifySecondFactor;
use crate::features::second_factor::components::CodeField;
use crate::i18n::{Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn VerifySecondFactorPage() -> impl IntoView {
    let i18n = use_i18n();
    let verify = ServerAction::<VerifySecondFactor>::new();
    let query = use_query_map();
    let next = move || query.with(|query| query.get("next")).unwrap_or_else(|| "/".into());
    let error: Signal<Option<AppError>> = Signal::derive(move || verify.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::VerifyTitle)/>
        <section class="login-form" aria-labelledby="verify-title">
            <h1 id="verify-title">{i18n.t(Key::VerifyTitle)}</h1>
            <p>{i18n.t(Key::VerifyIntro)}</p>
            <ActionForm action=verify attr:class="form">
                <input type="hidden" name="next" value=next/>
                <CodeField id="second-factor-code" label=Key::VerifyCode hint=Key::VerifyRecoveryHint/>
                {move || error.get().map(|error| view! { <ErrorMessage error/> })}
                <button type="submit" class="button-primary" disabled=move || verify.pending().get()>
                    {i18n.t(Key::VerifySubmit)}
                </button>
            </ActionForm>
            <p>
                <A href="/login">{i18n.t(Key::VerifyBack)}</A>
            </p>
        </section>
    }
}
