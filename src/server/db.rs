//! The database connection pool: SQLite (embedded default) or PostgreSQL.

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};

use super::config::DatabaseConfig;

/// Opens the pool. SQLite runs in WAL mode (readers never wait for the
/// writer) with foreign keys enforced on every connection, and overwrites
/// what is deleted (`secure_delete`), so a deleted row, such as a survey
/// response rewritten at closing, does not linger in the file's free pages
/// (DPA 9: destruction); its parent directory is created if needed.
pub async fn connect(config: &DatabaseConfig) -> Result<DatabaseConnection, DbErr> {
    if let Some(directory) = sqlite_file(&config.url).and_then(|file| file.parent().map(ToOwned::to_owned))
        && !directory.as_os_str().is_empty()
    {
        std::fs::create_dir_all(&directory)
            .map_err(|error| DbErr::Custom(format!("cannot create {}: {error}", directory.display())))?;
    }
    let mut options = ConnectOptions::new(config.url.clone());
    options
        .max_connections(if is_in_memory(&config.url) { 1 } else { config.max_connections })
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|sqlite| {
            sqlite
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
                .pragma("secure_delete", "on")
        });
    Database::connect(options).await
}

/// Brings the schema up to date; run at every start.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// A database failure as the browser sees it: `internal`, with the cause
/// logged here (STYLE.md pattern 6).
pub fn internal(error: DbErr) -> crate::domain::AppError {
    tracing::error!(%error, "database operation failed");
    crate::domain::AppError::Internal
}

/// The file of a SQLite database URL; `None` for PostgreSQL or memory.
pub fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
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
    use crate::server::testing::TestDb;
    use migration::SchemaManager;

    /// Every migration goes up, all the way down, and up again, leaving the
    /// schema it promises each time (STYLE.md pattern 10).
    async fn migrations_go_up_and_down(db: DatabaseConnection) {
        const TABLES: [&str; 75] = [
            "organisation",
            "audit_chain",
            "audit_event",
            "tenant_key",
            "operator_account",
            "user_account",
            "session",
            "login_throttle",
            "outbound_message",
            "password_reset",
            "dpa_acceptance",
            "invitation",
            "totp_credential",
            "recovery_code",
            "sign_in_code",
            "org_unit",
            "unit_manager",
            "unit_member",
            "hr_reader_grant",
            "manager_override",
            "job_function",
            "organisation_setting",
            "unit_setting",
            "core_value",
            "competency",
            "competency_level",
            "competency_function",
            "competency_unit",
            "goal",
            "key_result",
            "goal_check_in",
            "goal_plan",
            "goal_template",
            "goal_template_assignment",
            "notification",
            "notification_preference",
            "digest_subscription",
            "goal_due_reminder",
            "feedback",
            "private_note",
            "feedback_request",
            "feedback_request_giver",
            "one_on_one",
            "one_on_one_meeting",
            "one_on_one_point",
            "one_on_one_action",
            "review_form",
            "review_question",
            "review_cycle",
            "review_cycle_scope",
            "review_moment",
            "review_reminder",
            "review_evaluation",
            "review_writing",
            "review_nomination",
            "review_calibration",
            "talent_review",
            "sub_processor",
            "sub_processor_objection",
            "breach",
            "breach_tenant",
            "breach_update",
            "destruction_declaration",
            "rights_request",
            "organisation_export",
            "support_grant",
            "survey",
            "survey_question",
            "survey_unit",
            "survey_round",
            "survey_participant",
            "survey_response",
            "survey_answer",
            "survey_reply",
            "document",
        ];
        let schema = SchemaManager::new(&db);
        let tables_present = async || {
            let mut present = Vec::new();
            for table in TABLES {
                if schema.has_table(table).await.expect("schema readable") {
                    present.push(table);
                }
            }
            present
        };
        let pending = async || Migrator::get_pending_migrations(&db).await.expect("status").len();

        Migrator::up(&db, None).await.expect("all migrations apply");
        assert_eq!(tables_present().await, TABLES);
        assert_eq!(pending().await, 0);

        Migrator::down(&db, None).await.expect("all migrations roll back");
        assert_eq!(tables_present().await, Vec::<&str>::new());
        assert_eq!(pending().await, Migrator::migrations().len());

        Migrator::up(&db, None).await.expect("migrations apply again after a full rollback");
        assert_eq!(tables_present().await, TABLES);
    }

    #[tokio::test]
    async fn migrations_go_up_and_down_on_sqlite() {
        migrations_go_up_and_down(TestDb::sqlite_unmigrated().await).await;
    }

    #[tokio::test]
    async fn migrations_go_up_and_down_on_postgres() {
        migrations_go_up_and_down(TestDb::postgres_unmigrated().await).await;
    }

    #[tokio::test]
    async fn sqlite_files_use_wal_enforce_foreign_keys_and_overwrite_what_is_deleted() {
        use sea_orm::{ConnectionTrait, Statement};
        let directory = std::env::temp_dir().join(format!("koers-db-{}", uuid::Uuid::new_v4()));
        let config = DatabaseConfig {
            url: format!("sqlite://{}/nested/koers.db?mode=rwc", directory.display()),
            max_connections: 2,
        };
        let db = connect(&config).await.expect("file database opens, its directory created");
        let pragma = |name: &str| Statement::from_string(db.get_database_backend(), format!("PRAGMA {name}"));
        let mode = db.query_one_raw(pragma("journal_mode")).await.expect("pragma").expect("row");
        assert_eq!(mode.try_get_by_index::<String>(0).expect("text"), "wal");
        let keys = db.query_one_raw(pragma("foreign_keys")).await.expect("pragma").expect("row");
        assert_eq!(keys.try_get_by_index::<i32>(0).expect("number"), 1);
        let overwrite = db.query_one_raw(pragma("secure_delete")).await.expect("pragma").expect("row");
        assert_eq!(overwrite.try_get_by_index::<i32>(0).expect("number"), 1);
        db.close().await.ok();
        std::fs::remove_dir_all(directory).ok();
    }

    #[test]
    fn the_sqlite_file_is_found_in_the_url() {
        assert_eq!(sqlite_file("sqlite://data/koers.db?mode=rwc"), Some("data/koers.db".into()));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://x@y/z"), None);
    }
}
