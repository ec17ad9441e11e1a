//! Bulk import of people, units and managers from CSV or XLSX (issue 4):
//! what the preview shows, what goes wrong, and how far a run has come.

use serde::{Deserialize, Serialize};

use crate::domain::validation::Problem;
use crate::i18n::{Key, Lang, format, text};

/// A column of the import file. Headers are matched in Dutch or English,
/// in any case; the export writes the English ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportColumn {
    Name,
    Email,
    Username,
    Phone,
    Language,
    Function,
    /// The primary unit as a path from the top: `Zorg > Wijkteam Noord`.
    Unit,
    /// `yes` makes the person a manager of that unit.
    ManagesUnit,
    /// The e-mail address or username of an explicit manager.
    Manager,
    /// Extra roles: `manager`, `admin`, `auditor`, separated by commas.
    Roles,
    /// The day they started: `2019-03-01` or `1-3-2019`.
    StartedOn,
    BirthYear,
}

impl ImportColumn {
    pub const ALL: [ImportColumn; 12] = [
        ImportColumn::Name,
        ImportColumn::Email,
        ImportColumn::Username,
        ImportColumn::Phone,
        ImportColumn::Language,
        ImportColumn::Function,
        ImportColumn::Unit,
        ImportColumn::ManagesUnit,
        ImportColumn::Manager,
        ImportColumn::Roles,
        ImportColumn::StartedOn,
        ImportColumn::BirthYear,
    ];

    /// The header the export writes.
    pub const fn header(self) -> &'static str {
        match self {
            ImportColumn::Name => "name",
            ImportColumn::Email => "email",
            ImportColumn::Username => "username",
            ImportColumn::Phone => "phone",
            ImportColumn::Language => "language",
            ImportColumn::Function => "function",
            ImportColumn::Unit => "unit",
            ImportColumn::ManagesUnit => "manages unit",
            ImportColumn::Manager => "manager",
            ImportColumn::Roles => "roles",
            ImportColumn::StartedOn => "start date",
            ImportColumn::BirthYear => "birth year",
        }
    }

    /// Every header that names the column, lower case, spaces for `_` and `-`.
    pub const fn headers(self) -> &'static [&'static str] {
        match self {
            ImportColumn::Name => &["name", "naam"],
            ImportColumn::Email => &["email", "e mail", "e mailadres", "email address", "e mail address"],
            ImportColumn::Username => &["username", "gebruikersnaam"],
            ImportColumn::Phone => &["phone", "telefoon", "mobile", "mobiel"],
            ImportColumn::Language => &["language", "taal"],
            ImportColumn::Function => &["function", "functie", "job function"],
            ImportColumn::Unit => &["unit", "eenheid", "afdeling", "team"],
            ImportColumn::ManagesUnit => &["manages unit", "leidinggevende van eenheid", "manages"],
            ImportColumn::Manager => &["manager", "leidinggevende"],
            ImportColumn::Roles => &["roles", "rollen"],
            ImportColumn::StartedOn => {
                &["start date", "started on", "startdatum", "datum in dienst", "in dienst"]
            }
            ImportColumn::BirthYear => &["birth year", "year of birth", "geboortejaar"],
        }
    }

    pub fn from_header(header: &str) -> Option<ImportColumn> {
        let normal: String = header
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c == '_' || c == '-' { ' ' } else { c })
            .collect();
        let normal = normal.split_whitespace().collect::<Vec<_>>().join(" ");
        ImportColumn::ALL.into_iter().find(|column| column.headers().contains(&normal.as_str()))
    }
}

/// What is wrong with a file, a row or a cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "issue", rename_all = "snake_case")]
pub enum ImportIssue {
    /// The value breaks a rule of the field (too long, not an e-mail address…).
    Field {
        problem: Problem,
    },
    /// Neither CSV nor XLSX, or damaged.
    Unreadable,
    TooLarge {
        max_megabytes: u32,
    },
    TooManyRows {
        max: u32,
    },
    /// Nothing below the header row.
    NoRows,
    UnknownColumn {
        header: String,
    },
    MissingColumn,
    /// The same column twice in the header row.
    DuplicateColumn,
    /// A person needs an e-mail address or a username to be found again.
    NeedsEmailOrUsername,
    /// Someone earlier in the file has this e-mail address or username.
    DuplicateInFile {
        first_row: u32,
    },
    UnknownLanguage,
    NotYesOrNo,
    UnknownRole {
        role: String,
    },
    /// No one in the organisation or the file has this e-mail address or username.
    UnknownManager,
    OwnManager,
    /// "Manages unit" without a unit to manage.
    ManagesWithoutUnit,
    /// The admin importing would lose their own admin role.
    OwnAdminRole,
    /// An e-mail address or username that belongs to someone else already.
    BelongsToSomeoneElse,
    /// The file is not the one that was previewed.
    FileChanged,
}

