//! The full export of an organisation's data (DPA 3.N, 8.B): every table
//! of its business data as JSON and as CSV in one zip file, with sealed
//! content opened. An admin asks for it at any time, also in the 30 days
//! after the contract ended; it is written in the background (`run`),
//! page by page into a file in the data directory, while the page shows a
//! progress bar; the file can be downloaded for 24 hours and is then
//! deleted (`discard_expired`). Private notes and private 1:1 points stay
//! their authors' (PRODUCT.md §3.3): the export says they exist, not what
//! they say. Documents come as their files, opened, under
//! `documents/{id}/{name}` (issue 10).

mod tables;
mod writer;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    Set,
};
use serde::Serialize;

use tables::{EXPORTED, Owner, for_table, rows_of};
use writer::{ExportWriter, failed};

use super::{local_time, tenant_keys};
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{FullExportState, FullExportStatus};
use crate::domain::ids::OrgId;
use crate::domain::roles::Role;
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::OrgScope;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::{organisation, organisation_export};
use crate::server::storage::Storage;

/// How long a finished export can be downloaded.
pub const LINK_LIFETIME: Duration = Duration::hours(24);

/// Where `org`'s export files live.
fn folder(data_directory: &Path, org: OrgId) -> PathBuf {
    data_directory.join("exports").join(org.0.to_string())
}

fn file_of(data_directory: &Path, export: &organisation_export::Model) -> PathBuf {
    folder(data_directory, OrgId(export.org_id)).join(format!("{}.zip", export.id))
}

/// An export still unfinished this long after it was asked for was cut
/// off (by a restart, say) and no longer stands in the way of a new one.
const GIVE_UP_AFTER: Duration = Duration::hours(6);

/// Starts a full export for the admin's organisation, for the caller to
/// `run`; `None` while one is being written already.
pub async fn start(
    db: &DatabaseConnection,
    admin: &OrgScope,
    now: DateTime<Utc>,
) -> Result<Option<organisation_export::Model>, AppError> {
    let admin = admin.clone().require(Role::Admin)?;
    let running = organisation_export::Entity::find()
        .filter(organisation_export::Column::OrgId.eq(admin.org.0))
        .filter(organisation_export::Column::FinishedAt.is_null())
        .filter(organisation_export::Column::FailedAt.is_null())
        .filter(organisation_export::Column::RequestedAt.gt(now - GIVE_UP_AFTER))
        .count(db)
        .await
        .map_err(internal)?;
    if running > 0 {
        return Ok(None);
    }
    let mut total = 0u64;
    for (table, owner) in EXPORTED {
        total += for_table!(*table, count_rows(db, *owner, admin.org))?;
    }
    let export = organisation_export::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        org_id: Set(admin.org.0),
        requested_by: Set(Some(admin.user.0)),
        requested_at: Set(now),
        rows_total: Set(i64::try_from(total).unwrap_or(i64::MAX)),
        rows_done: Set(0),
        finished_at: Set(None),
        failed_at: Set(None),
        expires_at: Set(None),
        size_bytes: Set(None),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    let entry = AuditEntry::by_user(admin.org, admin.user, AuditAction::OrganisationExported)
        .on("organisation_export", export.id);
    audit::record(db, entry, now).await.map_err(internal)?;
    Ok(Some(export))
}

async fn count_rows<E: EntityTrait>(
    db: &DatabaseConnection,
    owner: Owner,
    org: OrgId,
) -> Result<u64, AppError>
where
    E::Model: Sync,
{
    E::find().filter(rows_of(owner, org)).count(db).await.map_err(internal)
}

/// Writes `export`'s file; marks it finished (downloadable until 24 hours
/// after `now`) or failed, leaving no half-written file.
pub async fn run(
    db: &DatabaseConnection,
    (keys, storage): (&Keyring, &Storage),
    data_directory: &Path,
    export: &organisation_export::Model,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let path = file_of(data_directory, export);
    let partial = path.with_extension("part");
    let written = write(db, (keys, storage), export, &partial).await;
    let mut change: organisation_export::ActiveModel = export.clone().into();
    match written {
        Ok(()) => {
            std::fs::rename(&partial, &path).map_err(failed)?;
            let size = std::fs::metadata(&path).map_err(failed)?.len();
            change.rows_done = Set(export.rows_total);
            change.finished_at = Set(Some(Utc::now().max(now)));
            change.expires_at = Set(Some(now + LINK_LIFETIME));
            change.size_bytes = Set(Some(i64::try_from(size).unwrap_or(i64::MAX)));
        }
        Err(_) => {
            let _ = std::fs::remove_file(&partial);
            change.failed_at = Set(Some(now));
        }
    }
    change.update(db).await.map_err(internal)?;
    written
}

#[derive(Serialize)]
struct Manifest<'a> {
    organisation: &'a str,
    produced_at: DateTime<Utc>,
    tables: Vec<(&'static str, u64)>,
    withheld: &'static str,
}

