//! From the file to a plan: every row read, checked and compared with the
//! organisation as it is. Nothing is written here; the preview shows the
//! plan and the import carries it out.

use std::collections::{BTreeSet, HashMap};

use super::snapshot::{PATH_SEPARATOR, Snapshot, path_key, path_segments};
use super::table::Table;
use crate::domain::dto::{ImportColumn, ImportIssue, ImportProblem};
use crate::domain::ids::UserId;
use crate::domain::roles::Roles;
use crate::domain::validation::{Checks, FieldError};
use crate::i18n::Lang;
use crate::server::entity::user_account;

/// Longest unit or function name, as their own forms allow.
const NAME_MAX: u32 = 200;

/// What one row asks for. `None` leaves a thing as it is: the column is
/// missing, or (for identity, language, unit) the cell is empty.
#[derive(Clone, Debug, Default)]
pub struct RowPerson {
    pub name: String,
    pub email: Option<String>,
    pub username: Option<String>,
    pub phone: Option<Option<String>>,
    pub language: Option<Lang>,
    /// A Dutch function name, or none.
    pub function: Option<Option<String>>,
    /// The unit's path as written.
    pub unit: Option<String>,
    pub manages_unit: Option<bool>,
    pub manager: Option<Option<ManagerRef>>,
    pub roles: Option<Roles>,
    /// `YYYY-MM-DD`, or none.
    pub started_on: Option<Option<String>>,
    pub birth_year: Option<Option<u32>>,
}

/// An explicit manager: someone already there, or someone in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ManagerRef {
    Existing(UserId),
    /// The index of their row in [`Plan::rows`].
    InFile(usize),
}

#[derive(Clone, Debug)]
pub struct PlannedRow {
    /// The row number as the spreadsheet shows it.
    pub row: u32,
    pub existing: Option<UserId>,
    pub person: RowPerson,
    /// For an existing person, what would change.
    pub changes: Vec<ImportColumn>,
    pub valid: bool,
}

impl PlannedRow {
    pub fn does_something(&self) -> bool {
        self.valid && (self.existing.is_none() || !self.changes.is_empty())
    }
}

pub struct Plan {
    pub problems: Vec<ImportProblem>,
    pub rows: Vec<PlannedRow>,
    /// Units to create, as written, each after the units above it.
    pub new_units: Vec<String>,
    /// Functions to create, by Dutch name.
    pub new_functions: Vec<String>,
}

