//! The HTML document around the app, rendered per request on the server.
//!
//! It decides the page language, and sets the page's Content-Security-Policy
//! with the nonce Leptos puts on its hydration scripts: no script runs
//! without that nonce, and the WASM module may be instantiated.

use axum::http::{HeaderValue, header};
use leptos::nonce::use_nonce;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use leptos_meta::{HashedStylesheet, MetaTags};

use super::AppState;
use super::http::request_language;
use crate::app::App;
use crate::i18n::{I18n, Lang};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    let default =
        use_context::<AppState>().map_or(Lang::default(), |state| state.config.site.default_language);
    let lang = request_language(default);
    provide_context(I18n { lang });
    set_page_headers(lang);
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <HeadBasics options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// What every document of Koers has in its head: character set, viewport,
/// theme colour, manifest, icons and the hashed stylesheet.
#[component]
pub fn HeadBasics(options: LeptosOptions) -> impl IntoView {
    view! {
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="theme-color" content=crate::ui::THEME_COLOUR/>
        <link rel="manifest" href="/manifest.webmanifest"/>
        <link rel="icon" href="/icons/icon.svg" type="image/svg+xml"/>
        <link rel="apple-touch-icon" href="/icons/icon-192.png"/>
        <HashedStylesheet options id="koers"/>
    }
}

fn set_page_headers(lang: Lang) {
    let Some(response) = use_context::<ResponseOptions>() else {
        return;
    };
    if let Some(policy) = use_nonce().and_then(|nonce| HeaderValue::from_str(&page_csp(&nonce)).ok()) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, policy);
    }
    response.insert_header(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
    response.insert_header(header::VARY, HeaderValue::from_static("Cookie, Accept-Language"));
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
