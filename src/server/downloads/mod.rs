//! Files to download, served outside Leptos so a plain link works: the
//! export of an organisation's people as CSV or XLSX (issue 4), for its
//! admins only, and the progress of a review cycle as XLSX (issue 7), for
//! admins and managers; a person's data for a rights request
//! (`personal_data`), the organisation's full export (`full_export`) and
//! its registers as PDF (`registers`), and a survey round's results as XLSX
//! (`survey_results`, issue 9). Personal data: never cached, and every export is
//! logged. Documents on people, goals and evaluations go in and out here
//! too (`documents`, issue 10), as streams.

mod documents;
mod full_export;
mod personal_data;
mod registers;
mod survey_results;

pub use documents::{DOCUMENT, DOCUMENT_UPLOAD, document, upload_document};
pub use full_export::{FULL_EXPORT, full_export_download};
pub use personal_data::{PERSONAL_DATA, personal_data};
pub use registers::{DPIA_PDF, REGISTER_PDF, dpia_pdf, register_pdf};
pub use survey_results::{SURVEY_RESULTS_EXPORT, survey_results_export};

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;

use super::AppState;
use super::audit::{self, AuditEntry};
use super::auth::{OrgScope, Principal, scope::account_of_request};
use super::http::language_of;
use super::middleware::error_status::status_of;
use super::service::import::{self, Format};
use super::service::reviews::progress;
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::SecondFactorStatus;
use crate::domain::ids::ReviewCycleId;
use crate::domain::roles::Role;
use crate::domain::validation::encode_query_value;

#[derive(Deserialize)]
pub struct ExportQuery {
    #[serde(default)]
    format: String,
}

pub const PEOPLE_EXPORT: &str = "/admin/people/export";

pub async fn people_export(
    State(state): State<AppState>,
    Query(query): Query<ExportQuery>,
    headers: HeaderMap,
) -> Response {
    let format = if query.format == "csv" { Format::Csv } else { Format::Xlsx };
    let back = format!("{PEOPLE_EXPORT}?format={}", query.format);
    let admin = match requester(&state, &headers, &back, Some(Role::Admin)).await {
        Ok(admin) => admin,
        Err(refused) => return refused,
    };
    let now = Utc::now();
    let bytes = match import::export(&state.db, &admin, format).await {
        Ok(bytes) => bytes,
        Err(error) => return refusal(&state, &headers, &error),
    };
    let entry = AuditEntry::by_user(admin.org, admin.user, AuditAction::PeopleExported);
    if let Err(error) = audit::record(&state.db, entry, now).await {
        tracing::error!(%error, "recording the export failed");
        return refusal(&state, &headers, &AppError::Internal);
    }
    let (content_type, extension) = match format {
        Format::Csv => ("text/csv; charset=utf-8", "csv"),
        Format::Xlsx => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    };
    attachment(bytes, content_type, &format!("koers-people-{}.{extension}", now.format("%Y-%m-%d")))
}

#[derive(Deserialize)]
pub struct ProgressQuery {
    #[serde(default)]
    cycle: String,
}

pub const REVIEW_PROGRESS_EXPORT: &str = "/reviews/progress.xlsx";

/// The progress of a review cycle as XLSX, as `/reviews/progress` shows
/// it to the same admin or manager.
pub async fn review_progress_export(
    State(state): State<AppState>,
    Query(query): Query<ProgressQuery>,
    headers: HeaderMap,
) -> Response {
    let back = format!("{REVIEW_PROGRESS_EXPORT}?cycle={}", query.cycle);
    let viewer = match requester(&state, &headers, &back, None).await {
        Ok(viewer) => viewer,
        Err(refused) => return refused,
    };
    let now = Utc::now();
    let today = now.with_timezone(&state.config.site.time_zone).date_naive();
    let cycle = match query.cycle.trim().parse() {
        Ok(id) => Some(ReviewCycleId(id)),
        Err(_) => None,
    };
    let lang = language_of(&headers, state.config.site.default_language);
    let bytes = match progress::progress(&state.db, &viewer, cycle, today).await {
        Ok(shown) => progress::to_xlsx(&shown, lang),
        Err(error) => Err(error),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => return refusal(&state, &headers, &error),
    };
    let entry = AuditEntry::by_user(viewer.org, viewer.user, AuditAction::ReviewProgressExported);
    let entry = match cycle {
        Some(id) => entry.on("review_cycle", id),
        None => entry,
    };
    if let Err(error) = audit::record(&state.db, entry, now).await {
        tracing::error!(%error, "recording the export failed");
        return refusal(&state, &headers, &AppError::Internal);
    }
    let name = format!("koers-review-progress-{}.xlsx", now.format("%Y-%m-%d"));
    attachment(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &name)
}

/// `bytes` as a file to save under `name`, never cached.
fn attachment(bytes: Vec<u8>, content_type: &'static str, name: &str) -> Response {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// A file of `size` bytes streaming as `body`, never cached; the
/// `Content-Disposition` says whether to save or show it, and its name.
fn streamed(body: axum::body::Body, content_type: &str, size: u64, disposition: &str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_TYPE, content_type),
        (header::CONTENT_LENGTH, &size.to_string()),
        (header::CACHE_CONTROL, "no-store"),
        (header::CONTENT_DISPOSITION, disposition),
    ] {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(name, value);
        }
    }
    response
}

/// The member who sent the request, with their second factor set up.
async fn member_of_request(state: &AppState, headers: &HeaderMap) -> Result<OrgScope, AppError> {
    let account = account_of_request(state, headers).await?.ok_or(AppError::Unauthenticated)?;
    if account.second_factor == SecondFactorStatus::SetupRequired {
        return Err(AppError::SecondFactorSetupRequired);
    }
    match account.principal {
        Principal::User(scope) => Ok(scope),
        Principal::Operator(_) => Err(AppError::Forbidden),
    }
}

/// The member who sent the request, holding `role` if one is named; a
/// visitor who is not signed in is sent to sign in and come back to `back`,
/// anyone else gets the refusal.
async fn requester(
    state: &AppState,
    headers: &HeaderMap,
    back: &str,
    role: Option<Role>,
) -> Result<OrgScope, Response> {
    let member = member_of_request(state, headers).await.and_then(|member| match role {
        Some(role) => member.require(role),
        None => Ok(member),
    });
    member.map_err(|error| match error {
        AppError::Unauthenticated => {
            Redirect::to(&format!("/login?next={}", encode_query_value(back))).into_response()
        }
        error => refusal(state, headers, &error),
    })
}

/// The error's status with its message in the reader's language.
fn refusal(state: &AppState, headers: &HeaderMap, error: &AppError) -> Response {
    let lang = language_of(headers, state.config.site.default_language);
    let status = status_of(error);
    let status = if status == StatusCode::OK { StatusCode::INTERNAL_SERVER_ERROR } else { status };
    (status, error.message(lang)).into_response()
}
