//! Helpers for the request being served while rendering or in a server
//! function: its language, and cookies and status of its response.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header, request::Parts};
use cookie::{Cookie, SameSite};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

use crate::i18n::{LANGUAGE_COOKIE, Lang, negotiate};

/// The language for a request with these headers (cookie, then
/// `Accept-Language`, then `default`).
pub fn language_of(headers: &HeaderMap, default: Lang) -> Lang {
    let chosen = cookie_value(headers, LANGUAGE_COOKIE);
    let accepted = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    negotiate(chosen.as_deref(), accepted, default)
}

/// The language of the request being rendered.
pub fn request_language(default: Lang) -> Lang {
    use_context::<Parts>().map_or(default, |parts| language_of(&parts.headers, default))
}

/// The value of a cookie sent with the request.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == name)
        .map(|cookie| cookie.value().to_owned())
}

/// Remembers the chosen language for a year. Not secret, so readable by
/// scripts is harmless; `Secure` whenever the site runs over HTTPS.
pub fn language_cookie(lang: Lang, https: bool) -> String {
    Cookie::build((LANGUAGE_COOKIE, lang.code()))
        .path("/")
        .max_age(cookie::time::Duration::days(365))
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(https)
        .build()
        .to_string()
}

/// A header of the request being served, as text.
pub fn request_header(name: header::HeaderName) -> Option<String> {
    let parts = use_context::<Parts>()?;
    parts.headers.get(name).and_then(|v| v.to_str().ok()).map(ToOwned::to_owned)
}

/// The id the server gave the request being served (see `middleware::request_id`).
pub fn request_id() -> Option<String> {
    request_header(header::HeaderName::from_static(crate::server::middleware::request_id::REQUEST_ID))
}

/// The network address the request being served came from.
pub fn client_address() -> Option<std::net::IpAddr> {
    let parts = use_context::<Parts>()?;
    parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|info| info.0.ip())
}

/// Where the request being served comes from: for throttling and the audit log.
pub fn origin() -> crate::server::auth::sign_in::Origin {
    crate::server::auth::sign_in::Origin {
        address: client_address(),
        user_agent: request_header(header::USER_AGENT).unwrap_or_default(),
        request_id: request_id(),
    }
}

/// Adds a `Set-Cookie` header to the response being built.
pub fn set_cookie(cookie: &str) {
    if let (Some(response), Ok(value)) = (use_context::<ResponseOptions>(), HeaderValue::from_str(cookie)) {
        response.append_header(header::SET_COOKIE, value);
    }
}

/// Sets the status of the page being rendered (e.g. 404 for an unknown path).
pub fn set_status(status: StatusCode) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(status);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(header::HeaderName, &'static str)]) -> HeaderMap {
        pairs.iter().map(|(k, v)| (k.clone(), HeaderValue::from_static(v))).collect()
    }

    #[test]
    fn the_language_cookie_beats_the_browser() {
        let h = headers(&[(header::COOKIE, "a=1; koers_lang=en"), (header::ACCEPT_LANGUAGE, "nl")]);
        assert_eq!(language_of(&h, Lang::Nl), Lang::En);
    }

    #[test]
    fn the_browser_language_is_used_without_a_cookie() {
        assert_eq!(language_of(&headers(&[(header::ACCEPT_LANGUAGE, "en-US,en;q=0.9")]), Lang::Nl), Lang::En);
        assert_eq!(language_of(&HeaderMap::new(), Lang::Nl), Lang::Nl);
    }

    #[test]
    fn the_language_cookie_is_lax_and_secure_over_https() {
        let cookie = language_cookie(Lang::En, true);
        assert!(cookie.starts_with("koers_lang=en"), "{cookie}");
        assert!(
            cookie.contains("SameSite=Lax") && cookie.contains("Secure") && cookie.contains("Path=/"),
            "{cookie}"
        );
        assert!(!language_cookie(Lang::Nl, false).contains("Secure"));
    }
}
