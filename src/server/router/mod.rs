//! The HTTP surface: health checks, manifest, Leptos pages and server
//! functions, static files; wrapped in request id, logging, CSRF defence,
//! security headers and compression.

use axum::Router;
use axum::extract::Request;
use axum::http::request::Parts;
use axum::middleware::{from_fn, from_fn_with_state};
use std::sync::LazyLock;

use axum::routing::{get, post};
use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{AxumRouteListing, LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use super::middleware::headers::PageNonce;
use super::middleware::{csrf, error_status, headers, request_id};
use super::{AppState, downloads, health, pwa, shell::shell};
use crate::app::App;

/// The app's routes, generated once per process. Generating them renders
/// the app with resource loading suppressed process-wide, so a page being
/// rendered meanwhile (another router built in the same test process) would
/// wait forever for its resources (leptos-rs/leptos#4773).
static ROUTES: LazyLock<Vec<AxumRouteListing>> = LazyLock::new(|| generate_route_list(App));

pub fn build(state: AppState) -> Router {
    let routes = ROUTES.clone();
    let leptos_options = state.leptos_options.clone();
    let context_state = state.clone();
    // The request's nonce (made by `headers::security_headers`) goes to
    // Leptos, which puts it on the scripts of the page.
    let provide_state = move || {
        provide_context(context_state.clone());
        let nonce = use_context::<Parts>().and_then(|parts| parts.extensions.get::<PageNonce>().cloned());
        if let Some(PageNonce(nonce)) = nonce {
            provide_context(Nonce::from_value(nonce));
        }
    };

    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/manifest.webmanifest", get(pwa::manifest))
        .route("/offline", get(pwa::offline_page))
        .route(downloads::PEOPLE_EXPORT, get(downloads::people_export))
        .route(downloads::REVIEW_PROGRESS_EXPORT, get(downloads::review_progress_export))
        .route(downloads::PERSONAL_DATA, get(downloads::personal_data))
        .route(downloads::FULL_EXPORT, get(downloads::full_export_download))
        .route(downloads::REGISTER_PDF, get(downloads::register_pdf))
        .route(downloads::DPIA_PDF, get(downloads::dpia_pdf))
        .route(downloads::SURVEY_RESULTS_EXPORT, get(downloads::survey_results_export))
        .route(downloads::DOCUMENT, get(downloads::document))
        .route(downloads::DOCUMENT_UPLOAD, post(downloads::upload_document))
        .leptos_routes_with_context(&state, routes, provide_state.clone(), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context::<AppState, _>(provide_state, shell))
        .layer(from_fn(error_status::app_error_status))
        // Pages and answers are compressed as they go out; the WASM bundle,
        // the largest file by far, only from the copies `assets` makes once.
        .layer(
            CompressionLayer::new()
                .compress_when(DefaultPredicate::new().and(NotForContentType::const_new("application/wasm"))),
        )
        .layer(from_fn_with_state(state.clone(), headers::security_headers))
        .layer(from_fn_with_state(state.clone(), csrf::reject_cross_site_writes))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request| {
                    let id = request
                        .headers()
                        .get(request_id::REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or_default();
                    tracing::info_span!(
                        "request",
                        request_id = %id,
                        method = %request.method(),
                        path = %request_id::loggable_path(request.uri().path()),
                    )
                })
                .on_request(())
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(from_fn(request_id::assign_request_id))
        .with_state(state)
}

#[cfg(test)]
mod permissions;
#[cfg(test)]
mod tests;
