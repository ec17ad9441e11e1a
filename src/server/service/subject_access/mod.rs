//! The subject-access export (GDPR art. 15, DPA 3.G) and the portability
//! export (art. 20) of one person, produced by an admin of their
//! organisation for a rights request.
//!
//! The access export holds every row about the person or by them, sealed
//! content opened, in sections. What would expose someone else is left out
//! and counted under `withheld`, for the admin to review before handing
//! the file over (art. 15(4)): private notes about the person (only their
//! number), others' private 1:1 points, and who reviewed them. Rows that
//! merely name the person (as the manager who acknowledged someone else's
//! evaluation, say) are counted under `named_in`.
//!
//! The portability export keeps only what the person provided themselves,
//! as machine-readable JSON.

mod report;
pub(super) mod rows;
mod sections;

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, EntityTrait};
use serde::Serialize;

pub use report::to_html;
pub use rows::{PERSON_COLUMNS, Row};
use sections::Walk;

use super::people::member;
use super::{documents, tenant_keys};
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::ids::UserId;
use crate::domain::roles::Role;
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::OrgScope;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::organisation;
use crate::server::storage::Storage;

/// Which export: everything about the person, or what they provided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportKind {
    SubjectAccess,
    Portability,
}

#[derive(Debug, Serialize)]
pub struct PersonalDataExport {
    pub kind: ExportKind,
    pub organisation: String,
    pub person: ExportedPerson,
    pub produced_at: DateTime<Utc>,
    pub sections: Vec<Section>,
    pub withheld: Vec<Withheld>,
    pub named_in: Vec<Mention>,
}

#[derive(Debug, Serialize)]
pub struct ExportedPerson {
    pub id: uuid::Uuid,
    pub name: String,
}

/// The rows of one kind: `name` is also the key of its title in the
/// translation files (`subject_access.section.*`).
#[derive(Debug, Serialize)]
pub struct Section {
    pub name: &'static str,
    pub table: &'static str,
    pub rows: Vec<Row>,
}

/// Items about the person left out of the file, by number.
#[derive(Debug, Serialize)]
pub struct Withheld {
    pub name: &'static str,
    pub count: u64,
}

/// Rows about someone else that name the person in `column`.
#[derive(Debug, Serialize)]
pub struct Mention {
    pub table: &'static str,
    pub column: &'static str,
    pub count: u64,
}

/// The export of `user`'s personal data, for an admin of their
/// organisation; the export is audit-logged.
pub async fn export(
    db: &DatabaseConnection,
    keys: &Keyring,
    admin: &OrgScope,
    user: UserId,
    kind: ExportKind,
    now: DateTime<Utc>,
) -> Result<PersonalDataExport, AppError> {
    let admin = admin.clone().require(Role::Admin)?;
    let person = member(db, &admin, user).await?;
    let organisation = organisation::Entity::find_by_id(admin.org.0)
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let cipher = tenant_keys::content_cipher(db, keys, admin.org).await?;
    let mut walk = Walk::new(db, &cipher, &person, kind);
    walk.everything().await?;
    let (sections, withheld, named_in) = walk.finish().await?;
    let action = match kind {
        ExportKind::SubjectAccess => AuditAction::SubjectAccessExported,
        ExportKind::Portability => AuditAction::PortabilityExported,
    };
    let entry = AuditEntry::by_user(admin.org, admin.user, action).on("user", user);
    audit::record(db, entry, now).await.map_err(internal)?;
    Ok(PersonalDataExport {
        kind,
        organisation: organisation.name,
        person: ExportedPerson { id: person.id, name: person.name },
        produced_at: now,
        sections,
        withheld,
        named_in,
    })
}

/// The files of the documents on `user`, their goals and their
/// evaluations (art. 15(3): a copy of the data), for an admin of their
/// organisation, written as a zip into `into` (`documents/{id}/{name}`)
/// as they stream from the store; audit-logged as part of the access export.
pub async fn documents_zip(
    db: &DatabaseConnection,
    (keys, storage): (&Keyring, &Storage),
    admin: &OrgScope,
    user: UserId,
    into: &std::path::Path,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use std::io::Write;

    let admin = admin.clone().require(Role::Admin)?;
    member(db, &admin, user).await?;
    let cipher = tenant_keys::content_cipher(db, keys, admin.org).await?;
    fn failed(error: impl std::fmt::Display) -> AppError {
        tracing::error!(%error, "writing the documents of an access export failed");
        AppError::Internal
    }
    let file = std::fs::File::create(into).map_err(failed)?;
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
    documents::into_zip(&mut zip, (&cipher, storage), &documents::about(db, user).await?).await?;
    zip.finish().map_err(failed)?.flush().map_err(failed)?;
    let entry =
        AuditEntry::by_user(admin.org, admin.user, AuditAction::SubjectAccessExported).on("user", user);
    audit::record(db, entry, now).await.map_err(internal)
}

#[cfg(test)]
mod tests;
