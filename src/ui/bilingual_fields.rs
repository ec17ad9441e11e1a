//! The name and description fields in Dutch and English that job functions,
//! core values and competencies share.

use leptos::prelude::*;

use super::FieldError;
use crate::domain::AppError;
use crate::domain::dto::BilingualForm;
use crate::i18n::{Key, use_i18n};

/// The four fields, named `form[…]`, empty or filled in with `current`;
/// `prefix` keeps the ids of several forms on one page apart.
pub fn bilingual_fields(
    prefix: String,
    current: Option<BilingualForm>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let current = current.unwrap_or_default();
    let id = move |field: &str| format!("{prefix}-{field}");
    view! {
        <label for=id("name-nl")>{i18n.t(Key::FunctionsNameNl)}</label>
        <input id=id("name-nl") name="form[name_nl]" type="text" value=current.name_nl required/>
        <FieldError error field="name_nl"/>
        <label for=id("name-en")>{i18n.t(Key::FunctionsNameEn)}</label>
        <input id=id("name-en") name="form[name_en]" type="text" value=current.name_en/>
        <FieldError error field="name_en"/>
        <label for=id("description-nl")>{i18n.t(Key::FunctionsDescriptionNl)}</label>
        <textarea id=id("description-nl") name="form[description_nl]" rows="3">{current.description_nl}</textarea>
        <FieldError error field="description_nl"/>
        <label for=id("description-en")>{i18n.t(Key::FunctionsDescriptionEn)}</label>
        <textarea id=id("description-en") name="form[description_en]" rows="3">{current.description_en}</textarea>
        <FieldError error field="description_en"/>
    }
}
