//! `/privacy/breaches`: the notices of the processor to an organisation's
//! admins and auditors (DPA 7.A, 7.C).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::features::account::components::RequireSignIn;
use crate::features::breaches::api::list_breach_notices;
use crate::features::breaches::components::notice_list;
use crate::i18n::{Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn BreachesPage() -> impl IntoView {
    let i18n = use_i18n();
    let notices = Resource::new(|| (), |()| list_breach_notices());
    view! {
        <Title text=i18n.t(Key::BreachesTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::BreachesTitle)}</h1>
                <p>{i18n.t(Key::BreachesIntro)}</p>
                <Suspense>
                    {move || Suspend::new(async move {
                        match notices.await {
                            Ok(notices) => notice_list(i18n, notices).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Suspense>
            }
        }/>
    }
}
