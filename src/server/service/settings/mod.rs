//! Settings that cascade (issue 4): a unit's value holds for it and every
//! unit below it until a unit further down chooses otherwise; above every
//! unit stands the organisation's choice, and above that Koers's default.
//! Features ask [`for_person`] what holds for someone (their primary unit).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{SettingRow, SettingSource};
use crate::domain::ids::{OrgId, UnitId, UserId};
use crate::domain::settings::Setting;
use crate::domain::validation::{FieldError, Problem};
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::OrgScope;
use crate::server::auth::reach::Structure;
use crate::server::db::internal;
use crate::server::entity::{org_unit, organisation_setting, unit_member, unit_setting};

/// Every choice made in one organisation, loaded in three queries.
struct Choices {
    structure: Structure,
    organisation: HashMap<Setting, String>,
    units: HashMap<(UnitId, Setting), String>,
}

impl Choices {
    async fn load(db: &impl ConnectionTrait, org: OrgId) -> Result<Choices, AppError> {
        let structure = Structure::load(db, org).await.map_err(internal)?;
        let organisation = organisation_setting::Entity::find()
            .filter(organisation_setting::Column::OrgId.eq(org.0))
            .all(db)
            .await
            .map_err(internal)?
            .into_iter()
            .filter_map(|row| Setting::from_key(&row.key).map(|setting| (setting, row.value)))
            .collect();
        let units = unit_setting::Entity::find()
            .filter(unit_setting::Column::UnitId.is_in(structure.units().map(|unit| unit.0)))
            .all(db)
            .await
            .map_err(internal)?
            .into_iter()
            .filter_map(|row| {
                Setting::from_key(&row.key).map(|setting| ((UnitId(row.unit_id), setting), row.value))
            })
            .collect();
        Ok(Choices { structure, organisation, units })
    }

    /// The value in force at `unit` (or for the organisation as a whole)
    /// and the unit that chose it, if a unit did.
    fn resolve(&self, unit: Option<UnitId>, setting: Setting) -> (String, Source) {
        if setting.per_unit() {
            for above in unit.map(|unit| self.structure.ancestry(unit)).unwrap_or_default() {
                if let Some(value) = self.units.get(&(above, setting)) {
                    return (value.clone(), Source::Unit(above));
                }
            }
        }
        match self.organisation.get(&setting) {
            Some(value) => (value.clone(), Source::Organisation),
            None => (setting.default_value().to_owned(), Source::Default),
        }
    }
}

enum Source {
    Default,
    Organisation,
    Unit(UnitId),
}

/// The value of `setting` for `user`: what holds at their primary unit; for
/// someone in no unit, what the organisation chose.
pub async fn for_person(
    db: &impl ConnectionTrait,
    org: OrgId,
    user: UserId,
    setting: Setting,
) -> Result<String, AppError> {
    let mut values = for_people(db, org, &[user], setting).await?;
    values.remove(&user).ok_or(AppError::Internal)
}

/// The value of `setting` for each of `people`, as [`for_person`] gives it,
/// in two queries however many they are.
pub async fn for_people(
    db: &impl ConnectionTrait,
    org: OrgId,
    people: &[UserId],
    setting: Setting,
) -> Result<HashMap<UserId, String>, AppError> {
    let primary: HashMap<UserId, UnitId> = unit_member::Entity::find()
        .filter(unit_member::Column::UserId.is_in(people.iter().map(|p| p.0)))
        .filter(unit_member::Column::IsPrimary.eq(true))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|membership| (UserId(membership.user_id), UnitId(membership.unit_id)))
        .collect();
    let choices = Choices::load(db, org).await?;
    Ok(people
        .iter()
        .map(|person| (*person, choices.resolve(primary.get(person).copied(), setting).0))
        .collect())
}

/// The value of an organisation-wide setting.
pub async fn for_organisation(
    db: &impl ConnectionTrait,
    org: OrgId,
    setting: Setting,
) -> Result<String, AppError> {
    Ok(Choices::load(db, org).await?.resolve(None, setting).0)
}

