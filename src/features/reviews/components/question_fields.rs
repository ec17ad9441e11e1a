//! The fields of a review form's question: its kind, its text and an
//! optional hint in both languages, the scale of a rating, and whether an
//! answer is required. Empty for a new question, filled in to change one.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::QuestionForm;
use crate::domain::reviews::{DEFAULT_SCALE, QuestionKind, SCALE_RANGE};
use crate::i18n::{Key, use_i18n};
use crate::ui::FieldError;

/// `prefix` keeps the ids of several editors on one page apart.
pub fn question_fields(
    prefix: String,
    current: Option<QuestionForm>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let current = current.unwrap_or_default();
    let id = move |field: &str| format!("{prefix}-{field}");
    let kinds = QuestionKind::ALL
        .iter()
        .map(|kind| {
            let selected = kind.code() == current.kind;
            view! { <option value=kind.code() selected=selected>{i18n.t(kind.label_key())}</option> }
        })
        .collect_view();
    let scale = if current.scale.is_empty() { DEFAULT_SCALE.to_string() } else { current.scale.clone() };
    view! {
        <label for=id("kind")>{i18n.t(Key::ReviewFormsKind)}</label>
        <select id=id("kind") name="question[kind]">{kinds}</select>
        <FieldError error field="kind"/>
        <label for=id("text-nl")>{i18n.t(Key::ReviewFormsTextNl)}</label>
        <input id=id("text-nl") name="question[text_nl]" type="text" value=current.text_nl required/>
        <FieldError error field="text_nl"/>
        <label for=id("text-en")>{i18n.t(Key::ReviewFormsTextEn)}</label>
        <input id=id("text-en") name="question[text_en]" type="text" value=current.text_en/>
        <FieldError error field="text_en"/>
        <label for=id("hint-nl")>{i18n.t(Key::ReviewFormsHintNl)}</label>
        <textarea id=id("hint-nl") name="question[hint_nl]" rows="2">{current.hint_nl}</textarea>
        <FieldError error field="hint_nl"/>
        <label for=id("hint-en")>{i18n.t(Key::ReviewFormsHintEn)}</label>
        <textarea id=id("hint-en") name="question[hint_en]" rows="2">{current.hint_en}</textarea>
        <FieldError error field="hint_en"/>
        <label for=id("scale")>{i18n.t(Key::ReviewFormsScale)}</label>
        <input id=id("scale") name="question[scale]" type="number"
            min=SCALE_RANGE.start().to_string() max=SCALE_RANGE.end().to_string() value=scale/>
        <p class="hint">{i18n.t(Key::ReviewFormsScaleHint)}</p>
        <FieldError error field="scale"/>
        <label><input type="checkbox" name="question[required]" value="on" checked=current.required.is_some()/>{i18n.t(Key::ReviewFormsRequired)}</label>
    }
}
