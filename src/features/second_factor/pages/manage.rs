//! `/account/second-factor`: whether an authenticator app guards the
//! account; new recovery codes, a new app, or turning it off (not for admins
//! and operator staff). Changes take a current code.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::dto::{SecondFactorOverview, SecondFactorStatus};
use crate::features::account::components::RequireSignIn;
use crate::features::second_factor::api::{RenewRecoveryCodes, TurnOffSecondFactor, my_second_factor};
use crate::features::second_factor::components::{CodeField, RecoveryCodeList, SETUP_PATH};
use crate::i18n::{Key, use_i18n};
use crate::ui::{ErrorMessage, FormError};

#[component]
pub fn SecondFactorPage() -> impl IntoView {
    let i18n = use_i18n();
    let renew = ServerAction::<RenewRecoveryCodes>::new();
    let turn_off = ServerAction::<TurnOffSecondFactor>::new();
    let overview =
        Resource::new(move || (renew.version().get(), turn_off.version().get()), |_| my_second_factor());
    view! {
        <Title text=i18n.t(Key::SecondFactorTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::SecondFactorTitle)}</h1>
                <Transition>
                    {move || Suspend::new(async move {
                        match overview.await {
                            Ok(overview) if overview.status == SecondFactorStatus::On => {
                                in_force(overview, renew, turn_off).into_any()
                            }
                            Ok(_) => not_set_up(turn_off).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn not_set_up(turn_off: ServerAction<TurnOffSecondFactor>) -> impl IntoView {
    let i18n = use_i18n();
    let just_turned_off = move || matches!(turn_off.value().get(), Some(Ok(())));
    view! {
        <Show when=just_turned_off>
            <p class="notice" role="status">{i18n.t(Key::SecondFactorTurnedOff)}</p>
        </Show>
        <p>{i18n.t(Key::SecondFactorIntroOff)}</p>
        <p>
            <A href=SETUP_PATH attr:class="button-primary">{i18n.t(Key::SecondFactorSetUp)}</A>
        </p>
    }
}

fn in_force(
    overview: SecondFactorOverview,
    renew: ServerAction<RenewRecoveryCodes>,
    turn_off: ServerAction<TurnOffSecondFactor>,
) -> impl IntoView {
    let i18n = use_i18n();
    let left = i18n.format(
        Key::SecondFactorRecoveryLeft,
        &[
            ("count", &overview.unused_recovery_codes.to_string()),
            ("total", &crate::domain::dto::RECOVERY_CODE_COUNT.to_string()),
        ],
    );
    let renew_error = Signal::derive(move || renew.value().get().and_then(Result::err));
    let turn_off_error = Signal::derive(move || turn_off.value().get().and_then(Result::err));
    let new_codes =
        move || renew.value().get().and_then(Result::ok).map(|codes| view! { <RecoveryCodeList codes/> });
    view! {
        <p>{i18n.t(Key::SecondFactorIntroOn)}</p>
        <p id="recovery-left">{left}</p>
        <p>
            <A href=SETUP_PATH>{i18n.t(Key::SecondFactorReplace)}</A>
        </p>
        {new_codes}
        <section aria-labelledby="renew-title">
            <h2 id="renew-title">{i18n.t(Key::SecondFactorRenewTitle)}</h2>
            <p>{i18n.t(Key::SecondFactorRenewIntro)}</p>
            <ActionForm action=renew attr:class="form">
                <CodeField id="renew-code" label=Key::SecondFactorCode hint=Key::SecondFactorCodeHint/>
                <FormError error=renew_error/>
                <button type="submit" disabled=move || renew.pending().get()>
                    {i18n.t(Key::SecondFactorRenewSubmit)}
                </button>
            </ActionForm>
        </section>
        <section aria-labelledby="turn-off-title">
            <h2 id="turn-off-title">{i18n.t(Key::SecondFactorTurnOffTitle)}</h2>
            {if overview.can_turn_off {
                view! {
                    <p>{i18n.t(Key::SecondFactorTurnOffIntro)}</p>
                    <ActionForm action=turn_off attr:class="form">
                        <CodeField id="turn-off-code" label=Key::SecondFactorCode hint=Key::SecondFactorCodeHint/>
                        <FormError error=turn_off_error/>
                        <button type="submit" disabled=move || turn_off.pending().get()>
                            {i18n.t(Key::SecondFactorTurnOffSubmit)}
                        </button>
                    </ActionForm>
                }
                    .into_any()
            } else {
                view! { <p>{i18n.t(Key::SecondFactorMandatory)}</p> }.into_any()
            }}
        </section>
    }
}
