//! `/operator/organisations/new`: add an organisation, record its signature
//! under the processing agreement and invite its first admin.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::AppError;
use crate::features::account::components::RequireSignIn;
use crate::features::operator::api::AddOrganisation;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{FieldError, FormError};

#[component]
pub fn NewOrganisationPage() -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddOrganisation>::new();
    let error: Signal<Option<AppError>> = Signal::derive(move || add.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::OnboardingTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::OnboardingTitle)}</h1>
                <ActionForm action=add attr:class="form wide-form">
                    <fieldset>
                        <legend>{i18n.t(Key::OnboardingOrganisation)}</legend>
                        {text_field(i18n, error, "form[name]", "name", Key::OnboardingName, "text", "organization")}
                        {text_field(i18n, error, "form[kvk_number]", "kvk_number", Key::OnboardingKvkNumber, "text", "off")}
                        {text_field(i18n, error, "form[address]", "address", Key::OnboardingAddress, "text", "street-address")}
                        {text_field(i18n, error, "form[representative]", "representative", Key::OnboardingRepresentative, "text", "off")}
                        {text_field(i18n, error, "form[contract_start]", "contract_start", Key::OnboardingContractStart, "date", "off")}
                        <div class="checkbox-group" role="group" aria-labelledby="languages-label">
                            <span id="languages-label" class="label">{i18n.t(Key::OnboardingLanguages)}</span>
                            <label><input type="checkbox" name="form[language_nl]" checked/>{i18n.t(Key::LanguageNl)}</label>
                            <label><input type="checkbox" name="form[language_en]" checked/>{i18n.t(Key::LanguageEn)}</label>
                            <FieldError error field="languages"/>
                        </div>
                    </fieldset>
                    <fieldset>
                        <legend>{i18n.t(Key::OnboardingPrivacyContact)}</legend>
                        {text_field(i18n, error, "form[privacy_contact_name]", "privacy_contact_name", Key::OnboardingContactName, "text", "off")}
                        {text_field(i18n, error, "form[privacy_contact_email]", "privacy_contact_email", Key::OnboardingContactEmail, "email", "off")}
                    </fieldset>
                    <fieldset>
                        <legend>{i18n.t(Key::OnboardingSignature)}</legend>
                        <p class="hint">{i18n.t(Key::OnboardingSignatureHint)}</p>
                        {text_field(i18n, error, "form[signer_name]", "signer_name", Key::OnboardingSignerName, "text", "off")}
                        {text_field(i18n, error, "form[signer_function]", "signer_function", Key::OnboardingSignerFunction, "text", "off")}
                        {text_field(i18n, error, "form[signed_on]", "signed_on", Key::OnboardingSignedOn, "date", "off")}
                        {text_field(i18n, error, "form[signed_at]", "signed_at", Key::OnboardingSignedAt, "text", "off")}
                    </fieldset>
                    <fieldset>
                        <legend>{i18n.t(Key::OnboardingFirstAdmin)}</legend>
                        {text_field(i18n, error, "form[admin_name]", "admin_name", Key::OnboardingAdminName, "text", "off")}
                        {text_field(i18n, error, "form[admin_email]", "admin_email", Key::OnboardingAdminEmail, "email", "off")}
                        <label for="admin_language">{i18n.t(Key::OnboardingAdminLanguage)}</label>
                        <select id="admin_language" name="form[admin_language]">
                            <option value="nl">{i18n.t(Key::LanguageNl)}</option>
                            <option value="en">{i18n.t(Key::LanguageEn)}</option>
                        </select>
                    </fieldset>
                    <FormError error/>
                    <button type="submit" class="button-primary" disabled=move || add.pending().get()>
                        {i18n.t(Key::OnboardingSubmit)}
                    </button>
                </ActionForm>
            }
        }/>
    }
}

/// A labelled input with its error below it.
fn text_field(
    i18n: I18n,
    error: Signal<Option<AppError>>,
    name: &'static str,
    field: &'static str,
    label: Key,
    kind: &'static str,
    autocomplete: &'static str,
) -> impl IntoView {
    view! {
        <label for=field>{i18n.t(label)}</label>
        <input
            id=field
            name=name
            type=kind
            autocomplete=autocomplete
            aria-describedby=format!("{field}-error")
            required
        />
        <FieldError error field/>
    }
}
