//! `/admin/people/new`: invite someone by e-mail, by text message or with a
//! code handed out in person; e-mail and text message at once or at a
//! chosen moment. Which fields apply follows the chosen way through CSS
//! (`:has`), so the form works the same without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::AppError;
use crate::domain::dto::HandedOutCode;
use crate::features::account::components::RequireSignIn;
use crate::features::people::api::InvitePerson;
use crate::i18n::{Key, use_i18n};
use crate::ui::{FieldError, FormError};

#[component]
pub fn InvitePersonPage() -> impl IntoView {
    let i18n = use_i18n();
    let invite = ServerAction::<InvitePerson>::new();
    let error: Signal<Option<AppError>> = Signal::derive(move || invite.value().get().and_then(Result::err));
    let handed_out = move || invite.value().get().and_then(Result::ok).flatten();
    view! {
        <Title text=i18n.t(Key::PeopleInviteTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::PeopleInviteTitle)}</h1>
                {move || match handed_out() {
                    Some(handed_out) => code_to_hand_out(handed_out).into_any(),
                    None => form(invite, error).into_any(),
                }}
            }
        }/>
    }
}

fn form(invite: ServerAction<InvitePerson>, error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p>{i18n.t(Key::PeopleInviteIntro)}</p>
        <ActionForm action=invite attr:class="form wide-form invite-form">
            <label for="name">{i18n.t(Key::PeopleName)}</label>
            <input id="name" name="form[name]" type="text" aria-describedby="name-error" required/>
            <FieldError error field="name"/>
            <fieldset class="radio-group">
                <legend>{i18n.t(Key::PeopleDelivery)}</legend>
                <label>
                    <input type="radio" id="delivery-email" name="form[delivery]" value="email" checked/>
                    {i18n.t(Key::PeopleDeliveryEmail)}
                </label>
                <label>
                    <input type="radio" id="delivery-sms" name="form[delivery]" value="sms"/>
                    {i18n.t(Key::PeopleDeliverySms)}
                </label>
                <label>
                    <input type="radio" id="delivery-code" name="form[delivery]" value="code"/>
                    {i18n.t(Key::PeopleDeliveryCode)}
                </label>
            </fieldset>
            <div class="for-email">
                <label for="email">{i18n.t(Key::PeopleEmail)}</label>
                <input id="email" name="form[email]" type="email" aria-describedby="email-error"/>
                <FieldError error field="email"/>
            </div>
            <div class="for-sms">
                <label for="phone">{i18n.t(Key::PeoplePhone)}</label>
                <input
                    id="phone"
                    name="form[phone]"
                    type="tel"
                    autocomplete="off"
                    aria-describedby="phone-hint phone-error"
                />
                <p id="phone-hint" class="hint">{i18n.t(Key::PeoplePhoneHint)}</p>
                <FieldError error field="phone"/>
            </div>
            <div class="for-sms for-code">
                <label for="username">{i18n.t(Key::PeopleUsername)}</label>
                <input
                    id="username"
                    name="form[username]"
                    type="text"
                    autocapitalize="none"
                    spellcheck="false"
                    aria-describedby="username-hint username-error"
                />
                <p id="username-hint" class="hint">{i18n.t(Key::PeopleUsernameHint)}</p>
                <FieldError error field="username"/>
            </div>
            <label for="language">{i18n.t(Key::PeopleLanguage)}</label>
            <select id="language" name="form[language]">
                <option value="nl">{i18n.t(Key::LanguageNl)}</option>
                <option value="en">{i18n.t(Key::LanguageEn)}</option>
            </select>
            <div class="for-email for-sms">
                <label for="send-at">{i18n.t(Key::PeopleSendAt)}</label>
                <input
                    id="send-at"
                    name="form[send_at]"
                    type="datetime-local"
                    aria-describedby="send-at-hint send_at-error"
                />
                <p id="send-at-hint" class="hint">{i18n.t(Key::PeopleSendAtHint)}</p>
                <FieldError error field="send_at"/>
            </div>
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
}

/// The code of an invitation by code, shown once to the admin.
fn code_to_hand_out(handed_out: HandedOutCode) -> impl IntoView {
    let i18n = use_i18n();
    let intro = i18n.format(
        Key::PeopleCodeIntro,
        &[
            ("name", &handed_out.name),
            ("url", &handed_out.enter_at),
            ("days", &handed_out.valid_days.to_string()),
            ("username", &handed_out.username),
        ],
    );
    view! {
        <section class="handed-out-code" aria-labelledby="code-title">
            <h2 id="code-title">{i18n.t(Key::PeopleCodeTitle)}</h2>
            <p>{intro}</p>
            <p class="code"><code id="invitation-code">{handed_out.code}</code></p>
            <A href="/admin/people" attr:class="button-primary">{i18n.t(Key::PeopleCodeDone)}</A>
        </section>
    }
}
