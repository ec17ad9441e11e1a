//! `/account/second-factor/setup`: scan a QR code with an authenticator
//! app, confirm with a first code, and note the recovery codes. Admins and
//! operator staff without a second factor are sent here from every page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::domain::dto::{SecondFactorEnrolment, SecondFactorStatus};
use crate::domain::validation::local_path_or_home;
use crate::features::account::components::RequireSignIn;
use crate::features::second_factor::api::{ConfirmSecondFactorSetup, begin_second_factor_setup};
use crate::features::second_factor::components::{CodeField, RecoveryCodeList};
use crate::i18n::{Key, use_i18n};
use crate::ui::{ErrorMessage, FormError};

#[component]
pub fn SecondFactorSetupPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let next = move || {
        let asked = query.with(|query| query.get("next")).unwrap_or_default();
        local_path_or_home(&asked).to_owned()
    };
    // One new secret per visit: reloading the page starts afresh.
    let enrolment = Resource::new_blocking(|| (), |_| begin_second_factor_setup());
    let confirm = ServerAction::<ConfirmSecondFactorSetup>::new();
    let error = Signal::derive(move || confirm.value().get().and_then(Result::err));
    let codes = move || confirm.value().get().and_then(Result::ok);
    view! {
        <Title text=i18n.t(Key::SecondFactorSetupTitle)/>
        <RequireSignIn children=move |viewer| {
            view! {
                <h1>{i18n.t(Key::SecondFactorSetupTitle)}</h1>
                <Show when=move || viewer.second_factor == SecondFactorStatus::SetupRequired>
                    <p class="notice" role="status">{i18n.t(Key::SecondFactorSetupRequired)}</p>
                </Show>
                {move || match codes() {
                    Some(codes) => view! { <RecoveryCodeList codes continue_to=next()/> }.into_any(),
                    None => view! {
                        <Suspense>
                            {move || Suspend::new(async move {
                                match enrolment.await {
                                    Ok(enrolment) => steps(enrolment, confirm, error).into_any(),
                                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                                }
                            })}
                        </Suspense>
                    }
                        .into_any(),
                }}
            }
        }/>
    }
}

fn steps(
    enrolment: SecondFactorEnrolment,
    confirm: ServerAction<ConfirmSecondFactorSetup>,
    error: Signal<Option<crate::domain::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="setup-steps">
            <li>{i18n.t(Key::SecondFactorSetupStepApp)}</li>
            <li>
                <p>{i18n.t(Key::SecondFactorSetupStepScan)}</p>
                <a href=enrolment.provisioning_uri>
                    <img class="qr-code" src=enrolment.qr_image alt=i18n.t(Key::SecondFactorSetupQrAlt) width="200" height="200"/>
                </a>
                <dl class="secret">
                    <dt>{i18n.t(Key::SecondFactorSetupKey)}</dt>
                    <dd><code id="totp-secret">{enrolment.secret}</code></dd>
                </dl>
            </li>
            <li>
                <p>{i18n.t(Key::SecondFactorSetupStepCode)}</p>
                <ActionForm action=confirm attr:class="form">
                    <CodeField id="setup-code" label=Key::SecondFactorCode hint=Key::SecondFactorCodeHint/>
                    <FormError error/>
                    <button type="submit" class="button-primary" disabled=move || confirm.pending().get()>
                        {i18n.t(Key::SecondFactorSetupSubmit)}
                    </button>
                </ActionForm>
            </li>
        </ol>
    }
}
