//! Recovery codes, shown once right after they were made.

use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};

/// The codes and, when given, a link on to `continue_to` (a full page load,
/// so the header learns that the second factor is now on).
#[component]
pub fn RecoveryCodeList(codes: Vec<String>, #[prop(optional)] continue_to: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="recovery-codes" aria-labelledby="recovery-title">
            <h2 id="recovery-title">{i18n.t(Key::SecondFactorRecoveryTitle)}</h2>
            <p>{i18n.t(Key::SecondFactorRecoveryIntro)}</p>
            <ol id="recovery-codes" class="code-list">
                {codes.into_iter().map(|code| view! { <li><code>{code}</code></li> }).collect_view()}
            </ol>
            {continue_to.map(|href| view! {
                <a class="button-primary" href=href rel="external">{i18n.t(Key::SecondFactorContinue)}</a>
            })}
        </section>
    }
}
