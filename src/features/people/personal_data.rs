//! A person's data on their page, for rights requests: the access report
//! and the portability export to download (GDPR art. 15 and 20), and
//! erasure (art. 17) with what it found afterwards.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::PersonSummary;
use crate::domain::rights::{AuthoredContent, ErasureOutcome};
use crate::features::people::api::ErasePerson;
use crate::i18n::{Key, use_i18n};
use crate::ui::{FieldError, FormError};

/// The downloads and, for someone other than the admin, the erasure form.
pub fn personal_data_section(
    person: &PersonSummary,
    erase: ServerAction<ErasePerson>,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let download = |format: &str| format!("/admin/people/{}/personal-data?format={format}", person.id);
    let (html, json, portability) = (download("html"), download("json"), download("portability"));
    let files = download("documents");
    let erasure = (!person.is_you).then(|| erasure_form(person, erase));
    view! {
        <section aria-labelledby="personal-data-title" id="personal-data">
            <h2 id="personal-data-title">{i18n.t(Key::PeoplePersonalDataTitle)}</h2>
            <p>{i18n.t(Key::PeoplePersonalDataIntro)}</p>
            <ul class="links">
                <li><a href=html download>{i18n.t(Key::PeopleAccessReportHtml)}</a></li>
                <li><a href=json download>{i18n.t(Key::PeopleAccessReportJson)}</a></li>
                <li><a href=files download>{i18n.t(Key::PeopleAccessDocuments)}</a></li>
                <li><a href=portability download>{i18n.t(Key::PeoplePortabilityExport)}</a></li>
            </ul>
            {erasure}
        </section>
    }
}

fn erasure_form(person: &PersonSummary, erase: ServerAction<ErasePerson>) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let error: Signal<Option<AppError>> = Signal::derive(move || erase.value().get().and_then(Result::err));
    let choice = move |authored: AuthoredContent, checked: bool| {
        view! {
            <label class="choice">
                <input type="radio" name="form[authored]" value=authored.code() checked=checked/>
                {i18n.t(authored.label_key())}
            </label>
        }
    };
    let confirm = i18n.format(Key::PeopleEraseConfirm, &[("name", &person.name)]);
    let user = person.id.to_string();
    view! {
        <h3>{i18n.t(Key::PeopleEraseTitle)}</h3>
        <p>{i18n.t(Key::PeopleEraseIntro)}</p>
        <ActionForm action=erase attr:class="form" attr:id="erase">
            <input type="hidden" name="user" value=user/>
            <fieldset>
                <legend>{i18n.t(Key::PeopleEraseAuthored)}</legend>
                {choice(AuthoredContent::Anonymise, true)}
                {choice(AuthoredContent::Delete, false)}
                <FieldError error field="authored"/>
            </fieldset>
            <label for="erase-confirmation">{confirm}</label>
            <input id="erase-confirmation" name="form[confirmation]" type="text" autocomplete="off"/>
            <FieldError error field="confirmation"/>
            <FormError error/>
            <button type="submit" class="button-danger">{i18n.t(Key::PeopleErase)}</button>
        </ActionForm>
    }
}

/// What the page shows once the person is erased: the erasure's own check
/// of the database for their name, e-mail address, username and number.
pub fn erased_view(outcome: ErasureOutcome) -> impl IntoView {
    let i18n = use_i18n();
    let title = i18n.format(Key::PeopleErased, &[("name", &outcome.name)]);
    let check = if outcome.traces.is_empty() {
        view! { <p class="notice" role="status">{i18n.t(Key::PeopleErasedClean)}</p> }.into_any()
    } else {
        let traces = outcome
            .traces
            .into_iter()
            .map(|trace| {
                let rows = trace.rows.to_string();
                view! { <li>{i18n.format(Key::PeopleErasedTrace, &[("table", &trace.table), ("rows", &rows)])}</li> }
            })
            .collect_view();
        view! {
            <p class="error" role="alert">{i18n.t(Key::PeopleErasedTraces)}</p>
            <ul>{traces}</ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="erased-title">
            <h2 id="erased-title">{title}</h2>
            {check}
            <p><a href="/admin/people">{i18n.t(Key::PeopleBack)}</a></p>
        </section>
    }
}
