//! What Koers is, for a visitor who has not signed in (beside the sign-in form).

use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};

#[component]
pub fn Welcome() -> impl IntoView {
    let i18n = use_i18n();
    let topics = [
        (Key::HomeGoalsTitle, Key::HomeGoalsBody),
        (Key::HomeReviewsTitle, Key::HomeReviewsBody),
        (Key::HomePrivacyTitle, Key::HomePrivacyBody),
    ];
    view! {
        <section class="hero">
            <h2>{i18n.t(Key::HomeTitle)}</h2>
            <p class="lead">{i18n.t(Key::AppTagline)}</p>
            <p>{i18n.t(Key::HomeIntro)}</p>
        </section>
        <ul class="card-grid">
            {topics
                .into_iter()
                .map(|(title, body)| {
                    view! {
                        <li class="card">
                            <h3>{i18n.t(title)}</h3>
                            <p>{i18n.t(body)}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
