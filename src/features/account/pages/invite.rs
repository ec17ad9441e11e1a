//! `/invite/{token}`: an invited user chooses a password and is signed in.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::domain::AppError;
use crate::features::account::api::{AcceptInvitation, invitation_for};
use crate::features::account::components::NewPasswordField;
use crate::i18n::{Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn InvitePage() -> impl IntoView {
    let i18n = use_i18n();
    let token = move || use_params_map().with(|params| params.get("token")).unwrap_or_default();
    let details = Resource::new(token, invitation_for);
    let accept = ServerAction::<AcceptInvitation>::new();
    let error =
        move || accept.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> });
    view! {
            <Title text=i18n.t(Key::InviteTitle)/>
            <section class="narrow-page">
                <h1>{i18n.t(Key::InviteTitle)}</h1>
                <Suspense>
                    {move || {
                        Suspend::new(async move {
                            match details.await {
                                Ok(Some(details)) => view! {
                                    <p>
                                        {i18n.format(
                                            Key::InviteWelcome,
                                            &[("name", &details.name), ("organisation", &details.organisation)],
                                        )}
                                    </p>
                                    <p id="sign-in-name">
                                        {i18n.format(Key::InviteSignInName, &[("name", &details.sign_in_name)])}
                                    </p>
                                    <ActionForm action=accept attr:class="form">
                                        <input type="hidden" name="token" value=token/>
    <NewPasswordField/>
                                        {error}
                                        <button type="submit" class="button-primary" disabled=move || accept.pending().get()>
                                            {i18n.t(Key::InviteAccept)}
                                        </button>
                                    </ActionForm>
                                }
                                    .into_any(),
                                Ok(None) => view! { <ErrorMessage error=AppError::InvitationInvalid/> }.into_any(),
                                Err(error) => view! { <ErrorMessage error/> }.into_any(),
                            }
                        })
                    }}
                </Suspense>
            </section>
        }
}
