//! `/people/{id}/documents`: a person's own documents (certificates,
//! agreements), for the person, their managers and the admins who read
//! them as HR readers; reached from the account page, the team page and
//! the person's admin page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::Documents;
use crate::domain::documents::Holder;
use crate::domain::ids::UserId;
use crate::features::account::components::RequireSignIn;
use crate::i18n::{Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn PersonDocumentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let person = move || use_params_map().with(|params| params.get("id")).unwrap_or_default();
    view! {
        <Title text=i18n.t(Key::DocumentsTitle)/>
        <RequireSignIn children=move |_| {
            move || match person().parse::<uuid::Uuid>() {
                Ok(id) => view! { <Documents holder=Holder::Person(UserId(id)) whole_page=true/> }.into_any(),
                Err(_) => view! { <ErrorMessage error=crate::domain::AppError::NotFound/> }.into_any(),
            }
        }/>
    }
}
