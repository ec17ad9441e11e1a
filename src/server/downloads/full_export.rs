//! `/privacy/export/{id}/download`: the zip of a full export (DPA 8.B),
//! streamed from its file to an admin of the organisation while its link
//! holds.

use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use tower::ServiceExt as _;
use tower_http::services::ServeFile;

use super::{refusal, requester};
use crate::domain::AppError;
use crate::domain::roles::Role;
use crate::server::AppState;
use crate::server::service::full_export;

pub const FULL_EXPORT: &str = "/privacy/export/{id}/download";

pub async fn full_export_download(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let headers = request.headers().clone();
    let back = format!("/privacy/export/{id}/download");
    let admin = match requester(&state, &headers, &back, Some(Role::Admin)).await {
        Ok(admin) => admin,
        Err(refused) => return refused,
    };
    let Ok(id) = id.parse::<uuid::Uuid>() else { return refusal(&state, &headers, &AppError::NotFound) };
    let directory = &state.config.site.data_directory;
    let path = match full_export::download(&state.db, &admin, id, directory, Utc::now()).await {
        Ok(path) => path,
        Err(error) => return refusal(&state, &headers, &error),
    };
    let mut response = match ServeFile::new(path).oneshot(request).await {
        Ok(response) => response.into_response(),
        Err(never) => match never {},
    };
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/zip"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"koers-export-{id}.zip\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}
