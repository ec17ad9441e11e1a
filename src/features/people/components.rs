//! Restriction of processing on a person's page (GDPR art. 18): what it
//! means, and the button to restrict or to lift it.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{AccountStatus, PersonSummary};
use crate::features::people::api::{LiftRestriction, RestrictPerson};
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
