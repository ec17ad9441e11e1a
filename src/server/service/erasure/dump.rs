//! The whole database as text, one line per row, as `pg_dump` or
//! `.dump` would show it: where an erasure looks for traces it missed, and
//! where tests prove that a destruction or an erasure left none.

use sea_orm::{ConnectionTrait, DatabaseBackend, DbErr, Statement};

/// One row of one table, every column as text (SQLite quotes values and
/// writes blobs as `X'…'` in upper-case hex; PostgreSQL writes the row).
#[derive(Debug)]
pub struct DumpedRow {
    pub table: String,
    pub text: String,
}

/// Every row of every table of the database (or schema).
pub async fn dump(db: &impl ConnectionTrait) -> Result<Vec<DumpedRow>, DbErr> {
    let mut rows = Vec::new();
    for table in tables(db).await? {
        rows.extend(
            rows_of(db, &table).await?.into_iter().map(|text| DumpedRow { table: table.clone(), text }),
        );
    }
    Ok(rows)
}

/// Every row of `table` as text.
pub async fn rows_of(db: &impl ConnectionTrait, table: &str) -> Result<Vec<String>, DbErr> {
    let select = match db.get_database_backend() {
        DatabaseBackend::Postgres => format!("SELECT t::text AS row FROM \"{table}\" t"),
        _ => {
            let columns = strings(db, &format!("SELECT name FROM pragma_table_info('{table}')")).await?;
            let quoted: Vec<String> = columns.iter().map(|c| format!("quote(\"{c}\")")).collect();
            format!("SELECT {} AS row FROM \"{table}\"", quoted.join(" || ',' || "))
        }
    };
    strings(db, &select).await
}

/// The names of the database's (or schema's) tables.
pub async fn tables(db: &impl ConnectionTrait) -> Result<Vec<String>, DbErr> {
    let sql = match db.get_database_backend() {
        DatabaseBackend::Postgres => {
            "SELECT tablename AS row FROM pg_tables WHERE schemaname = current_schema()"
        }
        _ => "SELECT name AS row FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    };
    strings(db, sql).await
}

async fn strings(db: &impl ConnectionTrait, sql: &str) -> Result<Vec<String>, DbErr> {
    let found = db.query_all_raw(Statement::from_string(db.get_database_backend(), sql)).await?;
    found.into_iter().map(|row| row.try_get_by_index::<String>(0)).collect()
}