/// Reads `table` against `snapshot`. `importer` is the admin importing;
/// years of birth are checked against `this_year`.
pub fn plan(table: &Table, snapshot: &Snapshot, importer: UserId, this_year: u32) -> Plan {
    let mut problems = Vec::new();
    let Some((header, body)) = table.split_first() else {
        problems.push(file_problem(ImportIssue::NoRows));
        return Plan { problems, rows: Vec::new(), new_units: Vec::new(), new_functions: Vec::new() };
    };
    let columns = read_header(header, &mut problems);
    if body.is_empty() {
        problems.push(file_problem(ImportIssue::NoRows));
    }
    if !problems.is_empty() {
        return Plan { problems, rows: Vec::new(), new_units: Vec::new(), new_functions: Vec::new() };
    }
    let people = People::index(snapshot);
    let mut rows: Vec<PlannedRow> = Vec::new();
    let mut manager_cells: Vec<Option<String>> = Vec::new();
    let mut first_row_of: HashMap<String, u32> = HashMap::new();
    for (index, cells) in body.iter().enumerate() {
        let row = u32::try_from(index).unwrap_or(u32::MAX).saturating_add(2);
        let cell = |column: ImportColumn| -> Option<&str> {
            columns.iter().position(|c| *c == Some(column)).map(|at| cells.get(at).map_or("", |v| v.trim()))
        };
        let mut row_problems = Vec::new();
        let person = read_row(row, &cell, this_year, &mut row_problems);
        for identity in identities(&person) {
            match first_row_of.get(&identity) {
                Some(first_row) => row_problems.push(ImportProblem {
                    row,
                    column: Some(if identity.starts_with("e:") {
                        ImportColumn::Email
                    } else {
                        ImportColumn::Username
                    }),
                    issue: ImportIssue::DuplicateInFile { first_row: *first_row },
                }),
                None => {
                    first_row_of.insert(identity, row);
                }
            }
        }
        let existing = people.find(&person, row, &mut row_problems);
        let roles_lost = existing == Some(importer) && person.roles.is_some_and(|roles| !roles.admin);
        if roles_lost {
            row_problems.push(cell_problem(row, ImportColumn::Roles, ImportIssue::OwnAdminRole));
        }
        manager_cells.push(cell(ImportColumn::Manager).map(str::to_lowercase));
        let valid = row_problems.is_empty();
        problems.extend(row_problems);
        rows.push(PlannedRow { row, existing, person, changes: Vec::new(), valid });
    }
    resolve_managers(&mut rows, &manager_cells, &people, &mut problems);
    let new_units = new_units(&rows, snapshot);
    let new_functions = new_functions(&rows, snapshot);
    let changes: Vec<Vec<ImportColumn>> = rows
        .iter()
        .map(|planned| match planned.existing.and_then(|id| people.by_id.get(&id)) {
            Some(&at) => changes(&snapshot.people[at], planned, &rows, snapshot),
            None => Vec::new(),
        })
        .collect();
    for (planned, changes) in rows.iter_mut().zip(changes) {
        planned.changes = changes;
    }
    Plan { problems, rows, new_units, new_functions }
}

fn file_problem(issue: ImportIssue) -> ImportProblem {
    ImportProblem { row: 0, column: None, issue }
}

fn cell_problem(row: u32, column: ImportColumn, issue: ImportIssue) -> ImportProblem {
    ImportProblem { row, column: Some(column), issue }
}

/// The column of every header cell, by position (`None` for an empty
/// header); unknown, doubled and missing columns are problems of row 1.
fn read_header(header: &[String], problems: &mut Vec<ImportProblem>) -> Vec<Option<ImportColumn>> {
    let mut columns: Vec<Option<ImportColumn>> = Vec::with_capacity(header.len());
    for cell in header {
        let column = ImportColumn::from_header(cell);
        match column {
            Some(column) if columns.contains(&Some(column)) => {
                problems.push(ImportProblem {
                    row: 1,
                    column: Some(column),
                    issue: ImportIssue::DuplicateColumn,
                });
            }
            None if !cell.trim().is_empty() => problems.push(ImportProblem {
                row: 1,
                column: None,
                issue: ImportIssue::UnknownColumn { header: cell.trim().to_owned() },
            }),
            _ => {}
        }
        columns.push(column);
    }
    if !columns.contains(&Some(ImportColumn::Name)) {
        problems.push(ImportProblem {
            row: 1,
            column: Some(ImportColumn::Name),
            issue: ImportIssue::MissingColumn,
        });
    }
    if !columns.contains(&Some(ImportColumn::Email)) && !columns.contains(&Some(ImportColumn::Username)) {
        problems.push(ImportProblem {
            row: 1,
            column: Some(ImportColumn::Email),
            issue: ImportIssue::MissingColumn,
        });
    }
    columns
}

