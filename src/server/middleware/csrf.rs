//! Cross-site request forgery defence for every state-changing request.
//!
//! Browsers say where a request comes from: `Sec-Fetch-Site` (all current
//! browsers) or else `Origin`. A write whose source is another site is
//! refused with 403 before any handler runs. Requests without either header
//! do not come from a browser page, so they cannot carry a victim's cookies
//! across sites and are let through to the handlers' own checks.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::domain::AppError;
use crate::server::AppState;

pub async fn reject_cross_site_writes(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if is_cross_site_write(request.method(), request.headers(), state.config.site.public_url.as_str()) {
        tracing::warn!(method = %request.method(), "cross-site write refused");
        let body = serde_json::to_string(&AppError::Forbidden).unwrap_or_default();
        return (StatusCode::FORBIDDEN, [(header::CONTENT_TYPE, "application/json")], body).into_response();
    }
    next.run(request).await
}

/// True for a request that changes state and comes from another site.
pub fn is_cross_site_write(method: &Method, headers: &HeaderMap, public_origin: &str) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    if let Some(site) = headers.get("sec-fetch-site") {
        // `none`: typed or bookmarked by the user, not sent by another page.
        return !matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let same_host = origin
        .split_once("://")
        .is_some_and(|(_, authority)| !host.is_empty() && authority.eq_ignore_ascii_case(host));
    !(same_host || origin.eq_ignore_ascii_case(public_origin))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    const SITE: &str = "https://koers.example.org";

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs.iter().map(|(k, v)| (header::HeaderName::from_static(k), HeaderValue::from_static(v))).collect()
    }

    #[test]
    fn reads_are_never_refused() {
        let foreign = headers(&[("sec-fetch-site", "cross-site"), ("origin", "https://evil.example")]);
        assert!(!is_cross_site_write(&Method::GET, &foreign, SITE));
    }

    #[test]
    fn writes_from_another_site_are_refused() {
        for site in ["cross-site", "same-site"] {
            let h = headers(&[("sec-fetch-site", site)]);
            assert!(is_cross_site_write(&Method::POST, &h, SITE), "{site}");
        }
        let h = headers(&[("origin", "https://evil.example"), ("host", "koers.example.org")]);
        assert!(is_cross_site_write(&Method::POST, &h, SITE));
        assert!(is_cross_site_write(&Method::DELETE, &h, SITE));
    }

    #[test]
    fn writes_from_the_site_itself_pass() {
        assert!(!is_cross_site_write(&Method::POST, &headers(&[("sec-fetch-site", "same-origin")]), SITE));
        let h = headers(&[("origin", "http://127.0.0.1:3100"), ("host", "127.0.0.1:3100")]);
        assert!(!is_cross_site_write(&Method::POST, &h, SITE));
        assert!(!is_cross_site_write(
            &Method::POST,
            &headers(&[("origin", "https://koers.example.org")]),
            SITE
        ));
    }

    #[test]
    fn requests_without_browser_headers_reach_the_handlers() {
        assert!(!is_cross_site_write(&Method::POST, &HeaderMap::new(), SITE));
    }
}
