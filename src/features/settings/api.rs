//! Server functions for settings: admins read and choose them for the
//! organisation and per unit.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::SettingRow;
use crate::domain::ids::UnitId;

/// Admins: every setting of the organisation.
#[server(endpoint = "settings/organisation")]
pub async fn organisation_settings() -> Result<Vec<SettingRow>, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::settings::organisation_rows(&AppState::current()?.db, &admin).await
}

/// Admins: the settings of a unit, with what it inherits.
#[server(endpoint = "settings/unit")]
pub async fn unit_settings(unit: UnitId) -> Result<Vec<SettingRow>, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::settings::unit_rows(&AppState::current()?.db, &admin, unit).await
}

/// Admins: chooses a setting's value for the organisation (on `unit`
/// empty) or for a unit and the units below it; an empty value inherits.
#[server(endpoint = "settings/choose")]
pub async fn choose_setting(unit: String, setting: String, value: String) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::domain::settings::Setting;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let setting = Setting::from_key(&setting).ok_or(AppError::NotFound)?;
    let db = &AppState::current()?.db;
    let value = Some(value.as_str());
    let now = chrono::Utc::now();
    match unit.trim() {
        "" => service::settings::set_for_organisation(db, &admin, setting, value, now).await,
        id => {
            let unit = UnitId(id.parse().map_err(|_| AppError::NotFound)?);
            service::settings::set_for_unit(db, &admin, unit, setting, value, now).await
        }
    }
}