/// The cells of one row, checked; each problem names its column.
fn read_row<'a>(
    row: u32,
    cell: &impl Fn(ImportColumn) -> Option<&'a str>,
    this_year: u32,
    problems: &mut Vec<ImportProblem>,
) -> RowPerson {
    use ImportColumn as C;
    let filled = |column| cell(column).filter(|value: &&str| !value.is_empty());
    let mut checks = Checks::default();
    let name = checks.text(C::Name.header(), cell(C::Name).unwrap_or_default(), NAME_MAX);
    let email = filled(C::Email).map(|value| checks.email(C::Email.header(), value));
    let username = filled(C::Username).map(|value| checks.username(C::Username.header(), value));
    let phone =
        cell(C::Phone).map(|value| (!value.is_empty()).then(|| checks.phone(C::Phone.header(), value)));
    let function = cell(C::Function).map(|value| {
        (!value.is_empty()).then(|| checks.text(C::Function.header(), &single_spaced(value), NAME_MAX))
    });
    let unit = filled(C::Unit).map(|path| {
        let segments: Vec<String> = path_segments(path)
            .iter()
            .map(|segment| checks.text(C::Unit.header(), segment, NAME_MAX))
            .collect();
        segments.join(PATH_SEPARATOR)
    });
    let started_on = cell(C::StartedOn).map(|value| checks.optional_date(C::StartedOn.header(), value));
    let birth_year =
        cell(C::BirthYear).map(|value| checks.optional_birth_year(C::BirthYear.header(), value, this_year));
    if let Err(errors) = checks.finish() {
        problems.extend(errors.into_iter().map(|FieldError { field, problem }| ImportProblem {
            row,
            column: ImportColumn::from_header(&field),
            issue: ImportIssue::Field { problem },
        }));
    }
    let language = filled(C::Language).map(|value| {
        let language = language(value);
        if language.is_none() {
            problems.push(cell_problem(row, C::Language, ImportIssue::UnknownLanguage));
        }
        language.unwrap_or_default()
    });
    let manages_unit = cell(C::ManagesUnit).map(|value| {
        let answer = yes_or_no(value);
        if answer.is_none() {
            problems.push(cell_problem(row, C::ManagesUnit, ImportIssue::NotYesOrNo));
        }
        answer.unwrap_or(false)
    });
    if manages_unit == Some(true) && unit.is_none() {
        problems.push(cell_problem(row, C::ManagesUnit, ImportIssue::ManagesWithoutUnit));
    }
    let roles = cell(C::Roles).map(|value| {
        roles(value).unwrap_or_else(|unknown| {
            problems.push(cell_problem(row, C::Roles, ImportIssue::UnknownRole { role: unknown }));
            Roles::default()
        })
    });
    if email.is_none() && username.is_none() {
        problems.push(cell_problem(row, C::Email, ImportIssue::NeedsEmailOrUsername));
    }
    RowPerson {
        name,
        email,
        username,
        phone,
        language,
        function,
        unit,
        manages_unit,
        manager: None,
        roles,
        started_on,
        birth_year,
    }
}

