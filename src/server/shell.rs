//! The HTML document around the app, rendered per request on the server.
//!
//! It decides the page language. The page's Content-Security-Policy, with
//! the nonce Leptos puts on its hydration scripts, is set by
//! `middleware::headers`, which also made the nonce (see `PageNonce`).

use leptos::prelude::*;
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
