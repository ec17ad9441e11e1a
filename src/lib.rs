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
    leptos::mount::hydrate_body(app::App);
    pwa::register_service_worker();
}
