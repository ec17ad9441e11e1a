//! What makes Koers an installable app: the web app manifest and the
//! offline page, both in the visitor's language. The service worker itself
//! is `public/sw.js`.

use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{Html, IntoResponse};
use leptos::prelude::*;
use serde_json::json;

use super::AppState;
use super::http::language_of;
use super::shell::HeadBasics;
use crate::features::shell::pages::OfflineMessage;
use crate::i18n::{I18n, Key, Lang, text};
use crate::ui::THEME_COLOUR;

/// `/offline`: a page without scripts or personal data, which the service
/// worker keeps and shows when the server cannot be reached.
pub async fn offline_page(State(state): State<AppState>, headers: HeaderMap) -> impl IntoResponse {
    let lang = language_of(&headers, state.config.site.default_language);
    let options = state.leptos_options.clone();
    let html = Owner::new().with(|| {
        provide_context(I18n { lang });
        view! {
            <!DOCTYPE html>
            <html lang=lang.code()>
                <head>
                    <HeadBasics options/>
                    <title>{text(lang, Key::OfflineTitle)}</title>
                </head>
                <body>
                    <header class="app-header">
                        <span class="brand">
                            <img src="/icons/icon.svg" alt="" width="32" height="32"/>
                            <span>{text(lang, Key::AppName)}</span>
                        </span>
                    </header>
                    <main id="content" class="app-main">
                        <OfflineMessage/>
                    </main>
                </body>
            </html>
        }
        .to_html()
    });
    ([(header::CONTENT_LANGUAGE, lang.code())], Html(html))
}

pub async fn manifest(State(state): State<AppState>, headers: HeaderMap) -> impl IntoResponse {
    let lang = language_of(&headers, state.config.site.default_language);
    ([(header::CONTENT_TYPE, "application/manifest+json")], manifest_json(lang))
}

pub fn manifest_json(lang: Lang) -> String {
    let icon = |src: &str, size: &str, purpose: &str| json!({ "src": src, "sizes": size, "type": "image/png", "purpose": purpose });
    json!({
        "id": "/",
        "name": text(lang, Key::AppName),
        "short_name": text(lang, Key::AppName),
        "description": text(lang, Key::ManifestDescription),
        "lang": lang.code(),
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            icon("/icons/icon-192.png", "192x192", "any"),
            icon("/icons/icon-512.png", "512x512", "any"),
            icon("/icons/icon-maskable-512.png", "512x512", "maskable"),
            { "src": "/icons/icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any" },
        ],
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_has_what_installation_needs() {
        let manifest: serde_json::Value = serde_json::from_str(&manifest_json(Lang::En)).unwrap();
        assert_eq!(manifest["display"], "standalone");
        assert_eq!(manifest["start_url"], "/");
        assert_eq!(manifest["short_name"], "Koers");
        let purposes: Vec<&str> =
            manifest["icons"].as_array().unwrap().iter().filter_map(|i| i["purpose"].as_str()).collect();
        assert!(purposes.contains(&"maskable"));
    }

    #[test]
    fn the_manifest_speaks_the_visitors_language() {
        assert!(manifest_json(Lang::Nl).contains("\"lang\":\"nl\""));
        assert!(manifest_json(Lang::Nl).contains(text(Lang::Nl, Key::ManifestDescription)));
    }
}