impl ImportIssue {
    pub fn message(&self, lang: Lang) -> String {
        let key = match self {
            ImportIssue::Field { problem } => return problem.message(lang),
            ImportIssue::TooLarge { max_megabytes } => {
                return format(lang, Key::ImportIssueTooLarge, &[("max", &max_megabytes.to_string())]);
            }
            ImportIssue::TooManyRows { max } => {
                return format(lang, Key::ImportIssueTooManyRows, &[("max", &max.to_string())]);
            }
            ImportIssue::UnknownColumn { header } => {
                return format(lang, Key::ImportIssueUnknownColumn, &[("header", header)]);
            }
            ImportIssue::DuplicateInFile { first_row } => {
                return format(lang, Key::ImportIssueDuplicateInFile, &[("row", &first_row.to_string())]);
            }
            ImportIssue::UnknownRole { role } => {
                return format(lang, Key::ImportIssueUnknownRole, &[("role", role)]);
            }
            ImportIssue::Unreadable => Key::ImportIssueUnreadable,
            ImportIssue::NoRows => Key::ImportIssueNoRows,
            ImportIssue::MissingColumn => Key::ImportIssueMissingColumn,
            ImportIssue::DuplicateColumn => Key::ImportIssueDuplicateColumn,
            ImportIssue::NeedsEmailOrUsername => Key::ImportIssueNeedsEmailOrUsername,
            ImportIssue::UnknownLanguage => Key::ImportIssueUnknownLanguage,
            ImportIssue::NotYesOrNo => Key::ImportIssueNotYesOrNo,
            ImportIssue::UnknownManager => Key::ImportIssueUnknownManager,
            ImportIssue::OwnManager => Key::ImportIssueOwnManager,
            ImportIssue::ManagesWithoutUnit => Key::ImportIssueManagesWithoutUnit,
            ImportIssue::OwnAdminRole => Key::ImportIssueOwnAdminRole,
            ImportIssue::BelongsToSomeoneElse => Key::ImportIssueBelongsToSomeoneElse,
            ImportIssue::FileChanged => Key::ImportIssueFileChanged,
        };
        text(lang, key).to_owned()
    }
}

/// One problem, where the spreadsheet shows it: the row number (the header
/// is row 1; 0 for the file as a whole) and the column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProblem {
    pub row: u32,
    pub column: Option<ImportColumn>,
    pub issue: ImportIssue,
}

/// What importing a row would do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowOutcome {
    New,
    /// An existing person, with the columns that would change.
    Changed(Vec<ImportColumn>),
    Unchanged,
    /// The row has problems; see the list.
    Invalid,
}

/// A row as the preview lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowPreview {
    pub row: u32,
    pub name: String,
    /// Their e-mail address, or else their username.
    pub sign_in_name: String,
    pub outcome: RowOutcome,
}

/// Everything the admin sees before confirming.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// Identifies the file's content: the import only runs on this very file.
    pub fingerprint: String,
    pub problems: Vec<ImportProblem>,
    pub rows: Vec<RowPreview>,
    pub new_people: u32,
    pub changed_people: u32,
    pub unchanged_people: u32,
    /// Paths of units the import creates, and names of job functions.
    pub new_units: Vec<String>,
    pub new_functions: Vec<String>,
}

impl ImportPreview {
    /// Whether confirming would change anything.
    pub fn has_changes(&self) -> bool {
        self.problems.is_empty()
            && (self.new_people + self.changed_people > 0
                || !self.new_units.is_empty()
                || !self.new_functions.is_empty())
    }
}

/// What a finished import did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOutcome {
    pub created: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub units_created: u32,
    pub functions_created: u32,
    pub invitations_sent: u32,
}

/// How far an import has come; `finished` once it committed or rolled back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
    pub finished: Option<Result<ImportOutcome, crate::domain::AppError>>,
}