/// Every setting as the organisation's settings page shows it.
pub async fn organisation_rows(
    db: &DatabaseConnection,
    admin: &OrgScope,
) -> Result<Vec<SettingRow>, AppError> {
    let choices = Choices::load(db, admin.org).await?;
    Ok(Setting::ALL
        .into_iter()
        .map(|setting| {
            let (effective, source) = choices.resolve(None, setting);
            SettingRow {
                setting,
                own: choices.organisation.get(&setting).cloned(),
                effective,
                source: match source {
                    Source::Default => SettingSource::Default,
                    _ => SettingSource::Organisation,
                },
            }
        })
        .collect())
}

/// The settings a unit may choose, as its page shows them.
pub async fn unit_rows(
    db: &DatabaseConnection,
    admin: &OrgScope,
    unit: UnitId,
) -> Result<Vec<SettingRow>, AppError> {
    let choices = Choices::load(db, admin.org).await?;
    if !choices.structure.contains(unit) {
        return Err(AppError::NotFound);
    }
    let names: HashMap<uuid::Uuid, String> = org_unit::Entity::find()
        .filter(org_unit::Column::OrgId.eq(admin.org.0))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    Ok(Setting::ALL
        .into_iter()
        .filter(|setting| setting.per_unit())
        .map(|setting| {
            let (effective, source) = choices.resolve(Some(unit), setting);
            SettingRow {
                setting,
                own: choices.units.get(&(unit, setting)).cloned(),
                effective,
                source: match source {
                    Source::Default => SettingSource::Default,
                    Source::Organisation => SettingSource::Organisation,
                    Source::Unit(id) => {
                        SettingSource::Unit { id, name: names.get(&id.0).cloned().unwrap_or_default() }
                    }
                },
            }
        })
        .collect())
}

/// Chooses a value for the whole organisation, or (`None`) Koers's default.
pub async fn set_for_organisation(
    db: &DatabaseConnection,
    admin: &OrgScope,
    setting: Setting,
    value: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let value = checked(setting, value)?;
    organisation_setting::Entity::delete_many()
        .filter(organisation_setting::Column::OrgId.eq(admin.org.0))
        .filter(organisation_setting::Column::Key.eq(setting.key()))
        .exec(db)
        .await
        .map_err(internal)?;
    if let Some(value) = value {
        let row = organisation_setting::ActiveModel {
            org_id: Set(admin.org.0),
            key: Set(setting.key().to_owned()),
            value: Set(value.to_owned()),
        };
        organisation_setting::Entity::insert(row).exec(db).await.map_err(internal)?;
    }
    let entry =
        AuditEntry::by_user(admin.org, admin.user, AuditAction::SettingChanged).on("setting", setting.key());
    audit::record(db, entry, now).await.map_err(internal)
}

/// Chooses a value for a unit and the units below it, or (`None`) lets it
/// inherit again.
pub async fn set_for_unit(
    db: &DatabaseConnection,
    admin: &OrgScope,
    unit: UnitId,
    setting: Setting,
    value: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let value = checked(setting, value)?;
    let exists = org_unit::Entity::find_by_id(unit.0)
        .filter(org_unit::Column::OrgId.eq(admin.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .is_some();
    if !exists || !setting.per_unit() {
        return Err(AppError::NotFound);
    }
    unit_setting::Entity::delete_many()
        .filter(unit_setting::Column::UnitId.eq(unit.0))
        .filter(unit_setting::Column::Key.eq(setting.key()))
        .exec(db)
        .await
        .map_err(internal)?;
    if let Some(value) = value {
        let row = unit_setting::ActiveModel {
            unit_id: Set(unit.0),
            key: Set(setting.key().to_owned()),
            value: Set(value.to_owned()),
        };
        unit_setting::Entity::insert(row).exec(db).await.map_err(internal)?;
    }
    let entry = AuditEntry::by_user(admin.org, admin.user, AuditAction::SettingChanged).on("unit", unit);
    audit::record(db, entry, now).await.map_err(internal)
}

/// A value the setting can take, or none (empty) to inherit.
fn checked(setting: Setting, value: Option<&str>) -> Result<Option<&str>, AppError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(value) if setting.choices().contains(&value) => Ok(Some(value)),
        Some(_) => Err(AppError::Invalid {
            errors: vec![FieldError { field: "value".into(), problem: Problem::NotAChoice }],
        }),
    }
}

#[cfg(test)]
mod tests;