async fn write(
    db: &DatabaseConnection,
    (keys, storage): (&Keyring, &Storage),
    export: &organisation_export::Model,
    partial: &Path,
) -> Result<(), AppError> {
    let org = OrgId(export.org_id);
    let organisation =
        organisation::Entity::find_by_id(org.0).one(db).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    let cipher = tenant_keys::content_cipher(db, keys, org).await?;
    std::fs::create_dir_all(partial.parent().ok_or(AppError::Internal)?).map_err(failed)?;
    let file = std::fs::File::create(partial).map_err(failed)?;
    let zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
    let mut writer = ExportWriter { db, cipher: &cipher, org, zip, export: export.id, written: 0 };
    let mut tables = Vec::new();
    for (table, owner) in EXPORTED {
        let rows = for_table!(*table, table_of(&mut writer, table, *owner))?;
        tables.push((*table, rows));
    }
    writer.documents(storage).await?;
    let manifest = Manifest {
        organisation: &organisation.name,
        produced_at: export.requested_at,
        tables,
        withheld: "private_note.body and one_on_one_point.body of private points: their authors' only",
    };
    writer.zip.start_file("manifest.json", zip::write::SimpleFileOptions::default()).map_err(failed)?;
    serde_json::to_writer_pretty(&mut writer.zip, &manifest).map_err(failed)?;
    let mut file = writer.zip.finish().map_err(failed)?;
    std::io::Write::flush(&mut file).map_err(failed)?;
    Ok(())
}

async fn table_of<E>(
    writer: &mut ExportWriter<'_>,
    table: &'static str,
    owner: Owner,
) -> Result<u64, AppError>
where
    E: EntityTrait + Default,
    E::Model: Serialize + Sync,
{
    writer.table::<E>(table, owner).await
}

/// The admin's organisation's latest export, as its page shows it.
pub async fn status(
    db: &DatabaseConnection,
    admin: &OrgScope,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<Option<FullExportStatus>, AppError> {
    let admin = admin.clone().require(Role::Admin)?;
    let latest = organisation_export::Entity::find()
        .filter(organisation_export::Column::OrgId.eq(admin.org.0))
        .order_by_desc(organisation_export::Column::RequestedAt)
        .one(db)
        .await
        .map_err(internal)?;
    Ok(latest.map(|export| {
        let state = match (export.finished_at, export.failed_at, export.expires_at) {
            (_, Some(_), _) => FullExportState::Failed,
            (Some(_), _, Some(expires_at)) if expires_at > now => FullExportState::Ready {
                expires_at: local_time::shown(expires_at, time_zone),
                size_bytes: export.size_bytes.and_then(|size| u64::try_from(size).ok()).unwrap_or(0),
                download: download_path(export.id),
            },
            (Some(_), _, _) => FullExportState::Expired,
            (None, None, _) if export.requested_at <= now - GIVE_UP_AFTER => FullExportState::Failed,
            (None, None, _) => FullExportState::Running {
                done: u64::try_from(export.rows_done).unwrap_or(0),
                total: u64::try_from(export.rows_total).unwrap_or(0),
            },
        };
        FullExportStatus {
            id: export.id,
            requested_at: local_time::shown(export.requested_at, time_zone),
            state,
        }
    }))
}

/// Where an export is downloaded.
pub fn download_path(id: uuid::Uuid) -> String {
    format!("/privacy/export/{id}/download")
}

/// The file of a finished export of the admin's organisation while its
/// link holds; the download is audit-logged.
pub async fn download(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: uuid::Uuid,
    data_directory: &Path,
    now: DateTime<Utc>,
) -> Result<PathBuf, AppError> {
    let admin = admin.clone().require(Role::Admin)?;
    let export = organisation_export::Entity::find_by_id(id)
        .filter(organisation_export::Column::OrgId.eq(admin.org.0))
        .filter(organisation_export::Column::FinishedAt.is_not_null())
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let path = file_of(data_directory, &export);
    if export.expires_at.is_none_or(|expires_at| expires_at <= now) || !path.exists() {
        return Err(AppError::ExportExpired);
    }
    let entry = AuditEntry::by_user(admin.org, admin.user, AuditAction::OrganisationExportDownloaded)
        .on("organisation_export", export.id);
    audit::record(db, entry, now).await.map_err(internal)?;
    Ok(path)
}

/// Deletes the files of exports whose link has expired; says how many.
/// A discarded export loses its size, so the next run skips it.
pub async fn discard_expired(
    db: &DatabaseConnection,
    data_directory: &Path,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let expired = organisation_export::Entity::find()
        .filter(organisation_export::Column::ExpiresAt.lte(now))
        .filter(organisation_export::Column::SizeBytes.is_not_null())
        .all(db)
        .await
        .map_err(internal)?;
    let mut discarded = 0;
    for export in expired {
        if std::fs::remove_file(file_of(data_directory, &export)).is_ok() {
            discarded += 1;
        }
        let change = organisation_export::ActiveModel {
            id: Set(export.id),
            size_bytes: Set(None),
            ..Default::default()
        };
        change.update(db).await.map_err(internal)?;
    }
    Ok(discarded)
}

/// Deletes every export file of `org`: when its data is destroyed, or
/// when a person in it is erased and the files still hold them.
pub fn discard_all(data_directory: &Path, org: OrgId) -> Result<(), AppError> {
    match std::fs::remove_dir_all(folder(data_directory, org)) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(failed(error)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
