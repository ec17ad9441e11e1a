//! Private notes (issue 6, PRODUCT.md §3.3): a person keeps notes about
//! someone — themselves, a report, or (for an admin) anyone of the
//! organisation. Only the author ever reads a note: not the person it is
//! about, not their managers, not admins, not operator staff; every read
//! and change here filters by author, so for anyone else a note does not
//! exist. The text is sealed under the organisation's data key. A note is
//! still personal data of the person it is about: [`count_about`] tells a
//! subject-access export that notes exist (issue 8), without their text.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

use crate::domain::AppError;
use crate::domain::dto::{FEEDBACK_TEXT_MAX, Note, NoteForm, PersonRef};
use crate::domain::ids::{NoteId, OrgId, UserId};
use crate::domain::validation::{Checks, Problem};
use crate::server::auth::OrgScope;
use crate::server::auth::reach::ManagerMap;
use crate::server::crypto::{Keyring, Purpose, TenantCipher};
use crate::server::db::internal;
use crate::server::entity::{private_note, user_account};
use crate::server::service::tenant_keys;

fn record(id: uuid::Uuid) -> String {
    format!("note/{id}/body")
}

async fn cipher(db: &impl ConnectionTrait, keys: &Keyring, org: OrgId) -> Result<TenantCipher, AppError> {
    tenant_keys::content_cipher(db, keys, org).await
}

/// The text of a note form, checked.
fn body_of(form: &NoteForm) -> Result<String, AppError> {
    let mut c = Checks::default();
    let body = c.text("body", &form.body, FEEDBACK_TEXT_MAX);
    c.finish().map(|()| body).map_err(|errors| AppError::Invalid { errors })
}

/// Adds a note about someone the author may keep notes about.
pub async fn add(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    form: &NoteForm,
    now: DateTime<Utc>,
) -> Result<NoteId, AppError> {
    let body = body_of(form)?;
    let subject = form.subject.trim().parse::<uuid::Uuid>().map_err(|_| not_a_subject())?;
    if !subjects(db, scope).await?.iter().any(|person| person.id.0 == subject) {
        return Err(not_a_subject());
    }
    let id = uuid::Uuid::now_v7();
    private_note::ActiveModel {
        id: Set(id),
        org_id: Set(scope.org.0),
        author_id: Set(scope.user.0),
        subject_id: Set(subject),
        body: Set(cipher(db, keys, scope.org).await?.seal_text(Purpose::PrivateNote, &record(id), &body)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    Ok(NoteId(id))
}

fn not_a_subject() -> AppError {
    AppError::invalid("subject", Problem::NotAChoice)
}

/// Changes the text of one of the author's notes.
pub async fn update(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    id: NoteId,
    form: &NoteForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let body = body_of(form)?;
    let row = own(db, scope, id).await?;
    private_note::ActiveModel {
        id: Set(row.id),
        body: Set(cipher(db, keys, scope.org).await?.seal_text(Purpose::PrivateNote, &record(row.id), &body)),
        updated_at: Set(now),
        ..Default::default()
    }
    .update(db)
    .await
    .map(|_| ())
    .map_err(internal)
}

/// Deletes one of the author's notes.
pub async fn delete(db: &DatabaseConnection, scope: &OrgScope, id: NoteId) -> Result<(), AppError> {
    let row = own(db, scope, id).await?;
    private_note::Entity::delete_by_id(row.id).exec(db).await.map(|_| ()).map_err(internal)
}

/// The author's notes, newest first; about one person when `subject` says so.
pub async fn list(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    subject: Option<UserId>,
    time_zone: chrono_tz::Tz,
) -> Result<Vec<Note>, AppError> {
    let mut find = private_note::Entity::find()
        .filter(private_note::Column::OrgId.eq(scope.org.0))
        .filter(private_note::Column::AuthorId.eq(scope.user.0));
    if let Some(subject) = subject {
        find = find.filter(private_note::Column::SubjectId.eq(subject.0));
    }
    let rows = find.order_by_desc(private_note::Column::CreatedAt).all(db).await.map_err(internal)?;
    let names: HashMap<uuid::Uuid, String> = user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(rows.iter().map(|r| r.subject_id)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let cipher = cipher(db, keys, scope.org).await?;
    let local = |at: DateTime<Utc>| at.with_timezone(&time_zone).format("%Y-%m-%d %H:%M").to_string();
    rows.into_iter()
        .map(|row| {
            let body =
                cipher.open_text(Purpose::PrivateNote, &record(row.id), &row.body).map_err(|error| {
                    tracing::error!(%error, "sealed note does not open");
                    AppError::Internal
                })?;
            Ok(Note {
                id: NoteId(row.id),
                subject: PersonRef {
                    id: UserId(row.subject_id),
                    name: names.get(&row.subject_id).cloned().unwrap_or_default(),
                },
                body,
                written: local(row.created_at),
                changed: (row.updated_at != row.created_at).then(|| local(row.updated_at)),
            })
        })
        .collect()
}

/// The people the author may keep notes about: themselves, their reports,
/// and for an admin everyone of the organisation.
pub async fn subjects(db: &DatabaseConnection, scope: &OrgScope) -> Result<Vec<PersonRef>, AppError> {
    let people = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(scope.org.0))
        .order_by_asc(user_account::Column::Name)
        .all(db)
        .await
        .map_err(internal)?;
    let map = ManagerMap::load(db, scope.org).await.map_err(internal)?;
    let reports = map.reports_of(scope.user, people.iter().map(|p| UserId(p.id)));
    Ok(people
        .into_iter()
        .filter(|p| scope.roles.admin || p.id == scope.user.0 || reports.contains(&UserId(p.id)))
        .map(|p| PersonRef { id: UserId(p.id), name: p.name })
        .collect())
}

/// How many notes anyone keeps about `subject`: for the subject-access
/// export, which flags them for the controller's review without the text.
pub async fn count_about(db: &impl ConnectionTrait, org: OrgId, subject: UserId) -> Result<u64, AppError> {
    private_note::Entity::find()
        .filter(private_note::Column::OrgId.eq(org.0))
        .filter(private_note::Column::SubjectId.eq(subject.0))
        .count(db)
        .await
        .map_err(internal)
}

/// One of the author's notes; anyone else's does not exist for them.
async fn own(db: &DatabaseConnection, scope: &OrgScope, id: NoteId) -> Result<private_note::Model, AppError> {
    private_note::Entity::find_by_id(id.0)
        .filter(private_note::Column::OrgId.eq(scope.org.0))
        .filter(private_note::Column::AuthorId.eq(scope.user.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}
