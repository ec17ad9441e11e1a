//! Documents (issue 10) in and out, outside Leptos so that bytes stream:
//!
//! - `POST /documents/on/{holder}?name=…`: the request's body is one file,
//!   sent by the browser as it is (so it can show the upload's progress
//!   and cancel it); the answer is the new document's id, or the refusal
//!   as JSON with its status.
//! - `GET /documents/{id}`: the file to save; `?view=inline` opens an
//!   image or PDF in the browser, under a policy that lets it run nothing.
//!
//! Who may do what is decided in `service::documents`.

use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use futures::StreamExt;
use serde::Deserialize;

use super::{member_of_request, refusal, requester, streamed};
use crate::domain::AppError;
use crate::domain::documents::Holder;
use crate::domain::ids::DocumentId;
use crate::domain::validation::{Problem, encode_query_value};
use crate::server::AppState;
use crate::server::middleware::error_status::status_of;
use crate::server::service::contract_end;
use crate::server::service::documents::{self, Upload, kinds::FileKind};

pub const DOCUMENT_UPLOAD: &str = "/documents/on/{holder}";
pub const DOCUMENT: &str = "/documents/{id}";

const MEBIBYTE: u64 = 1024 * 1024;

#[derive(Deserialize)]
pub struct UploadQuery {
    #[serde(default)]
    name: String,
}

pub async fn upload_document(
    State(state): State<AppState>,
    Path(holder): Path<String>,
    Query(query): Query<UploadQuery>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let viewer = match member_of_request(&state, &headers).await {
        Ok(viewer) => viewer,
        Err(error) => return refused(&error),
    };
    let Ok(holder) = holder.parse::<Holder>() else { return refused(&AppError::NotFound) };
    // After the contract's end the organisation reads and changes nothing (DPA 8.B).
    let today = Utc::now().with_timezone(&state.config.site.time_zone).date_naive();
    match contract_end::read_only_until(&state.db, viewer.org, today).await {
        Ok(None) => {}
        Ok(Some(until)) => return refused(&AppError::ContractEnded { until: until.to_string() }),
        Err(error) => return refused(&error),
    }
    let max_megabytes = state.config.max_file_megabytes;
    let limit = max_megabytes * MEBIBYTE;
    // A browser says how large the file is: a file too large is refused
    // before a byte of it is read.
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit) {
        return refused(&AppError::invalid("file", Problem::FileTooLarge { max_megabytes }));
    }
    let mut stream = body.into_data_stream();
    let file = Upload { holder, name: &query.name, limit };
    let stored =
        documents::upload(&state.db, (&state.keys, &state.storage), &viewer, file, &mut stream, Utc::now())
            .await;
    match stored {
        Ok(id) => (StatusCode::CREATED, Json(id)).into_response(),
        Err(error) => {
            // Read what is left of a refused file, so the browser hears the
            // refusal instead of a broken connection.
            let mut left = limit;
            while let Some(Ok(piece)) = stream.next().await {
                left = left.saturating_sub(piece.len() as u64);
                if left == 0 {
                    break;
                }
            }
            refused(&error)
        }
    }
}

/// The refusal as the page reads it: the error as JSON, with its status.
fn refused(error: &AppError) -> Response {
    (status_of(error), Json(error)).into_response()
}

#[derive(Deserialize)]
pub struct DocumentQuery {
    #[serde(default)]
    view: String,
}

pub async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<DocumentQuery>,
    headers: HeaderMap,
) -> Response {
    let back = format!("/documents/{id}?view={}", encode_query_value(&query.view));
    let viewer = match requester(&state, &headers, &back, None).await {
        Ok(viewer) => viewer,
        Err(refused) => return refused,
    };
    let Ok(id) = id.parse().map(DocumentId) else { return refusal(&state, &headers, &AppError::NotFound) };
    let download =
        match documents::download(&state.db, (&state.keys, &state.storage), &viewer, id, Utc::now()).await {
            Ok(download) => download,
            Err(error) => return refusal(&state, &headers, &error),
        };
    let inline = query.view == "inline" && download.kind.previewable();
    let how = disposition(inline, &download.name);
    let mut response =
        streamed(Body::from_stream(download.body), download.kind.media_type(), download.size, &how);
    if inline {
        let policy = HeaderValue::from_static(viewing_policy(download.kind));
        response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}

/// `inline` or `attachment`, with the name as plain ASCII for old clients
/// and exactly, UTF-8 encoded, for the rest (RFC 6266).
fn disposition(inline: bool, name: &str) -> String {
    let plain: String = name
        .chars()
        .map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' { c } else { '_' })
        .collect();
    let how = if inline { "inline" } else { "attachment" };
    format!("{how}; filename=\"{plain}\"; filename*=UTF-8''{}", encode_query_value(name))
}

/// What a file opened in the browser may do: nothing but be shown. An
/// image is also sandboxed; a PDF is not, as the browser's PDF viewer does
/// not open in a sandbox, but it may load nothing from anywhere.
fn viewing_policy(kind: FileKind) -> &'static str {
    if kind == FileKind::Pdf {
        "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'"
    } else {
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_given_plainly_and_exactly() {
        assert_eq!(
            disposition(false, "Beoordeling \"2027\" één.pdf"),
            "attachment; filename=\"Beoordeling _2027_ __n.pdf\"; \
             filename*=UTF-8''Beoordeling%20%222027%22%20%C3%A9%C3%A9n.pdf"
        );
        assert!(disposition(true, "x.png").starts_with("inline; "));
    }
}
