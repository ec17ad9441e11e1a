//! Any unknown path: a translated page with status 404.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::i18n::{Key, use_i18n};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::http::set_status(axum::http::StatusCode::NOT_FOUND);
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(Key::NotFoundTitle)/>
        <section class="message-page">
            <h1>{i18n.t(Key::NotFoundTitle)}</h1>
            <p>{i18n.t(Key::NotFoundBody)}</p>
            <p>
                <A href="/">{i18n.t(Key::NotFoundHomeLink)}</A>
            </p>
        </section>
    }
}
