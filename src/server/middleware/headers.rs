//! Security and caching headers on every response.
//!
//! Each request gets a fresh nonce (`PageNonce`, in the request's
//! extensions); the router hands it to Leptos, which puts it on its scripts,
//! and an HTML page's Content-Security-Policy allows scripts with that nonce
//! only. Everything that is not a page gets the strict default below. Done
//! here rather than while rendering, so every page is covered, whatever
//! path rendered it. Caching follows what a response is: hashed `/pkg` assets are
//! immutable, pages and server-function answers are never stored (they may
//! hold personal data), other static files are revalidated.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::server::AppState;
use crate::server::auth::token::random_token;
use crate::server::http::language_of;

/// For responses that are not pages: no scripts, styles or frames of their own.
const DEFAULT_CSP: &str =
    "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// The nonce of the request being served.
#[derive(Clone, Debug)]
pub struct PageNonce(pub String);

pub async fn security_headers(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let lang = language_of(request.headers(), state.config.site.default_language);
    let nonce = PageNonce(random_token());
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    let success = response.status().is_success();
    let headers = response.headers_mut();
    if is_page(headers) {
        if let Ok(policy) = HeaderValue::from_str(&page_csp(&nonce.0)) {
            headers.insert(header::CONTENT_SECURITY_POLICY, policy);
        }
        headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
        headers.append(header::VARY, HeaderValue::from_static("Cookie, Accept-Language"));
    }
    apply(headers, &path, success, state.config.served_over_https());
    response
}

fn is_page(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// Only our own origin, only nonce-bearing scripts (and what they load), no
/// inline styles, no frames, no plugins. Nothing is ever loaded from a third
/// party.
pub fn page_csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// The header rules, apart from the request plumbing so they can be tested.
pub fn apply(headers: &mut HeaderMap, path: &str, success: bool, https: bool) {
    let set = |headers: &mut HeaderMap, name: header::HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::REFERRER_POLICY, "same-origin");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
    set(
        headers,
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=()",
    );
    if https {
        set(headers, header::STRICT_TRANSPORT_SECURITY, "max-age=63072000; includeSubDomains");
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        set(headers, header::CONTENT_SECURITY_POLICY, DEFAULT_CSP);
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        let policy = if path.starts_with("/pkg/") && success {
            "public, max-age=31536000, immutable"
        } else if is_page(headers) || path.starts_with("/api/") || !success {
            "no-store"
        } else {
            "no-cache"
        };
        set(headers, header::CACHE_CONTROL, policy);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers_for(path: &str, content_type: &'static str, success: bool, https: bool) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        apply(&mut headers, path, success, https);
        headers
    }

    #[test]
    fn every_response_refuses_sniffing_framing_and_plugins() {
        let h = headers_for("/manifest.webmanifest", "application/manifest+json", true, false);
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(h[header::REFERRER_POLICY], "same-origin");
        let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"), "{csp}");
    }

    #[test]
    fn hsts_only_over_https() {
        assert!(!headers_for("/", "text/html", true, false).contains_key(header::STRICT_TRANSPORT_SECURITY));
        assert!(headers_for("/", "text/html", true, true).contains_key(header::STRICT_TRANSPORT_SECURITY));
    }

    #[test]
    fn a_page_csp_with_nonce_is_kept() {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("script-src 'nonce-abc'"));
        apply(&mut h, "/", true, false);
        assert_eq!(h[header::CONTENT_SECURITY_POLICY], "script-src 'nonce-abc'");
    }

    #[test]
    fn caching_follows_what_the_response_is() {
        assert_eq!(
            headers_for("/pkg/koers.abc.wasm", "application/wasm", true, false)[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
        assert_eq!(
            headers_for("/pkg/missing.js", "text/plain", false, false)[header::CACHE_CONTROL],
            "no-store"
        );
        assert_eq!(
            headers_for("/", "text/html; charset=utf-8", true, false)[header::CACHE_CONTROL],
            "no-store"
        );
        assert_eq!(
            headers_for("/api/language", "application/json", true, false)[header::CACHE_CONTROL],
            "no-store"
        );
        assert_eq!(headers_for("/sw.js", "text/javascript", true, false)[header::CACHE_CONTROL], "no-cache");
    }
}
