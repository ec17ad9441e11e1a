//! The web app manifest, in the visitor's language, so Koers installs as an
//! app on phones and desktops. (The service worker is `public/sw.js`.)

use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use serde_json::json;

use super::AppState;
use super::http::language_of;
use crate::i18n::{Key, Lang, text};
use crate::ui::THEME_COLOUR;

pub async fn manifest(State(state): State<AppState>, headers: HeaderMap) -> impl IntoResponse {
    let lang = language_of(&headers, state.config.site.default_language);
    (
        [(header::CONTENT_TYPE, "application/manifest+json")],
        manifest_json(lang),
    )
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
        let purposes: Vec<&str> = manifest["icons"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|i| i["purpose"].as_str())
            .collect();
        assert!(purposes.contains(&"maskable"));
    }

    #[test]
    fn the_manifest_speaks_the_visitors_language() {
        assert!(manifest_json(Lang::Nl).contains("\"lang\":\"nl\""));
        assert!(manifest_json(Lang::Nl).contains(text(Lang::Nl, Key::ManifestDescription)));
    }
}
