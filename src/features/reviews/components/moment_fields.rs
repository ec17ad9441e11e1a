//! The fields of a review moment: its kind, open and close dates, who
//! writes, the form, an introduction in both languages and reminder dates.
//! Empty for a new moment, filled in to change one.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{FunctionName, MomentForm};
use crate::domain::ids::ReviewFormId;
use crate::domain::reviews::{MomentKind, Writers};
use crate::i18n::{Key, use_i18n};
use crate::ui::FieldError;

/// `prefix` keeps the ids of several editors on one page apart.
pub fn moment_fields(
    prefix: String,
    current: Option<MomentForm>,
    forms: &[(ReviewFormId, FunctionName)],
    error: Signal<Option<AppError>>,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let current = current.unwrap_or_default();
    let id = move |field: &str| format!("{prefix}-{field}");
    let kinds = MomentKind::ALL
        .iter()
        .map(|k| view! { <option value=k.code() selected=k.code() == current.kind>{i18n.t(k.label_key())}</option> })
        .collect_view();
    let writers = Writers::ALL
        .iter()
        .map(|w| {
            let selected = w.code() == current.writers || (current.writers.is_empty() && *w == Writers::Both);
            view! { <option value=w.code() selected=selected>{i18n.t(w.label_key())}</option> }
        })
        .collect_view();
    let options = |chosen: &str| {
        forms
            .iter()
            .map(|(form, name)| {
                let value = form.to_string();
                let selected = value == chosen;
                view! { <option value=value selected=selected>{name.in_language(i18n.lang).to_owned()}</option> }
            })
            .collect_view()
    };
    let (peer_forms, forms) = (options(&current.peer_form), options(&current.form));
    view! {
        <label for=id("kind")>{i18n.t(Key::ReviewCyclesKind)}</label>
        <select id=id("kind") name="moment[kind]">{kinds}</select>
        <FieldError error field="kind"/>
        <label for=id("opens-on")>{i18n.t(Key::ReviewCyclesOpensOn)}</label>
        <input id=id("opens-on") name="moment[opens_on]" type="date" value=current.opens_on required/>
        <FieldError error field="opens_on"/>
        <label for=id("closes-on")>{i18n.t(Key::ReviewCyclesClosesOn)}</label>
        <input id=id("closes-on") name="moment[closes_on]" type="date" value=current.closes_on required/>
        <FieldError error field="closes_on"/>
        <label for=id("writers")>{i18n.t(Key::ReviewCyclesWriters)}</label>
        <select id=id("writers") name="moment[writers]">{writers}</select>
        <FieldError error field="writers"/>
        <label for=id("form")>{i18n.t(Key::ReviewCyclesForm)}</label>
        <select id=id("form") name="moment[form]" required>
            <option value="">{i18n.t(Key::ReviewCyclesChooseForm)}</option>
            {forms}
        </select>
        <FieldError error field="form"/>
        <label for=id("peer-form")>{i18n.t(Key::ReviewCyclesPeerForm)}</label>
        <select id=id("peer-form") name="moment[peer_form]">
            <option value="">{i18n.t(Key::ReviewCyclesNoPeers)}</option>
            {peer_forms}
        </select>
        <p class="hint">{i18n.t(Key::ReviewCyclesPeerFormHint)}</p>
        <FieldError error field="peer_form"/>
        <label for=id("intro-nl")>{i18n.t(Key::ReviewCyclesIntroNl)}</label>
        <textarea id=id("intro-nl") name="moment[intro_nl]" rows="3">{current.intro_nl}</textarea>
        <FieldError error field="intro_nl"/>
        <label for=id("intro-en")>{i18n.t(Key::ReviewCyclesIntroEn)}</label>
        <textarea id=id("intro-en") name="moment[intro_en]" rows="3">{current.intro_en}</textarea>
        <FieldError error field="intro_en"/>
        <label for=id("reminders")>{i18n.t(Key::ReviewCyclesReminders)}</label>
        <input id=id("reminders") name="moment[reminders]" type="text" value=current.reminders/>
        <p class="hint">{i18n.t(Key::ReviewCyclesRemindersHint)}</p>
        <FieldError error field="reminders"/>
    }
}
