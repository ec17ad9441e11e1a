//! Koers: one Leptos codebase, compiled as the server (`ssr`) and as the
//! hydrated browser client (`hydrate`).

pub mod app;
pub mod domain;
pub mod features;
pub mod i18n;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod server;

#[cfg(feature = "hydrate")]
mod pwa;

/// Entry point of the WASM client: takes over the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // A redirect from a server function (sign-in, sign-out, language) loads
    // the new page in full, so everything on it reflects the new session.
    // Set before hydrating: the router's own hook would navigate in place.
    let _ = leptos::server_fn::redirect::set_redirect_hook(|location: &str| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_href(location);
        }
    });
    leptos::mount::hydrate_body(app::App);
    pwa::register_service_worker();
}
