//! Test support: fresh, migrated databases on both backends.
//!
//! Every service test runs twice, on SQLite in memory and on PostgreSQL
//! (`for_each_backend!`). On PostgreSQL each test gets a schema of its own
//! inside the run's database (`KOERS_TEST_POSTGRES_URL`, created and dropped
//! by `make test`), so tests never share data and may run in parallel.

mod demo;
mod fixtures;
mod sms;
mod smtp;
mod storage;

pub use crate::server::service::erasure::DumpedRow;
pub use demo::{Demo, demo};
pub use fixtures::{
    TEST_PASSWORD, TEST_SECURITY, enrol_app, member, operator, organisation, scope, test_kek, test_keyring,
};
pub use sms::{ReceivedSms, SmsSink};
pub use smtp::SmtpSink;
pub use storage::{S3Server, local_storage};

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};

use crate::server::config::DatabaseConfig;
use crate::server::db;

pub const POSTGRES_URL_VARIABLE: &str = "KOERS_TEST_POSTGRES_URL";

pub struct TestDb {
    pub db: DatabaseConnection,
}

impl TestDb {
    /// A migrated SQLite database in memory.
    pub async fn sqlite() -> TestDb {
        let db = Self::sqlite_unmigrated().await;
        db::migrate(&db).await.expect("migrations run on SQLite");
        TestDb { db }
    }

    pub async fn sqlite_unmigrated() -> DatabaseConnection {
        let config = DatabaseConfig { url: "sqlite::memory:".into(), max_connections: 1 };
        db::connect(&config).await.expect("SQLite in memory opens")
    }

    /// A migrated PostgreSQL schema of this test's own.
    pub async fn postgres() -> TestDb {
        let db = Self::postgres_unmigrated().await;
        db::migrate(&db).await.expect("migrations run on PostgreSQL");
        TestDb { db }
    }

    pub async fn postgres_unmigrated() -> DatabaseConnection {
        let url = std::env::var(POSTGRES_URL_VARIABLE).unwrap_or_else(|_| {
            panic!(
                "{POSTGRES_URL_VARIABLE} is not set: run the tests with `make test`, which starts PostgreSQL"
            )
        });
        let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
        let admin = Database::connect(url.as_str()).await.expect("PostgreSQL test server reachable");
        admin.execute_unprepared(&format!("CREATE SCHEMA {schema}")).await.expect("test schema created");
        admin.close().await.ok();
        let mut options = ConnectOptions::new(url);
        options.max_connections(4).sqlx_logging(false).set_schema_search_path(schema);
        Database::connect(options).await.expect("PostgreSQL test schema opens")
    }
}

/// Runs each test body once per database backend, as `sqlite::name` and
/// `postgres::name`.
macro_rules! for_each_backend {
    ($(async fn $name:ident($db:ident) $body:block)*) => {
        mod sqlite {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[tokio::test]
                async fn $name() {
                    let $db = $crate::server::testing::TestDb::sqlite().await.db;
                    $body
                }
            )*
        }
        mod postgres {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[tokio::test]
                async fn $name() {
                    let $db = $crate::server::testing::TestDb::postgres().await.db;
                    $body
                }
            )*
        }
    };
}
pub(crate) use for_each_backend;

/// Every row of the test's database as text (see `erasure::dump`).
pub async fn dump(db: &DatabaseConnection) -> Vec<DumpedRow> {
    crate::server::service::erasure::dump(db).await.expect("the database dumps")
}