fn single_spaced(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `nl`, `en`, `en-GB`, or the language's name in Dutch or English.
fn language(value: &str) -> Option<Lang> {
    match value.to_lowercase().as_str() {
        "nederlands" | "dutch" => Some(Lang::Nl),
        "engels" | "english" => Some(Lang::En),
        code => Lang::from_code(code),
    }
}

/// Yes or no in Dutch or English, as a word, a letter or a number; empty is no.
fn yes_or_no(value: &str) -> Option<bool> {
    match value.to_lowercase().as_str() {
        "yes" | "y" | "ja" | "j" | "true" | "waar" | "1" | "x" => Some(true),
        "no" | "n" | "nee" | "false" | "onwaar" | "0" | "" => Some(false),
        _ => None,
    }
}

/// Extra roles separated by commas or semicolons, in Dutch or English; the
/// first unknown one is the error.
fn roles(value: &str) -> Result<Roles, String> {
    let mut roles = Roles::default();
    for role in value.split([',', ';']).map(str::trim).filter(|role| !role.is_empty()) {
        match role.to_lowercase().as_str() {
            "manager" | "leidinggevende" => roles.manager = true,
            "admin" | "administrator" | "beheerder" => roles.admin = true,
            "auditor" => roles.auditor = true,
            _ => return Err(role.to_owned()),
        }
    }
    Ok(roles)
}

/// The keys a row can be found by: its e-mail address and its username.
fn identities(person: &RowPerson) -> Vec<String> {
    let email = person.email.as_ref().map(|email| format!("e:{email}"));
    let username = person.username.as_ref().map(|username| format!("u:{username}"));
    email.into_iter().chain(username).collect()
}

/// The key a manager cell refers to.
fn identity_of(reference: &str) -> String {
    if reference.contains('@') { format!("e:{reference}") } else { format!("u:{reference}") }
}

/// The organisation's people by e-mail address and by username.
struct People {
    by_identity: HashMap<String, UserId>,
    by_id: HashMap<UserId, usize>,
}

impl People {
    fn index(snapshot: &Snapshot) -> People {
        let mut by_identity = HashMap::new();
        for person in &snapshot.people {
            if let Some(email) = &person.email {
                by_identity.insert(format!("e:{email}"), UserId(person.id));
            }
            if let Some(username) = &person.username {
                by_identity.insert(format!("u:{username}"), UserId(person.id));
            }
        }
        let by_id = snapshot.people.iter().enumerate().map(|(at, person)| (UserId(person.id), at)).collect();
        People { by_identity, by_id }
    }

    /// The person the row is about, by e-mail address, else by username. A
    /// username that belongs to someone else than the address is a problem.
    fn find(&self, person: &RowPerson, row: u32, problems: &mut Vec<ImportProblem>) -> Option<UserId> {
        let by_email = person.email.as_ref().and_then(|email| self.by_identity.get(&format!("e:{email}")));
        let by_username =
            person.username.as_ref().and_then(|username| self.by_identity.get(&format!("u:{username}")));
        match (by_email, by_username) {
            (Some(a), Some(b)) if a != b => {
                problems.push(cell_problem(row, ImportColumn::Username, ImportIssue::BelongsToSomeoneElse));
                Some(*a)
            }
            (Some(found), _) | (None, Some(found)) => Some(*found),
            (None, None) => None,
        }
    }
}

/// Reads the manager cells now that every row's identity is known: a
/// manager may be someone further down the file.
fn resolve_managers(
    rows: &mut [PlannedRow],
    cells: &[Option<String>],
    people: &People,
    problems: &mut Vec<ImportProblem>,
) {
    let mut in_file: HashMap<String, usize> = HashMap::new();
    for (at, planned) in rows.iter().enumerate() {
        for identity in identities(&planned.person) {
            in_file.entry(identity).or_insert(at);
        }
    }
    for (at, cell) in cells.iter().enumerate() {
        let Some(cell) = cell else { continue };
        if cell.is_empty() {
            rows[at].person.manager = Some(None);
            continue;
        }
        let identity = identity_of(cell);
        let manager = match in_file.get(&identity) {
            Some(&other) => Some(match rows[other].existing {
                Some(existing) => ManagerRef::Existing(existing),
                None => ManagerRef::InFile(other),
            }),
            None => people.by_identity.get(&identity).map(|id| ManagerRef::Existing(*id)),
        };
        let own = match manager {
            Some(ManagerRef::InFile(other)) => other == at,
            Some(ManagerRef::Existing(id)) => rows[at].existing == Some(id),
            None => false,
        };
        let issue = match manager {
            None => Some(ImportIssue::UnknownManager),
            Some(_) if own => Some(ImportIssue::OwnManager),
            Some(_) => None,
        };
        let planned = &mut rows[at];
        if let Some(issue) = issue {
            problems.push(cell_problem(planned.row, ImportColumn::Manager, issue));
            planned.valid = false;
        }
        planned.person.manager = Some(manager);
    }
    problems.sort_by_key(|problem| problem.row);
}

/// The units the valid rows name that do not exist yet, each after the
/// units above it.
fn new_units(rows: &[PlannedRow], snapshot: &Snapshot) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut new = Vec::new();
    for path in rows.iter().filter(|r| r.valid).filter_map(|r| r.person.unit.as_deref()) {
        let segments = path_segments(path);
        for depth in 1..=segments.len() {
            let prefix = segments[..depth].join(PATH_SEPARATOR);
            let key = path_key(&prefix);
            if !snapshot.unit_by_path.contains_key(&key) && seen.insert(key) {
                new.push(prefix);
            }
        }
    }
    new
}

