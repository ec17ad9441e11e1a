//! `/privacy/register.pdf` and `/privacy/dpia.pdf`: the register of
//! processing activities and the DPIA information pack as PDF, for the
//! organisation's admins and auditors.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::Utc;

use super::{attachment, refusal, requester};
use crate::server::AppState;
use crate::server::http::language_of;
use crate::server::service::registers::{Installation, Register, document, to_pdf};

pub const REGISTER_PDF: &str = "/privacy/register.pdf";
pub const DPIA_PDF: &str = "/privacy/dpia.pdf";

pub async fn register_pdf(State(state): State<AppState>, headers: HeaderMap) -> Response {
    pdf(&state, &headers, Register::ProcessingActivities, REGISTER_PDF).await
}

pub async fn dpia_pdf(State(state): State<AppState>, headers: HeaderMap) -> Response {
    pdf(&state, &headers, Register::DpiaPack, DPIA_PDF).await
}

async fn pdf(state: &AppState, headers: &HeaderMap, which: Register, path: &str) -> Response {
    let viewer = match requester(state, headers, path, None).await {
        Ok(viewer) => viewer,
        Err(refused) => return refused,
    };
    let lang = language_of(headers, state.config.site.default_language);
    let now = Utc::now();
    let installation = Installation::of(&state.config);
    match document(&state.db, &viewer, which, installation, lang, now).await {
        Ok(document) => {
            let name = path.trim_start_matches("/privacy/").replace(".pdf", "");
            attachment(
                to_pdf(&document, lang),
                "application/pdf",
                &format!("koers-{name}-{}.pdf", now.format("%Y-%m-%d")),
            )
        }
        Err(error) => refusal(state, headers, &error),
    }
}
