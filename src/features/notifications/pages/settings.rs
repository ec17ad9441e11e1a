//! `/account/notifications`: per kind of notification, by e-mail and in the
//! app (everything on until turned off), and the weekly digest.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::dto::NotificationSettings;
use crate::features::account::components::RequireSignIn;
use crate::features::notifications::api::{SaveNotificationSettings, read_notification_settings};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FormError};

#[component]
pub fn NotificationSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveNotificationSettings>::new();
    let shown = Resource::new(|| (), |_| read_notification_settings());
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let saved = move || {
        save.value().get().and_then(Result::ok).map(|_| {
            view! { <p class="notice" role="status">{i18n.t(Key::NotificationSettingsSaved)}</p> }
        })
    };
    view! {
        <Title text=i18n.t(Key::NotificationSettingsTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/account">{i18n.t(Key::AccountTitle)}</A></p>
                <h1>{i18n.t(Key::NotificationSettingsTitle)}</h1>
                <p>{i18n.t(Key::NotificationSettingsIntro)}</p>
                {saved}
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok(settings) => view! {
                                <ActionForm action=save attr:class="form wide-form">
                                    {choices(i18n, settings)}
                                    <FormError error/>
                                    <button type="submit" class="button-primary">{i18n.t(Key::NotificationSettingsSave)}</button>
                                </ActionForm>
                            }
                                .into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn choices(i18n: I18n, settings: NotificationSettings) -> impl IntoView {
    let rows = settings
        .kinds
        .into_iter()
        .enumerate()
        .map(|(at, (kind, channels))| {
            let label = i18n.t(kind.label_key());
            let channel = |channel: Key| {
                i18n.format(
                    Key::NotificationSettingsChannel,
                    &[("kind", label), ("channel", i18n.t(channel))],
                )
            };
            let (email_label, app_label) =
                (channel(Key::NotificationSettingsByEmail), channel(Key::NotificationSettingsInApp));
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td>
                        <input type="checkbox" name=format!("form[by_email][{at}]") value=kind.code()
                            checked=channels.by_email aria-label=email_label/>
                    </td>
                    <td>
                        <input type="checkbox" name=format!("form[in_app][{at}]") value=kind.code()
                            checked=channels.in_app aria-label=app_label/>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::NotificationSettingsKind)}</th>
                        <th scope="col">{i18n.t(Key::NotificationSettingsByEmail)}</th>
                        <th scope="col">{i18n.t(Key::NotificationSettingsInApp)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <label>
            <input type="checkbox" name="form[weekly_digest]" value="on" checked=settings.weekly_digest/>
            {i18n.t(Key::NotificationSettingsDigest)}
        </label>
        <p class="hint">{i18n.t(Key::NotificationSettingsDigestHint)}</p>
    }
}
