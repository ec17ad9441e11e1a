//! Bulk import and export of people, units and managers (issue 4).
//!
//! An import goes in two steps. The preview reads the file (CSV or XLSX),
//! checks every row against the organisation as it is and says per row
//! what would happen and per problem its row, column and reason; nothing is
//! written. Confirming sends the same file again (its fingerprint must
//! match what was previewed): it is read and checked once more and, only
//! when it has no problems, carried out in one transaction that either
//! writes everything or nothing, reporting its progress row by row. Rows
//! that match the organisation already change nothing, so importing the
//! same file twice, or an export, changes nothing the second time.

mod apply;
mod export;
mod jobs;
mod plan;
mod snapshot;
mod table;

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, EntityTrait, TransactionTrait};
use sha2::{Digest, Sha256};

pub use jobs::{ImportJobs, JobHandle};
pub use table::{Table, read as read_table, write_xlsx};

use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{ImportIssue, ImportOutcome, ImportPreview, ImportProblem, RowOutcome, RowPreview};
use crate::i18n::Lang;
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::OrgScope;
use crate::server::db::internal;
use crate::server::entity::organisation;

/// Largest file taken, in megabytes.
pub const MAX_MEGABYTES: u32 = 5;
/// Most people in one file.
pub const MAX_ROWS: u32 = 20_000;
/// Rows the preview lists one by one; the counts cover all of them.
pub const PREVIEW_ROWS: usize = 500;

/// What the import of `bytes` would do, without doing it.
pub async fn preview(
    db: &DatabaseConnection,
    admin: &OrgScope,
    bytes: &[u8],
    now: DateTime<Utc>,
) -> Result<ImportPreview, AppError> {
    let fingerprint = fingerprint(bytes);
    let (plan, _) = match read_and_plan(db, admin, bytes, year_of(now)).await? {
        Ok(planned) => planned,
        Err(problem) => {
            return Ok(ImportPreview {
                fingerprint,
                problems: vec![problem],
                rows: Vec::new(),
                new_people: 0,
                changed_people: 0,
                unchanged_people: 0,
                new_units: Vec::new(),
                new_functions: Vec::new(),
            });
        }
    };
    let count = |wanted: fn(&plan::PlannedRow) -> bool| {
        u32::try_from(plan.rows.iter().filter(|row| row.valid && wanted(row)).count()).unwrap_or(u32::MAX)
    };
    let rows = plan
        .rows
        .iter()
        .take(PREVIEW_ROWS)
        .map(|row| RowPreview {
            row: row.row,
            name: row.person.name.clone(),
            sign_in_name: row
                .person
                .email
                .clone()
                .or_else(|| row.person.username.clone())
                .unwrap_or_default(),
            outcome: match (row.valid, row.existing) {
                (false, _) => RowOutcome::Invalid,
                (true, None) => RowOutcome::New,
                (true, Some(_)) if row.changes.is_empty() => RowOutcome::Unchanged,
                (true, Some(_)) => RowOutcome::Changed(row.changes.clone()),
            },
        })
        .collect();
    Ok(ImportPreview {
        fingerprint,
        new_people: count(|row| row.existing.is_none()),
        changed_people: count(|row| row.existing.is_some() && !row.changes.is_empty()),
        unchanged_people: count(|row| row.existing.is_some() && row.changes.is_empty()),
        problems: plan.problems,
        rows,
        new_units: plan.new_units,
        new_functions: plan.new_functions,
    })
}

/// How an import runs.
pub struct Options<'a> {
    /// The fingerprint of the previewed file.
    pub fingerprint: &'a str,
    pub invite: bool,
    pub default_language: Lang,
    pub public_url: &'a str,
}

