//! Copying the database out and back: SQLite with `VACUUM INTO`, a
//! consistent copy of the live file; PostgreSQL with `pg_dump` and
//! `pg_restore`, which must be installed next to the server.

use std::path::{Path, PathBuf};
use std::process::Command;

use sea_orm::{ConnectionTrait, DatabaseConnection};

use super::BackupError;

/// The database a backup is taken of or restored into.
#[derive(Clone, Debug)]
pub enum Database {
    Sqlite {
        file: PathBuf,
    },
    /// `schema` limits the copy to one schema (the tests give each test one).
    Postgres {
        url: String,
        schema: Option<String>,
    },
}

impl Database {
    /// The database a `[database] url` names.
    pub fn from_url(url: &str) -> Result<Database, BackupError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Database::Postgres { url: url.to_owned(), schema: None });
        }
        let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"));
        match rest
            .and_then(|rest| rest.split('?').next())
            .filter(|path| !path.is_empty() && !path.contains(":memory:"))
        {
            Some(path) => Ok(Database::Sqlite { file: PathBuf::from(path) }),
            None => Err(BackupError::Unsupported(url.to_owned())),
        }
    }

    /// The name of the copy inside the backup.
    pub fn entry_name(&self) -> &'static str {
        match self {
            Database::Sqlite { .. } => "database.sqlite",
            Database::Postgres { .. } => "database.pgdump",
        }
    }

    /// Writes a copy of the database to `to`.
    pub async fn copy_to(&self, db: &DatabaseConnection, to: &Path) -> Result<(), BackupError> {
        match self {
            Database::Sqlite { .. } => {
                let target = to.display().to_string().replace('\'', "''");
                db.execute_unprepared(&format!("VACUUM INTO '{target}'")).await?;
                Ok(())
            }
            Database::Postgres { url, schema } => {
                let mut dump = Command::new("pg_dump");
                dump.args(["--format=custom", "--no-owner", "--file"]).arg(to).arg("--dbname").arg(url);
                if let Some(schema) = schema {
                    dump.arg(format!("--schema={schema}"));
                }
                run(dump)
            }
        }
    }

    /// Replaces the database with the copy at `from`. The server must not
    /// be running: nothing may write while the database is replaced.
    pub fn restore_from(&self, from: &Path) -> Result<(), BackupError> {
        match self {
            Database::Sqlite { file } => {
                for leftover in ["-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{leftover}", file.display()));
                }
                if let Some(directory) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(directory)?;
                }
                std::fs::copy(from, file)?;
                Ok(())
            }
            Database::Postgres { url, .. } => {
                let mut restore = Command::new("pg_restore");
                restore
                    .args(["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname"])
                    .arg(url)
                    .arg(from);
                run(restore)
            }
        }
    }
}

fn run(mut command: Command) -> Result<(), BackupError> {
    let program = command.get_program().to_string_lossy().into_owned();
    let output = command.output().map_err(|error| BackupError::Tool(format!("{program}: {error}")))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(BackupError::Tool(format!("{program}: {}", String::from_utf8_lossy(&output.stderr).trim())))
    }
}
