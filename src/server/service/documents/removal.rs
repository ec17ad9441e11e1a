//! Documents' files leaving the store (issue 10): once their rows are
//! gone — with the document itself, its goal or its erased person — and,
//! swept by the jobs, the files whose rows went by a reference alone (a
//! deleted review cycle takes its evaluations' documents along).

use chrono::{DateTime, Utc};
use futures::StreamExt;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::{about, object_of};
use crate::domain::AppError;
use crate::domain::ids::{DocumentId, GoalId, OrgId, UserId};
use crate::server::db::internal;
use crate::server::entity::document;
use crate::server::storage::Storage;

/// The stored objects of the documents about `person` ([`about`]): what
/// the erasure of the person deletes from the store (their rows go with
/// the person through the database's references).
pub async fn objects_about(db: &impl ConnectionTrait, person: UserId) -> Result<Vec<String>, AppError> {
    Ok(about(db, person).await?.iter().map(object_of_row).collect())
}

/// The stored objects of the documents on a goal, which go with it.
pub async fn objects_on_goal(db: &impl ConnectionTrait, goal: GoalId) -> Result<Vec<String>, AppError> {
    let rows = document::Entity::find()
        .filter(document::Column::GoalId.eq(goal.0))
        .all(db)
        .await
        .map_err(internal)?;
    Ok(rows.iter().map(object_of_row).collect())
}

fn object_of_row(row: &document::Model) -> String {
    object_of(OrgId(row.org_id), DocumentId(row.id))
}

/// Deletes `objects` from the store, once their rows are gone. An object
/// that cannot be deleted now is logged: its key went with its row, so
/// what is left of it can no longer be read.
pub async fn discard(storage: &Storage, objects: Vec<String>) {
    for object in objects {
        if let Err(error) = storage.delete(&object).await {
            tracing::error!(%error, object, "a document's object could not be deleted");
        }
    }
}

/// How long an object may be stored without its row: an upload writes
/// the object first and its row once the file is complete.
const UNRECORDED_GRACE: chrono::Duration = chrono::Duration::hours(1);

/// Deletes the stored files whose documents are gone without them — the
/// rows a deleted review cycle takes with it by reference, say; says how
/// many. Run by the jobs.
pub async fn sweep(
    db: &DatabaseConnection,
    storage: &Storage,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let mut listed = storage.list();
    let (mut batch, mut deleted) = (Vec::new(), 0);
    while let Some(object) = listed.next().await {
        let (key, written) = object.map_err(|error| {
            tracing::error!(%error, "listing the object store failed");
            AppError::Internal
        })?;
        match document_of(&key) {
            Some(id) if written < now - UNRECORDED_GRACE => batch.push((key, id)),
            _ => continue,
        }
        if batch.len() == 500 {
            deleted += sweep_batch(db, storage, std::mem::take(&mut batch)).await?;
        }
    }
    Ok(deleted + sweep_batch(db, storage, batch).await?)
}

/// The document whose file an object key (`{org}/documents/{id}`) holds.
fn document_of(key: &str) -> Option<uuid::Uuid> {
    match key.split('/').collect::<Vec<_>>().as_slice() {
        [_, "documents", id] => id.parse().ok(),
        _ => None,
    }
}

async fn sweep_batch(
    db: &DatabaseConnection,
    storage: &Storage,
    batch: Vec<(String, uuid::Uuid)>,
) -> Result<usize, AppError> {
    let recorded: std::collections::HashSet<uuid::Uuid> = document::Entity::find()
        .filter(document::Column::Id.is_in(batch.iter().map(|(_, id)| *id)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|row| row.id)
        .collect();
    let orphans: Vec<String> =
        batch.into_iter().filter(|(_, id)| !recorded.contains(id)).map(|(key, _)| key).collect();
    let count = orphans.len();
    discard(storage, orphans).await;
    Ok(count)
}
