//! `/admin/people/new`: invite someone by e-mail.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::AppError;
use crate::features::account::components::RequireSignIn;
use crate::features::people::api::InvitePerson;
use crate::i18n::{Key, use_i18n};
use crate::ui::{FieldError, FormError};

#[component]
pub fn InvitePersonPage() -> impl IntoView {
    let i18n = use_i18n();
    let invite = ServerAction::<InvitePerson>::new();
    let error: Signal<Option<AppError>> = Signal::derive(move || invite.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::PeopleInviteTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::PeopleInviteTitle)}</h1>
                <p>{i18n.t(Key::PeopleInviteIntro)}</p>
                <ActionForm action=invite attr:class="form wide-form">
                    <label for="name">{i18n.t(Key::PeopleName)}</label>
                    <input id="name" name="form[name]" type="text" aria-describedby="name-error" required/>
                    <FieldError error field="name"/>
                    <label for="email">{i18n.t(Key::PeopleEmail)}</label>
                    <input id="email" name="form[email]" type="email" aria-describedby="email-error" required/>
                    <FieldError error field="email"/>
                    <label for="language">{i18n.t(Key::PeopleLanguage)}</label>
                    <select id="language" name="form[language]">
                        <option value="nl">{i18n.t(Key::LanguageNl)}</option>
                        <option value="en">{i18n.t(Key::LanguageEn)}</option>
                    </select>
                    <div class="checkbox-group" role="group" aria-labelledby="roles-label">
                        <span id="roles-label" class="label">{i18n.t(Key::PeopleExtraRoles)}</span>
                        <label><input type="checkbox" name="form[manager]"/>{i18n.t(Key::RoleManager)}</label>
                        <label><input type="checkbox" name="form[admin]"/>{i18n.t(Key::RoleAdmin)}</label>
                        <label><input type="checkbox" name="form[auditor]"/>{i18n.t(Key::RoleAuditor)}</label>
                    </div>
                    <FormError error/>
                    <button type="submit" class="button-primary" disabled=move || invite.pending().get()>
                        {i18n.t(Key::PeopleSendInvitation)}
                    </button>
                </ActionForm>
            }
        }/>
    }
}
