//! The database connection pool: SQLite (embedded default) or PostgreSQL.

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};

use super::config::DatabaseConfig;

/// Opens the pool. SQLite runs in WAL mode (readers never wait for the
/// writer) with foreign keys enforced on every connection; its parent
/// directory is created if needed.
pub async fn connect(config: &DatabaseConfig) -> Result<DatabaseConnection, DbErr> {
    if let Some(directory) =
        sqlite_file(&config.url).and_then(|file| file.parent().map(ToOwned::to_owned))
        && !directory.as_os_str().is_empty()
    {
        std::fs::create_dir_all(&directory).map_err(|error| {
            DbErr::Custom(format!("cannot create {}: {error}", directory.display()))
        })?;
    }
    let mut options = ConnectOptions::new(config.url.clone());
    options
        .max_connections(if is_in_memory(&config.url) {
            1
        } else {
            config.max_connections
        })
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|sqlite| {
            sqlite
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
        });
    Database::connect(options).await
}

/// Brings the schema up to date; run at every start.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && !is_in_memory(url)).then(|| path.into())
}

/// An in-memory SQLite database lives in one connection; a pool of several
/// would see several empty databases.
fn is_in_memory(url: &str) -> bool {
    url.starts_with("sqlite:") && (url.contains(":memory:") || url.contains("mode=memory"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sqlite_file_is_found_in_the_url() {
        assert_eq!(
            sqlite_file("sqlite://data/koers.db?mode=rwc"),
            Some("data/koers.db".into())
        );
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://x@y/z"), None);
    }
}