/// The job functions the valid rows name that do not exist yet.
fn new_functions(rows: &[PlannedRow], snapshot: &Snapshot) -> Vec<String> {
    let mut seen = BTreeSet::new();
    rows.iter()
        .filter(|r| r.valid)
        .filter_map(|r| r.person.function.clone().flatten())
        .filter(|name| {
            let key = name.to_lowercase();
            !snapshot.function_by_name.contains_key(&key) && seen.insert(key)
        })
        .collect()
}

/// The columns in which the row differs from the person as they are.
fn changes(
    person: &user_account::Model,
    planned: &PlannedRow,
    rows: &[PlannedRow],
    snapshot: &Snapshot,
) -> Vec<ImportColumn> {
    let wanted = &planned.person;
    let id = UserId(person.id);
    let primary_path = snapshot.primary_unit.get(&id).and_then(|unit| snapshot.unit_paths.get(unit));
    let unit = wanted.unit.as_deref().and_then(|path| snapshot.unit_by_path.get(&path_key(path)));
    let current_override = snapshot.overrides.get(&id).copied();
    let roles = Roles { manager: person.is_manager, admin: person.is_admin, auditor: person.is_auditor };
    let (started_on, birth_year) = employment(person);
    let differs = |column| match column {
        ImportColumn::Name => wanted.name != person.name,
        ImportColumn::Email => wanted.email.is_some() && wanted.email != person.email,
        ImportColumn::Username => wanted.username.is_some() && wanted.username != person.username,
        ImportColumn::Phone => wanted.phone.as_ref().is_some_and(|phone| *phone != person.phone),
        ImportColumn::Language => wanted.language.is_some_and(|lang| lang.code() != person.language),
        ImportColumn::Function => wanted.function.as_ref().is_some_and(|function| {
            let wanted_id = function.as_ref().map(|name| snapshot.function_by_name.get(&name.to_lowercase()));
            match wanted_id {
                None => person.function_id.is_some(),
                Some(found) => found.copied() != person.function_id,
            }
        }),
        ImportColumn::Unit => wanted
            .unit
            .as_deref()
            .is_some_and(|path| primary_path.map(|p| path_key(p)) != Some(path_key(path))),
        ImportColumn::ManagesUnit => wanted.manages_unit.is_some_and(|manages| match unit {
            Some(unit) => snapshot.manages.contains(&(*unit, id)) != manages,
            None => manages,
        }),
        ImportColumn::Manager => wanted.manager.is_some_and(|manager| {
            let wanted_id = match manager {
                None => None,
                Some(ManagerRef::Existing(existing)) => Some(existing),
                Some(ManagerRef::InFile(other)) => match rows[other].existing {
                    Some(existing) => Some(existing),
                    None => return true,
                },
            };
            wanted_id != current_override
        }),
        ImportColumn::Roles => wanted.roles.is_some_and(|wanted| wanted != roles),
        ImportColumn::StartedOn => wanted.started_on.as_ref().is_some_and(|day| *day != started_on),
        ImportColumn::BirthYear => wanted.birth_year.is_some_and(|year| year != birth_year),
    };
    ImportColumn::ALL.into_iter().filter(|column| differs(*column)).collect()
}

/// A person's start date (`YYYY-MM-DD`) and year of birth as the import file writes them.
pub fn employment(person: &user_account::Model) -> (Option<String>, Option<u32>) {
    (
        person.started_on.map(|day| day.format("%Y-%m-%d").to_string()),
        person.birth_year.and_then(|year| u32::try_from(year).ok()),
    )
}
