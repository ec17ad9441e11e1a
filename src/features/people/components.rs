//! The rights of a person on their page: rectification of their account
//! data (GDPR art. 16) and restriction of processing (art. 18).

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{AccountStatus, PersonDetails, PersonSummary};
use crate::features::people::api::{LiftRestriction, RectifyPerson, RestrictPerson};
use crate::i18n::{Key, use_i18n};
use crate::ui::{FieldError, FormError};

#[derive(Clone, Copy)]
pub struct RestrictionActions {
    pub restrict: ServerAction<RestrictPerson>,
    pub lift: ServerAction<LiftRestriction>,
}

pub fn restriction_section(person: &PersonSummary, actions: RestrictionActions) -> impl IntoView + use<> {
    let i18n = use_i18n();
    if person.is_you {
        return ().into_any();
    }
    let error: Signal<Option<AppError>> = Signal::derive(move || {
        actions.restrict.value().get().and_then(Result::err).or(actions
            .lift
            .value()
            .get()
            .and_then(Result::err))
    });
    let user = person.id.to_string();
    let form = if person.status == AccountStatus::Restricted {
        view! {
            <p class="notice" role="status">{i18n.t(Key::PeopleRestrictedNow)}</p>
            <ActionForm action=actions.lift>
                <input type="hidden" name="user" value=user/>
                <button type="submit" class="button-primary">{i18n.t(Key::PeopleLiftRestriction)}</button>
            </ActionForm>
        }
        .into_any()
    } else {
        view! {
            <ActionForm action=actions.restrict>
                <input type="hidden" name="user" value=user/>
                <button type="submit" class="button-danger">{i18n.t(Key::PeopleRestrict)}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="restriction-title" id="restriction">
            <h2 id="restriction-title">{i18n.t(Key::PeopleRestrictionTitle)}</h2>
            <p>{i18n.t(Key::PeopleRestrictionIntro)}</p>
            {form}
            <FieldError error field="restriction"/>
            <FormError error/>
        </section>
    }
    .into_any()
}

/// The form to correct a person's name, sign-in names, number, language,
/// start date and year of birth.
pub fn rectification_section(
    details: &PersonDetails,
    rectify: ServerAction<RectifyPerson>,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let error: Signal<Option<AppError>> = Signal::derive(move || rectify.value().get().and_then(Result::err));
    let person = details.summary.clone();
    let phone = details.phone.clone().unwrap_or_default();
    let started_on = details.started_on.clone().unwrap_or_default();
    let birth_year = details.birth_year.map(|year| year.to_string()).unwrap_or_default();
    let field = move |name: &'static str, label: Key, value: String| {
        let id = format!("rectify-{name}");
        view! {
            <label for=id.clone()>{i18n.t(label)}</label>
            <input id=id name=format!("form[{name}]") type="text" value=value/>
            <FieldError error field=name/>
        }
    };
    let english = details.language == "en";
    view! {
        <section aria-labelledby="rectify-title">
            <h2 id="rectify-title">{i18n.t(Key::PeopleRectifyTitle)}</h2>
            <p>{i18n.t(Key::PeopleRectifyIntro)}</p>
            <ActionForm action=rectify attr:class="form" attr:id="rectify">
                <input type="hidden" name="user" value=person.id.to_string()/>
                {field("name", Key::PeopleRectifyName, person.name.clone())}
                {field("email", Key::PeopleRectifyEmail, person.email.clone().unwrap_or_default())}
                {field("username", Key::PeopleRectifyUsername, person.username.clone().unwrap_or_default())}
                {field("phone", Key::PeopleRectifyPhone, phone)}
                <label for="rectify-started_on">{i18n.t(Key::PeopleRectifyStartedOn)}</label>
                <input id="rectify-started_on" name="form[started_on]" type="date" value=started_on/>
                <FieldError error field="started_on"/>
                <label for="rectify-birth_year">{i18n.t(Key::PeopleRectifyBirthYear)}</label>
                <input id="rectify-birth_year" name="form[birth_year]" type="number" inputmode="numeric" value=birth_year/>
                <FieldError error field="birth_year"/>
                <p class="hint">{i18n.t(Key::PeopleRectifyBandsHint)}</p>
                <label for="rectify-language">{i18n.t(Key::PeopleLanguage)}</label>
                <select id="rectify-language" name="form[language]">
                    <option value="nl" selected=!english>{i18n.t(Key::LanguageNl)}</option>
                    <option value="en" selected=english>{i18n.t(Key::LanguageEn)}</option>
                </select>
                <FieldError error field="language"/>
                <FormError error/>
                {move || {
                    matches!(rectify.value().get(), Some(Ok(())))
                        .then(|| view! { <p class="notice" role="status">{i18n.t(Key::PeopleRectifySaved)}</p> })
                }}
                <button type="submit" class="button-primary">{i18n.t(Key::PeopleRectifySave)}</button>
            </ActionForm>
        </section>
    }
}
