//! `/reset`: ask for a link to choose a new password; `/reset/{token}`: choose it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::features::account::api::{RequestPasswordReset, ResetPassword, password_reset_usable};
use crate::features::account::components::NewPasswordField;
use crate::i18n::{Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn RequestResetPage() -> impl IntoView {
    let i18n = use_i18n();
    let request = ServerAction::<RequestPasswordReset>::new();
    let sent = move || use_query_map().with(|query| query.get("sent").is_some());
    let error =
        move || request.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> });
    view! {
        <Title text=i18n.t(Key::ResetRequestTitle)/>
        <section class="narrow-page">
            <h1>{i18n.t(Key::ResetRequestTitle)}</h1>
            <Show when=sent>
                <p class="notice" role="status">{i18n.t(Key::ResetSent)}</p>
            </Show>
            <p>{i18n.t(Key::ResetRequestIntro)}</p>
            <ActionForm action=request attr:class="form">
                <label for="reset-identifier">{i18n.t(Key::LoginIdentifier)}</label>
                <input
                    id="reset-identifier"
                    name="identifier"
                    type="text"
                    autocomplete="username"
                    autocapitalize="none"
                    spellcheck="false"
                    required
                />
                {error}
                <button type="submit" class="button-primary" disabled=move || request.pending().get()>
                    {i18n.t(Key::ResetSend)}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn ChooseNewPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = move || use_params_map().with(|params| params.get("token")).unwrap_or_default();
    let usable = Resource::new(token, password_reset_usable);
    let reset = ServerAction::<ResetPassword>::new();
    let error =
        move || reset.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> });
    view! {
            <Title text=i18n.t(Key::ResetChooseTitle)/>
            <section class="narrow-page">
                <h1>{i18n.t(Key::ResetChooseTitle)}</h1>
                <Suspense>
                    {move || {
                        Suspend::new(async move {
                            match usable.await {
                                Ok(true) => view! {
                                    <ActionForm action=reset attr:class="form">
                                        <input type="hidden" name="token" value=token/>
    <NewPasswordField/>
                                        {error}
                                        <button type="submit" class="button-primary" disabled=move || reset.pending().get()>
                                            {i18n.t(Key::ResetSave)}
                                        </button>
                                    </ActionForm>
                                }
                                    .into_any(),
                                Ok(false) => view! {
                                    <ErrorMessage error=crate::domain::AppError::ResetLinkInvalid/>
                                    <p><A href="/reset">{i18n.t(Key::ResetRequestAgain)}</A></p>
                                }
                                    .into_any(),
                                Err(error) => view! { <ErrorMessage error/> }.into_any(),
                            }
                        })
                    }}
                </Suspense>
            </section>
        }
}
