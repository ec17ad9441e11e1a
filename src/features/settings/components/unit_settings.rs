//! The settings section of a unit's page.

use leptos::prelude::*;

use super::SettingsList;
use crate::domain::AppError;
use crate::domain::ids::UnitId;
use crate::features::settings::api::{ChooseSetting, unit_settings};
use crate::i18n::{Key, use_i18n};
use crate::ui::ErrorMessage;

/// `unit` is the id from the address.
#[component]
pub fn UnitSettings(unit: String) -> impl IntoView {
    let i18n = use_i18n();
    let choose = ServerAction::<ChooseSetting>::new();
    let id = unit.clone();
    let rows = Resource::new(
        move || choose.version().get(),
        move |_| {
            let id = id.clone();
            async move {
                let id = id.parse::<uuid::Uuid>().map_err(|_| AppError::NotFound)?;
                unit_settings(UnitId(id)).await
            }
        },
    );
    let choose_error =
        move || choose.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> });
    view! {
        <section aria-labelledby="unit-settings-title">
            <h2 id="unit-settings-title">{i18n.t(Key::SettingsUnitTitle)}</h2>
            <p>{i18n.t(Key::SettingsUnitIntro)}</p>
            {choose_error}
            <Transition>
                {move || {
                    let unit = unit.clone();
                    Suspend::new(async move {
                        match rows.await {
                            Ok(rows) => view! { <SettingsList rows unit choose/> }.into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </section>
    }
}
