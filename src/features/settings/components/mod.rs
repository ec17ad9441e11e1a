mod settings_form;
mod unit_settings;

pub use settings_form::SettingsList;
pub use unit_settings::UnitSettings;
