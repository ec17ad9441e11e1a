//! Writes the export file: per table one JSON and one CSV entry in a zip,
//! page by page, and each document's file as it streams from the store,
//! so memory stays the same whatever the organisation's size.

use std::fs::File;
use std::io::{BufWriter, Write};

use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IdenStatic, Iterable, PaginatorTrait,
    PrimaryKeyToColumn, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;
use serde_json::Value;
use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use super::tables::{Owner, rows_of};
use crate::domain::AppError;
use crate::domain::ids::OrgId;
use crate::server::crypto::TenantCipher;
use crate::server::db::internal;
use crate::server::entity::{document, organisation_export};
use crate::server::service::documents;
use crate::server::service::subject_access::rows::{HIDDEN, Row, readable};
use crate::server::storage::Storage;

/// Rows read and written at a time.
const PAGE: u64 = 500;

pub struct ExportWriter<'a> {
    pub db: &'a DatabaseConnection,
    pub cipher: &'a TenantCipher,
    pub org: OrgId,
    pub zip: ZipWriter<BufWriter<File>>,
    /// The export whose progress is saved after every page.
    pub export: uuid::Uuid,
    /// Rows written so far.
    pub written: u64,
}

impl ExportWriter<'_> {
    /// Writes `table` as `json/{table}.json` and `csv/{table}.csv`; says
    /// how many rows it has.
    pub async fn table<E>(&mut self, table: &'static str, owner: Owner) -> Result<u64, AppError>
    where
        E: EntityTrait + Default,
        E::Model: Serialize + Sync,
    {
        let columns: Vec<&str> = E::Column::iter()
            .map(|column| column.as_str())
            .filter(|column| !HIDDEN.contains(column))
            .collect();
        self.zip.start_file(format!("json/{table}.json"), SimpleFileOptions::default()).map_err(failed)?;
        self.zip.write_all(b"[").map_err(failed)?;
        let mut count = 0u64;
        let mut pages = ordered::<E>(owner, self.org).paginate(self.db, PAGE);
        while let Some(models) = pages.fetch_and_next().await.map_err(internal)? {
            for model in &models {
                let row = self.row(table, model)?;
                self.zip.write_all(if count == 0 { b"\n" } else { b",\n" }).map_err(failed)?;
                serde_json::to_writer(&mut self.zip, &row).map_err(failed)?;
                count += 1;
            }
            self.written += models.len() as u64;
            self.save_progress().await?;
        }
        self.zip.write_all(b"\n]\n").map_err(failed)?;

        self.zip.start_file(format!("csv/{table}.csv"), SimpleFileOptions::default()).map_err(failed)?;
        let mut csv = csv::Writer::from_writer(&mut self.zip);
        csv.write_record(&columns).map_err(failed)?;
        let mut pages = ordered::<E>(owner, self.org).paginate(self.db, PAGE);
        while let Some(models) = pages.fetch_and_next().await.map_err(internal)? {
            for model in &models {
                let row = readable(table, model, self.cipher)?;
                let row = withhold(table, row);
                csv.write_record(columns.iter().map(|column| cell(row.get(*column)))).map_err(failed)?;
            }
        }
        csv.flush().map_err(failed)?;
        Ok(count)
    }

    /// Writes every document's file, opened, as `documents/{id}/{name}`,
    /// piece by piece as it comes from the store.
    pub async fn documents(&mut self, storage: &Storage) -> Result<(), AppError> {
        let mut pages = document::Entity::find()
            .filter(document::Column::OrgId.eq(self.org.0))
            .order_by_asc(document::Column::Id)
            .paginate(self.db, PAGE);
        while let Some(rows) = pages.fetch_and_next().await.map_err(internal)? {
            documents::into_zip(&mut self.zip, (self.cipher, storage), &rows).await?;
        }
        Ok(())
    }

    async fn save_progress(&self) -> Result<(), AppError> {
        let done = i64::try_from(self.written).unwrap_or(i64::MAX);
        let change = organisation_export::ActiveModel {
            id: Set(self.export),
            rows_done: Set(done),
            ..Default::default()
        };
        change.update(self.db).await.map_err(internal)?;
        Ok(())
    }

    fn row<M: Serialize>(&self, table: &str, model: &M) -> Result<Row, AppError> {
        Ok(withhold(table, readable(table, model, self.cipher)?))
    }
}

/// The organisation's rows of `E` in the order of its primary key, so
/// that paging neither skips nor repeats a row.
fn ordered<E: EntityTrait>(owner: Owner, org: OrgId) -> sea_orm::Select<E> {
    E::PrimaryKey::iter()
        .fold(E::find().filter(rows_of(owner, org)), |select, key| select.order_by_asc(key.into_column()))
}

/// Private notes and private 1:1 points are for their authors only, not
/// for the organisation (PRODUCT.md §3.3): the export keeps that they
/// exist, not what they say.
fn withhold(table: &str, mut row: Row) -> Row {
    let private = match table {
        "private_note" => true,
        "one_on_one_point" => row.get("private") == Some(&Value::Bool(true)),
        _ => false,
    };
    if private {
        row.insert("body".into(), Value::Null);
    }
    row
}

fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    }
}

pub fn failed(error: impl std::fmt::Display) -> AppError {
    tracing::error!(%error, "writing the export failed");
    AppError::Internal
}
