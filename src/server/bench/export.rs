//! `koers bench-export`: the full export of the newest benchmark
//! organisation, timed, with the process's peak memory. Run it in a
//! process of its own (as `scripts/bench-org.sh` does), so the peak is the
//! export's and not that of building the organisation.

use std::time::Instant;

use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::domain::AppError;
use crate::domain::ids::{OrgId, UserId};
use crate::domain::roles::Roles;
use crate::server::auth::OrgScope;
use crate::server::config::StorageConfig;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::{organisation, user_account};
use crate::server::service::full_export;
use crate::server::storage::Storage;

pub async fn run(
    db: &DatabaseConnection,
    keys: &Keyring,
    data_directory: &std::path::Path,
) -> Result<(), AppError> {
    let org = organisation::Entity::find()
        .filter(organisation::Column::Name.starts_with("Benchmark "))
        .order_by_desc(organisation::Column::CreatedAt)
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let admin = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(org.id))
        .filter(user_account::Column::IsAdmin.eq(true))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let roles = Roles { admin: true, ..Roles::default() };
    let admin = OrgScope { org: OrgId(org.id), user: UserId(admin.id), name: admin.name, roles };
    let before = memory("VmRSS");
    let started = Instant::now();
    let now = Utc::now();
    let export = full_export::start(db, &admin, now).await?.ok_or(AppError::Internal)?;
    let storage = Storage::from_config(&StorageConfig::Local { directory: data_directory.join("files") })
        .map_err(|_| AppError::Internal)?;
    full_export::run(db, (keys, &storage), data_directory, &export, now).await?;
    let took = started.elapsed();
    let size = full_export::download(db, &admin, export.id, data_directory, now)
        .await
        .and_then(|path| std::fs::metadata(path).map_err(|_| AppError::Internal))?
        .len();
    println!("Koers full-export benchmark: {} ({} rows)", org.name, export.rows_total);
    let line = |what: &str, figure: String| println!("  {what:<32}{figure}");
    line("full export, written", format!("{:.1} s", took.as_secs_f64()));
    line("zip file", format!("{:.1} MB", size as f64 / 1_000_000.0));
    line("memory before the export", kib(before));
    line("peak memory of the process", kib(memory("VmHWM")));
    Ok(())
}

/// A line of `/proc/self/status` in KiB (Linux); `None` elsewhere.
fn memory(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with(&format!("{field}:")))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn kib(value: Option<u64>) -> String {
    value.map_or_else(|| "unknown".to_owned(), |kib| format!("{:.1} MB", kib as f64 / 1024.0))
}
