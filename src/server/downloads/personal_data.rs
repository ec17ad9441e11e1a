//! `/admin/people/{id}/personal-data`: a person's data for a rights
//! request (GDPR art. 15 and 20, DPA 3.G), for the admins of their
//! organisation — the access report as HTML (`format=html`) or JSON
//! (`format=json`), the files of the documents about the person as a zip
//! (`format=documents`), or the portability export (`format=portability`).

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::Utc;
use futures::StreamExt;
use serde::Deserialize;

use super::{attachment, refusal, requester, streamed};
use crate::domain::AppError;
use crate::domain::ids::UserId;
use crate::domain::roles::Role;
use crate::server::AppState;
use crate::server::auth::OrgScope;
use crate::server::http::language_of;
use crate::server::service::subject_access::{self, ExportKind};

pub const PERSONAL_DATA: &str = "/admin/people/{id}/personal-data";

#[derive(Deserialize)]
pub struct PersonalDataQuery {
    #[serde(default)]
    format: String,
}

pub async fn personal_data(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<PersonalDataQuery>,
    headers: HeaderMap,
) -> Response {
    let back = format!("/admin/people/{id}/personal-data?format={}", query.format);
    let admin = match requester(&state, &headers, &back, Some(Role::Admin)).await {
        Ok(admin) => admin,
        Err(refused) => return refused,
    };
    let Ok(user) = id.parse().map(UserId) else { return refusal(&state, &headers, &AppError::NotFound) };
    if query.format == "documents" {
        return documents_zip(&state, &headers, &admin, user).await;
    }
    let kind =
        if query.format == "portability" { ExportKind::Portability } else { ExportKind::SubjectAccess };
    let now = Utc::now();
    let export = match subject_access::export(&state.db, &state.keys, &admin, user, kind, now).await {
        Ok(export) => export,
        Err(error) => return refusal(&state, &headers, &error),
    };
    let day = now.format("%Y-%m-%d");
    match (kind, query.format.as_str()) {
        (ExportKind::SubjectAccess, "html") => {
            let lang = language_of(&headers, state.config.site.default_language);
            let page = subject_access::to_html(&export, lang, state.config.site.time_zone);
            attachment(
                page.into_bytes(),
                "text/html; charset=utf-8",
                &format!("koers-access-{id}-{day}.html"),
            )
        }
        _ => {
            let name = match kind {
                ExportKind::SubjectAccess => format!("koers-access-{id}-{day}.json"),
                ExportKind::Portability => format!("koers-portability-{id}-{day}.json"),
            };
            match serde_json::to_vec_pretty(&export) {
                Ok(bytes) => attachment(bytes, "application/json", &name),
                Err(_) => refusal(&state, &headers, &AppError::Internal),
            }
        }
    }
}

/// The documents about the person as a zip: written to a file first (the
/// zip's index comes last), then streamed from it; the file is unlinked
/// as soon as it is open, so nothing of it stays behind.
async fn documents_zip(state: &AppState, headers: &HeaderMap, admin: &OrgScope, user: UserId) -> Response {
    let folder = state.config.site.data_directory.join("tmp");
    let path = folder.join(format!("{}.zip", uuid::Uuid::new_v4()));
    let now = Utc::now();
    let written = async {
        tokio::fs::create_dir_all(&folder).await.map_err(|_| AppError::Internal)?;
        let stores = (state.keys.as_ref(), &state.storage);
        subject_access::documents_zip(&state.db, stores, admin, user, &path, now).await?;
        let file = tokio::fs::File::open(&path).await.map_err(|_| AppError::Internal)?;
        let size = file.metadata().await.map_err(|_| AppError::Internal)?.len();
        Ok::<_, AppError>((file, size))
    }
    .await;
    let _ = tokio::fs::remove_file(&path).await;
    let (file, size) = match written {
        Ok(opened) => opened,
        Err(error) => return refusal(state, headers, &error),
    };
    let body = futures::stream::unfold(file, |mut file| async move {
        let mut buffer = vec![0; 64 * 1024];
        match tokio::io::AsyncReadExt::read(&mut file, &mut buffer).await {
            Ok(0) => None,
            Ok(read) => {
                buffer.truncate(read);
                Some((Ok::<_, std::io::Error>(bytes::Bytes::from(buffer)), file))
            }
            Err(error) => Some((Err(error), file)),
        }
    })
    .fuse();
    let name = format!("koers-documents-{user}-{}.zip", now.format("%Y-%m-%d"));
    streamed(Body::from_stream(body), "application/zip", size, &format!("attachment; filename=\"{name}\""))
}
