//! Choosing the interface language.
//!
//! A plain form posting to `set_language`, so it works without JavaScript
//! (choose, then press the button). Once the page is hydrated the button is
//! hidden and choosing submits the form at once.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_location;
use web_sys::HtmlSelectElement;

use crate::features::shell::api::SetLanguage;
use crate::i18n::{Key, Lang, use_i18n};

#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let return_to = move || format!("{}{}", location.pathname.get(), location.search.get());
    let hydrated = RwSignal::new(false);
    Effect::new(move || hydrated.set(true));
    let submit_on_change = move |event: leptos::ev::Event| {
        if let Some(form) = event_target::<HtmlSelectElement>(&event).form() {
            let _ = form.request_submit();
        }
    };

    view! {
        <form class="language-switcher" method="post" action=SetLanguage::url()>
            <input type="hidden" name="return_to" value=return_to/>
            <label for="language-select">{i18n.t(Key::LanguageLabel)}</label>
            <select id="language-select" name="lang" on:change=submit_on_change>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option value=lang.code() selected=lang == i18n.lang lang=lang.code()>
                                {i18n.t(lang.name_key())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <button type="submit" hidden=move || hydrated.get()>{i18n.t(Key::LanguageApply)}</button>
        </form>
    }
}
