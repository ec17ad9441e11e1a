//! Registers the service worker (`public/sw.js`) once the page is interactive.

use wasm_bindgen_futures::JsFuture;

pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let registration = window.navigator().service_worker().register("/sw.js");
    leptos::task::spawn_local(async move {
        if let Err(error) = JsFuture::from(registration).await {
            leptos::logging::warn!("service worker not registered: {error:?}");
        }
    });
}
