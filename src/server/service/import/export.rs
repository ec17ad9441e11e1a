//! The people of an organisation as an import file: exporting and
//! importing again changes nothing.

use super::snapshot::Snapshot;
use super::table::Table;
use crate::domain::dto::ImportColumn;
use crate::domain::ids::UserId;

/// Everyone who has not been deactivated, by name, in the columns of the import.
pub fn table(snapshot: &Snapshot) -> Table {
    let header = ImportColumn::ALL.iter().map(|column| column.header().to_owned()).collect();
    let sign_in_name = |id: &UserId| {
        snapshot
            .people
            .iter()
            .find(|person| person.id == id.0)
            .and_then(|person| person.email.clone().or_else(|| person.username.clone()))
            .unwrap_or_default()
    };
    let rows = snapshot.people.iter().filter(|person| person.deactivated_at.is_none()).map(|person| {
        let id = UserId(person.id);
        let unit = snapshot.primary_unit.get(&id);
        let (started_on, birth_year) = super::plan::employment(person);
        ImportColumn::ALL
            .iter()
            .map(|column| match column {
                ImportColumn::Name => person.name.clone(),
                ImportColumn::Email => person.email.clone().unwrap_or_default(),
                ImportColumn::Username => person.username.clone().unwrap_or_default(),
                ImportColumn::Phone => person.phone.clone().unwrap_or_default(),
                ImportColumn::Language => person.language.clone(),
                ImportColumn::Function => person
                    .function_id
                    .and_then(|function| snapshot.function_names.get(&function).cloned())
                    .unwrap_or_default(),
                ImportColumn::Unit => {
                    unit.and_then(|unit| snapshot.unit_paths.get(unit).cloned()).unwrap_or_default()
                }
                ImportColumn::ManagesUnit => {
                    let manages = unit.is_some_and(|unit| snapshot.manages.contains(&(*unit, id)));
                    (if manages { "yes" } else { "no" }).to_owned()
                }
                ImportColumn::StartedOn => started_on.clone().unwrap_or_default(),
                ImportColumn::BirthYear => birth_year.map(|year| year.to_string()).unwrap_or_default(),
                ImportColumn::Manager => snapshot.overrides.get(&id).map(sign_in_name).unwrap_or_default(),
                ImportColumn::Roles => {
                    let roles = [
                        (person.is_manager, "manager"),
                        (person.is_admin, "admin"),
                        (person.is_auditor, "auditor"),
                    ];
                    roles
                        .iter()
                        .filter(|(held, _)| *held)
                        .map(|(_, name)| *name)
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            })
            .collect()
    });
    std::iter::once(header).chain(rows).collect()
}
