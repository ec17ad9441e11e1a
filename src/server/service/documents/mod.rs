//! Documents on people, goals and evaluations (issue 10, PRODUCT.md
//! §3.6): which files are kept (`kinds`, by content), their way into and
//! out of the object store, sealed (`pipeline`), who may see, add and
//! delete them (`rights`), how they leave with the exports (`bundled`) and
//! how their files leave the store (`removal`).
//!
//! Each file has a key of its own, sealed under the organisation's data
//! key in the document's row next to its sealed name; the bytes in the
//! store are sealed under the file key. Deleting the row makes the stored
//! bytes unreadable even before the object itself is gone, and destroying
//! the organisation's key makes all of them unreadable (DPA 8.A).

mod bundled;
pub mod kinds;
pub mod pipeline;
mod removal;
mod rights;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures::stream::{BoxStream, Stream};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};

pub use bundled::{about, into_zip};
pub use removal::{discard, objects_about, objects_on_goal, sweep};
use rights::Anchor;

use self::kinds::FileKind;
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::documents::{Holder, checked_name};
use crate::domain::dto::{DocumentList, DocumentView};
use crate::domain::ids::{DocumentId, OrgId};
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::OrgScope;
use crate::server::crypto::file_stream::FileKey;
use crate::server::crypto::{Keyring, Purpose, TenantCipher};
use crate::server::db::internal;
use crate::server::entity::document;
use crate::server::service::local_time::shown;
use crate::server::service::names::Names;
use crate::server::service::tenant_keys;
use crate::server::storage::Storage;

/// Where a document's bytes are kept in the store.
pub fn object_of(org: OrgId, id: DocumentId) -> String {
    format!("{org}/documents/{id}")
}

/// What a document's bytes are bound to: another document's bytes, copied
/// over these, do not open.
fn associated(org: OrgId, id: DocumentId) -> Vec<u8> {
    format!("koers-document-v1|{org}|{id}").into_bytes()
}

fn name_record(id: DocumentId) -> String {
    format!("document/{id}/name")
}

fn key_record(id: DocumentId) -> String {
    format!("document/{id}/file_key")
}

