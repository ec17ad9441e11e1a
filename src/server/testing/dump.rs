//! A full dump of the database as text, one line per row, for tests that
//! prove something is gone: after a destruction or an erasure no line may
//! hold a name, an address or an id that should have left no trace.

use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};

/// One row of one table, every column as text (SQLite quotes values and
/// writes blobs as `X'…'` in upper-case hex; PostgreSQL writes the row).
#[derive(Debug)]
pub struct DumpedRow {
    pub table: String,
    pub text: String,
}

/// Every row of every table of the test's database (or schema).
pub async fn dump(db: &DatabaseConnection) -> Vec<DumpedRow> {
    let backend = db.get_database_backend();
    let mut rows = Vec::new();
    for table in tables(db).await {
        let select = match backend {
            DatabaseBackend::Postgres => format!("SELECT t::text AS row FROM \"{table}\" t"),
            _ => {
                let columns = strings(db, &format!("SELECT name FROM pragma_table_info('{table}')")).await;
                let quoted: Vec<String> = columns.iter().map(|c| format!("quote(\"{c}\")")).collect();
                format!("SELECT {} AS row FROM \"{table}\"", quoted.join(" || ',' || "))
            }
        };
        rows.extend(
            strings(db, &select).await.into_iter().map(|text| DumpedRow { table: table.clone(), text }),
        );
    }
    rows
}

async fn tables(db: &DatabaseConnection) -> Vec<String> {
    let sql = match db.get_database_backend() {
        DatabaseBackend::Postgres => {
            "SELECT tablename AS row FROM pg_tables WHERE schemaname = current_schema()"
        }
        _ => "SELECT name AS row FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    };
    strings(db, sql).await
}

async fn strings(db: &DatabaseConnection, sql: &str) -> Vec<String> {
    let found = db.query_all_raw(Statement::from_string(db.get_database_backend(), sql)).await.expect(sql);
    found.into_iter().map(|row| row.try_get_by_index::<String>(0).expect("a text column")).collect()
}
