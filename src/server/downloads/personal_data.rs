//! `/admin/people/{id}/personal-data`: a person's data for a rights
//! request (GDPR art. 15 and 20, DPA 3.G), for the admins of their
//! organisation — the access report as HTML (`format=html`) or JSON
//! (`format=json`), or the portability export (`format=portability`).

use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::Utc;
use serde::Deserialize;

use super::{attachment, refusal, requester};
use crate::domain::AppError;
use crate::domain::ids::UserId;
use crate::domain::roles::Role;
use crate::server::AppState;
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