/// The documents on `holder` the viewer may see, newest first.
pub async fn list(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    holder: Holder,
    (time_zone, max_megabytes): (chrono_tz::Tz, u64),
    now: DateTime<Utc>,
) -> Result<DocumentList, AppError> {
    let rights = rights::on(db, scope, holder, false, now).await?;
    let rows = match hanging_on(rights.anchor) {
        Some(condition) => document::Entity::find()
            .filter(document::Column::OrgId.eq(scope.org.0))
            .filter(condition)
            .order_by_desc(document::Column::UploadedAt)
            .all(db)
            .await
            .map_err(internal)?,
        None => Vec::new(),
    };
    let cipher = tenant_keys::content_cipher(db, keys, scope.org).await?;
    let person = match holder {
        Holder::Person(person) => Some(person.0),
        _ => None,
    };
    let names = Names::of(db, rows.iter().filter_map(|row| row.uploaded_by).chain(person)).await?;
    let documents = rows
        .iter()
        .map(|row| {
            let id = DocumentId(row.id);
            Ok(DocumentView {
                id,
                name: open_name(&cipher, id, &row.name)?,
                size: u64::try_from(row.size).unwrap_or_default(),
                previewable: FileKind::from_media_type(&row.media_type).is_some_and(FileKind::previewable),
                uploaded_by: row.uploaded_by.map(|by| names.name(by)).filter(|name| !name.is_empty()),
                uploaded_at: shown(row.uploaded_at, time_zone),
                may_delete: rights.may_delete(row, scope.user),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let accept = FileKind::ALL.iter().flat_map(|kind| kind.extensions().iter().copied()).collect::<Vec<_>>();
    let person = person.map(|id| names.name(id));
    Ok(DocumentList { documents, may_add: rights.may_add, max_megabytes, accept: accept.join(","), person })
}

/// The condition that picks the documents on `anchor`; none for an
/// evaluation not begun.
fn hanging_on(anchor: Anchor) -> Option<Condition> {
    let condition = match anchor {
        Anchor::Person(id) => document::Column::PersonId.eq(id),
        Anchor::Goal(id) => document::Column::GoalId.eq(id),
        Anchor::Evaluation(id) => document::Column::EvaluationId.eq(id?),
    };
    Some(Condition::all().add(condition))
}

/// A file to add to a holder.
pub struct Upload<'a> {
    pub holder: Holder,
    /// The name it had on the uploader's computer.
    pub name: &'a str,
    /// The most bytes taken.
    pub limit: u64,
}

/// Adds the file streaming in as `body` to a holder the viewer may change:
/// stored sealed first, then recorded; a file refused on the way (its
/// kind, size, or the upload broke off) leaves nothing behind.
pub async fn upload<S, E>(
    db: &DatabaseConnection,
    (keys, storage): (&Keyring, &Storage),
    scope: &OrgScope,
    file: Upload<'_>,
    body: S,
    now: DateTime<Utc>,
) -> Result<DocumentId, AppError>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    let name = checked_name(file.name).map_err(|problem| AppError::invalid("file", problem))?;
    let rights = rights::on(db, scope, file.holder, true, now).await?;
    if !rights.may_add {
        return Err(AppError::Forbidden);
    }
    let cipher = tenant_keys::content_cipher(db, keys, scope.org).await?;
    let id = DocumentId(uuid::Uuid::now_v7());
    let file_key = FileKey::generate();
    let object = object_of(scope.org, id);
    let stored =
        pipeline::store(storage, &object, (&file_key, &associated(scope.org, id)), body, file.limit).await?;
    let (person_id, goal_id, evaluation_id) = match rights.anchor {
        Anchor::Person(id) => (Some(id), None, None),
        Anchor::Goal(id) => (None, Some(id), None),
        Anchor::Evaluation(id) => (None, None, Some(id.ok_or(AppError::Internal)?)),
    };
    let row = document::ActiveModel {
        id: Set(id.0),
        org_id: Set(scope.org.0),
        person_id: Set(person_id),
        goal_id: Set(goal_id),
        evaluation_id: Set(evaluation_id),
        name: Set(cipher.seal_text(Purpose::Document, &name_record(id), &name)),
        media_type: Set(stored.kind.media_type().to_owned()),
        size: Set(i64::try_from(stored.size).unwrap_or(i64::MAX)),
        file_key: Set(file_key.seal(&cipher, &key_record(id))),
        uploaded_by: Set(Some(scope.user.0)),
        uploaded_at: Set(now),
    };
    if let Err(error) = row.insert(db).await {
        // The holder went while the file streamed in, say.
        discard(storage, vec![object]).await;
        return Err(internal(error));
    }
    record(db, scope, AuditAction::DocumentUploaded, id, now).await?;
    Ok(id)
}

/// A document on its way out, opened as it streams.
pub struct Download {
    pub name: String,
    pub kind: FileKind,
    pub size: u64,
    pub body: BoxStream<'static, Result<Bytes, std::io::Error>>,
}

/// A document the viewer may see, to download or view; each is logged.
pub async fn download(
    db: &DatabaseConnection,
    (keys, storage): (&Keyring, &Storage),
    scope: &OrgScope,
    id: DocumentId,
    now: DateTime<Utc>,
) -> Result<Download, AppError> {
    let row = of_organisation(db, scope, id).await?;
    rights::on(db, scope, rights::holder_of(db, &row).await?, false, now).await?;
    let cipher = tenant_keys::content_cipher(db, keys, scope.org).await?;
    let download = opened(&cipher, storage, &row).await?;
    record(db, scope, AuditAction::DocumentDownloaded, id, now).await?;
    Ok(download)
}

/// The document of `row`, its name and bytes opened — for whoever the
/// caller has established may have it.
pub async fn opened(
    cipher: &TenantCipher,
    storage: &Storage,
    row: &document::Model,
) -> Result<Download, AppError> {
    let (org, id) = (OrgId(row.org_id), DocumentId(row.id));
    let name = open_name(cipher, id, &row.name)?;
    let file_key = FileKey::open(cipher, &key_record(id), &row.file_key).map_err(|error| {
        tracing::error!(%error, "a document's key does not open");
        AppError::Internal
    })?;
    let kind = FileKind::from_media_type(&row.media_type).ok_or(AppError::Internal)?;
    let body = pipeline::open(storage, &object_of(org, id), (file_key, &associated(org, id))).await?;
    Ok(Download { name, kind, size: u64::try_from(row.size).unwrap_or_default(), body })
}

/// Deletes a document the viewer may delete, from the database and the store.
pub async fn delete(
    db: &DatabaseConnection,
    storage: &Storage,
    scope: &OrgScope,
    id: DocumentId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let row = of_organisation(db, scope, id).await?;
    let rights = rights::on(db, scope, rights::holder_of(db, &row).await?, false, now).await?;
    if !rights.may_delete(&row, scope.user) {
        return Err(AppError::Forbidden);
    }
    document::Entity::delete_by_id(id.0).exec(db).await.map_err(internal)?;
    discard(storage, vec![object_of(scope.org, id)]).await;
    record(db, scope, AuditAction::DocumentDeleted, id, now).await
}

async fn of_organisation(
    db: &DatabaseConnection,
    scope: &OrgScope,
    id: DocumentId,
) -> Result<document::Model, AppError> {
    document::Entity::find_by_id(id.0)
        .filter(document::Column::OrgId.eq(scope.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

fn open_name(cipher: &TenantCipher, id: DocumentId, sealed: &[u8]) -> Result<String, AppError> {
    cipher.open_text(Purpose::Document, &name_record(id), sealed).map_err(|error| {
        tracing::error!(%error, "a document's name does not open");
        AppError::Internal
    })
}

async fn record(
    db: &DatabaseConnection,
    scope: &OrgScope,
    action: AuditAction,
    id: DocumentId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let entry = AuditEntry::by_user(scope.org, scope.user, action).on("document", id);
    audit::record(db, entry, now).await.map_err(internal)
}

#[cfg(test)]
mod access_tests;
#[cfg(test)]
mod tests;
