//! `/admin/settings`: the organisation's choices, which hold in every unit
//! that does not choose otherwise.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::features::account::components::RequireSignIn;
use crate::features::settings::api::{ChooseSetting, organisation_settings};
use crate::features::settings::components::SettingsList;
use crate::i18n::{Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let choose = ServerAction::<ChooseSetting>::new();
    let rows = Resource::new(move || choose.version().get(), |_| organisation_settings());
    let choose_error =
        move || choose.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> });
    view! {
        <Title text=i18n.t(Key::SettingsTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::SettingsTitle)}</h1>
                <p>{i18n.t(Key::SettingsIntro)}</p>
                {choose_error}
                <Transition>
                    {move || Suspend::new(async move {
                        match rows.await {
                            Ok(rows) => view! { <SettingsList rows unit=String::new() choose/> }.into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}
