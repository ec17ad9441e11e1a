//! `/surveys/results/{round}/export.xlsx?unit=…&by=…`: a closed round's
//! results as a spreadsheet, for the admins and managers who may read them
//! on the results page, with the same suppression (it is written from the
//! same `results::results`). Every download is logged.

use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::Utc;
use serde::Deserialize;

use super::{attachment, refusal, requester};
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::surveys::ResultsQuery;
use crate::server::AppState;
use crate::server::audit::{self, AuditEntry};
use crate::server::http::language_of;
use crate::server::service::surveys::{export, results};

pub const SURVEY_RESULTS_EXPORT: &str = "/surveys/results/{round}/export.xlsx";

#[derive(Deserialize)]
pub struct ResultsAddress {
    #[serde(default)]
    unit: String,
    #[serde(default)]
    by: String,
}

pub async fn survey_results_export(
    State(state): State<AppState>,
    Path(round): Path<String>,
    Query(address): Query<ResultsAddress>,
    headers: HeaderMap,
) -> Response {
    let back = format!("/surveys/results/{round}/export.xlsx?unit={}&by={}", address.unit, address.by);
    let viewer = match requester(&state, &headers, &back, None).await {
        Ok(viewer) => viewer,
        Err(refused) => return refused,
    };
    let query = match ResultsQuery::from_address(&round, &address.unit, &address.by) {
        Ok(query) => query,
        Err(error) => return refusal(&state, &headers, &error),
    };
    let lang = language_of(&headers, state.config.site.default_language);
    let time_zone = state.config.site.time_zone;
    let bytes = match results::results(&state.db, &state.keys, &viewer, query, time_zone).await {
        Ok(shown) => export::to_xlsx(&shown, lang),
        Err(error) => Err(error),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => return refusal(&state, &headers, &error),
    };
    let now = Utc::now();
    let entry = AuditEntry::by_user(viewer.org, viewer.user, AuditAction::SurveyResultsExported)
        .on("survey_round", query.round);
    if let Err(error) = audit::record(&state.db, entry, now).await {
        tracing::error!(%error, "recording the export failed");
        return refusal(&state, &headers, &AppError::Internal);
    }
    let name = format!("koers-survey-results-{}.xlsx", now.format("%Y-%m-%d"));
    attachment(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &name)
}
