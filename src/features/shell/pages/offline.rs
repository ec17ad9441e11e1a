//! `/offline`: kept by the service worker and shown when the server cannot
//! be reached. It holds no personal data, so it may be cached.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{Key, use_i18n};

#[component]
pub fn OfflinePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(Key::OfflineTitle)/>
        <section class="message-page">
            <h1>{i18n.t(Key::OfflineTitle)}</h1>
            <p>{i18n.t(Key::OfflineBody)}</p>
            // A plain link: reloading the page the visitor wanted is done by the browser.
            <p>
                <a href="/" rel="external">{i18n.t(Key::OfflineRetry)}</a>
            </p>
        </section>
    }
}