/// Checks `bytes` again and, without problems, imports them in one
/// transaction, telling `job` how far it got. Returns the problems, and
/// changes nothing, when there are any.
pub async fn run(
    db: &DatabaseConnection,
    admin: &OrgScope,
    bytes: &[u8],
    options: &Options<'_>,
    job: &JobHandle,
    now: DateTime<Utc>,
) -> Result<ImportOutcome, AppError> {
    if fingerprint(bytes) != options.fingerprint {
        return Err(rejected(vec![ImportProblem { row: 0, column: None, issue: ImportIssue::FileChanged }]));
    }
    let txn = db.begin().await.map_err(internal)?;
    let (plan, snapshot) = match read_and_plan(&txn, admin, bytes, year_of(now)).await? {
        Ok(planned) => planned,
        Err(problem) => return Err(rejected(vec![problem])),
    };
    if !plan.problems.is_empty() {
        return Err(rejected(plan.problems));
    }
    let organisation_name = organisation::Entity::find_by_id(admin.org.0)
        .one(&txn)
        .await
        .map_err(internal)?
        .map(|o| o.name)
        .unwrap_or_default();
    let context = apply::Context {
        org: admin.org,
        organisation_name: &organisation_name,
        default_language: options.default_language,
        invite: options.invite,
        public_url: options.public_url,
        now,
    };
    let outcome = apply::apply(&txn, &plan, &snapshot, &context, |done| job.advance(done)).await?;
    txn.commit().await.map_err(internal)?;
    let entry = AuditEntry::by_user(admin.org, admin.user, AuditAction::PeopleImported)
        .on("import", format!("{}+{}", outcome.created, outcome.updated));
    audit::record(db, entry, now).await.map_err(internal)?;
    Ok(outcome)
}

/// The file format of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

/// The organisation's people as an import file.
pub async fn export(db: &DatabaseConnection, admin: &OrgScope, format: Format) -> Result<Vec<u8>, AppError> {
    let snapshot = snapshot::Snapshot::load(db, admin.org).await.map_err(internal)?;
    let table = export::table(&snapshot);
    match format {
        Format::Csv => Ok(table::write_csv(&table)),
        Format::Xlsx => table::write_xlsx(&table, "people").map_err(|error| {
            tracing::error!(%error, "writing the export workbook failed");
            AppError::Internal
        }),
    }
}

/// The number of rows below the header, for sizing the progress bar.
pub fn row_count(bytes: &[u8]) -> u32 {
    table::read(bytes).map_or(0, |table| u32::try_from(table.len().saturating_sub(1)).unwrap_or(u32::MAX))
}

fn rejected(problems: Vec<ImportProblem>) -> AppError {
    AppError::ImportRejected { problems }
}

pub fn fingerprint(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn year_of(now: DateTime<Utc>) -> u32 {
    u32::try_from(chrono::Datelike::year(&now)).unwrap_or_default()
}

/// The plan for `bytes`, or the one problem that keeps the file from being read.
async fn read_and_plan(
    db: &impl sea_orm::ConnectionTrait,
    admin: &OrgScope,
    bytes: &[u8],
    this_year: u32,
) -> Result<Result<(plan::Plan, snapshot::Snapshot), ImportProblem>, AppError> {
    let file_problem = |issue| ImportProblem { row: 0, column: None, issue };
    if bytes.len() > MAX_MEGABYTES as usize * 1024 * 1024 {
        return Ok(Err(file_problem(ImportIssue::TooLarge { max_megabytes: MAX_MEGABYTES })));
    }
    let table = match table::read(bytes) {
        Ok(table) => table,
        Err(issue) => return Ok(Err(file_problem(issue))),
    };
    if table.len() > MAX_ROWS as usize + 1 {
        return Ok(Err(file_problem(ImportIssue::TooManyRows { max: MAX_ROWS })));
    }
    let snapshot = snapshot::Snapshot::load(db, admin.org).await.map_err(internal)?;
    let plan = plan::plan(&table, &snapshot, admin.user, this_year);
    Ok(Ok((plan, snapshot)))
}

#[cfg(test)]
mod tests;
