//! What the offline page says. The page itself (`/offline`) is rendered by
//! `server::pwa` without scripts, because the service worker shows it in
//! place of any page: there is nothing there to hydrate.

use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};

#[component]
pub fn OfflineMessage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="message-page">
            <h1>{i18n.t(Key::OfflineTitle)}</h1>
            <p>{i18n.t(Key::OfflineBody)}</p>
            // An empty link reloads the address the visitor asked for.
            <p>
                <a href="">{i18n.t(Key::OfflineRetry)}</a>
            </p>
        </section>
    }
}
