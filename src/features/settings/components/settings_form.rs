//! The settings of the organisation or of one unit: per setting a choice,
//! with "as above" naming what it would inherit and from where.

use leptos::prelude::*;

use crate::domain::dto::{SettingRow, SettingSource};
use crate::domain::settings::choice_key;
use crate::features::settings::api::ChooseSetting;
use crate::i18n::{I18n, Key, use_i18n};

/// `unit` is empty for the organisation's own settings.
#[component]
pub fn SettingsList(
    rows: Vec<SettingRow>,
    unit: String,
    choose: ServerAction<ChooseSetting>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="settings-list">
            <For each=move || rows.clone() key=Clone::clone let:row>
                {setting_form(i18n, row, unit.clone(), choose)}
            </For>
        </div>
    }
}

fn setting_form(
    i18n: I18n,
    row: SettingRow,
    unit: String,
    choose: ServerAction<ChooseSetting>,
) -> impl IntoView {
    let key = row.setting.key();
    let field_id = format!("setting-{}", key.replace('.', "-"));
    let name = |value: &str| choice_key(value).map(|key| i18n.t(key)).unwrap_or_default();
    let inherited = match &row.source {
        // Inheriting from itself cannot be offered: say what holds above it.
        _ if row.own.is_some() => i18n.t(Key::SettingsInherit).to_owned(),
        SettingSource::Default => {
            i18n.format(Key::SettingsInheritDefault, &[("value", name(&row.effective))])
        }
        SettingSource::Organisation => {
            i18n.format(Key::SettingsInheritOrganisation, &[("value", name(&row.effective))])
        }
        SettingSource::Unit { name: unit, .. } => {
            i18n.format(Key::SettingsInheritUnit, &[("value", name(&row.effective)), ("unit", unit)])
        }
    };
    let own = row.own.clone().unwrap_or_default();
    let options = row
        .setting
        .choices()
        .iter()
        .map(|value| view! { <option value=*value selected=*value == own>{name(value)}</option> })
        .collect_view();
    let label = i18n.t(row.setting.label_key());
    view! {
        <ActionForm action=choose attr:class="setting-form">
            <input type="hidden" name="unit" value=unit/>
            <input type="hidden" name="setting" value=key/>
            <label for=field_id.clone()>{label}</label>
            <select id=field_id name="value">
                <option value="" selected=row.own.is_none()>{inherited}</option>
                {options}
            </select>
            <button type="submit" aria-label=format!("{} {label}", i18n.t(Key::SettingsSave))>
                {i18n.t(Key::SettingsSave)}
            </button>
        </ActionForm>
    }
}
