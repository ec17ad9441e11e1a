//! `/`: what Koers is, for a visitor who has not signed in.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{Key, use_i18n};

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let topics = [
        (Key::HomeGoalsTitle, Key::HomeGoalsBody),
        (Key::HomeReviewsTitle, Key::HomeReviewsBody),
        (Key::HomePrivacyTitle, Key::HomePrivacyBody),
    ];
    view! {
        <Title text=i18n.t(Key::HomeTitle)/>
        <section class="hero">
            <h1>{i18n.t(Key::HomeTitle)}</h1>
            <p class="lead">{i18n.t(Key::AppTagline)}</p>
            <p>{i18n.t(Key::HomeIntro)}</p>
        </section>
        <ul class="card-grid">
            {topics
                .into_iter()
                .map(|(title, body)| {
                    view! {
                        <li class="card">
                            <h2>{i18n.t(title)}</h2>
                            <p>{i18n.t(body)}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
