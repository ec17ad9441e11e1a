//! Encrypted backups (issue 8, DPA Bijlage 3): `koers backup FILE` writes
//! the database and the stored files into one file sealed under the
//! key-encryption key; `koers restore FILE` puts them back.
//!
//! A backup never holds the organisations' data keys: they live in the key
//! store, outside the database. So when an organisation is destroyed and
//! its key with it (DPA 8, crypto-shredding), a backup taken before still
//! restores its rows, but nothing sealed in them can be read again, while
//! every other organisation comes back whole.

mod database;
mod sealed;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, DbErr};
use serde::{Deserialize, Serialize};
use zip::write::SimpleFileOptions;

pub use database::Database;
pub use sealed::SealError;

use crate::server::config::KeyEncryptionKey;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("database: {0}")]
    Database(#[from] DbErr),
    #[error("{0}")]
    Sealed(#[from] SealError),
    #[error("archive: {0}")]
    Archive(#[from] zip::result::ZipError),
    #[error("{0}")]
    Tool(String),
    #[error("backups need a database file or PostgreSQL, not {0}")]
    Unsupported(String),
    #[error("the backup's manifest is missing or unreadable")]
    Manifest,
}

/// What a backup holds, written into it and shown when it is made.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    pub created_at: DateTime<Utc>,
    pub database: String,
    pub files: u64,
}

/// Writes a sealed backup of `database` (open as `db`) and of the files
/// under `files` to `to`.
pub async fn backup(
    db: &DatabaseConnection,
    database: &Database,
    files: &Path,
    kek: &KeyEncryptionKey,
    to: &Path,
    now: DateTime<Utc>,
) -> Result<Manifest, BackupError> {
    let work = Scratch::beside(to)?;
    let copy = work.0.join(database.entry_name());
    database.copy_to(db, &copy).await?;
    let archive = work.0.join("backup.zip");
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(std::fs::File::create(&archive)?));
    let options = SimpleFileOptions::default().large_file(true);
    zip.start_file(database.entry_name(), options)?;
    std::io::copy(&mut std::fs::File::open(&copy)?, &mut zip)?;
    let mut count = 0;
    for file in files_under(files)? {
        let name = file.strip_prefix(files).map_err(|_| BackupError::Manifest)?;
        zip.start_file(format!("files/{}", name.to_string_lossy().replace('\\', "/")), options)?;
        std::io::copy(&mut std::fs::File::open(&file)?, &mut zip)?;
        count += 1;
    }
    let manifest = Manifest { created_at: now, database: database.entry_name().to_owned(), files: count };
    zip.start_file("manifest.json", options)?;
    zip.write_all(&serde_json::to_vec_pretty(&manifest).map_err(|_| BackupError::Manifest)?)?;
    zip.finish()?.flush()?;
    sealed::seal_file(kek, &archive, to)?;
    Ok(manifest)
}

/// Restores the backup at `from` into `database` and `files`: the database
/// is replaced, stored files are written back. The server must be stopped.
pub fn restore(
    database: &Database,
    files: &Path,
    kek: &KeyEncryptionKey,
    from: &Path,
) -> Result<Manifest, BackupError> {
    let work = Scratch::beside(from)?;
    let archive = work.0.join("backup.zip");
    sealed::open_file(kek, from, &archive)?;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&archive)?)?;
    let manifest: Manifest = {
        let mut text = String::new();
        zip.by_name("manifest.json")?.read_to_string(&mut text)?;
        serde_json::from_str(&text).map_err(|_| BackupError::Manifest)?
    };
    if manifest.database != database.entry_name() {
        return Err(BackupError::Unsupported(manifest.database));
    }
    let copy = work.0.join(database.entry_name());
    std::io::copy(&mut zip.by_name(database.entry_name())?, &mut std::fs::File::create(&copy)?)?;
    database.restore_from(&copy)?;
    for index in 0..zip.len() {
        let mut entry = zip.by_index(index)?;
        let Some(name) =
            entry.enclosed_name().and_then(|name| name.strip_prefix("files").ok().map(Path::to_path_buf))
        else {
            continue;
        };
        let target = files.join(name);
        if let Some(directory) = target.parent() {
            std::fs::create_dir_all(directory)?;
        }
        std::io::copy(&mut entry, &mut std::fs::File::create(target)?)?;
    }
    Ok(manifest)
}

fn files_under(root: &Path) -> Result<Vec<PathBuf>, BackupError> {
    let mut found = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for entry in entries {
            let path = entry?.path();
            if path.is_dir() { folders.push(path) } else { found.push(path) }
        }
    }
    found.sort();
    Ok(found)
}

/// A working folder next to the backup file, removed when done: what it
/// holds is not sealed.
struct Scratch(PathBuf);

impl Scratch {
    fn beside(file: &Path) -> Result<Scratch, BackupError> {
        let parent = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let folder = parent.join(format!(".koers-backup-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&folder)?;
        Ok(Scratch(folder))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests;
