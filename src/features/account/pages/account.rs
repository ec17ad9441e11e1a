//! `/account`: the signed-in browsers of your account; end any of them, or
//! all at once; change the password; and the way to the second factor.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::dto::{SessionSummary, ViewerKind};
use crate::features::account::api::{ChangePassword, EndSession, SignOutEverywhere, my_sessions};
use crate::features::account::components::{NewPasswordField, RequireSignIn};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError};

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let end = ServerAction::<EndSession>::new();
    let everywhere = ServerAction::<SignOutEverywhere>::new();
    let change = ServerAction::<ChangePassword>::new();
    let change_error = Signal::derive(move || change.value().get().and_then(Result::err));
    let sessions = Resource::new(move || end.version().get(), |_| my_sessions());
    let end_error =
        move || end.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> });
    view! {
        <Title text=i18n.t(Key::AccountTitle)/>
        <RequireSignIn children=move |viewer| {
            let member = matches!(viewer.kind, ViewerKind::Member { .. });
            view! {
                <h1>{i18n.t(Key::AccountTitle)}</h1>
                {match viewer.kind {
                    ViewerKind::Member { user, .. } => Some(view! { <p><A href=format!("/people/{user}/documents")>{i18n.t(Key::DocumentsMine)}</A></p> }),
                    ViewerKind::Operator => None,
                }}
                <section aria-labelledby="sessions-title">
                    <h2 id="sessions-title">{i18n.t(Key::AccountSessions)}</h2>
                    <p>{i18n.t(Key::AccountSessionsIntro)}</p>
                    {end_error}
                    <Transition>
                        {move || Suspend::new(async move {
                            match sessions.await {
                                Ok(list) => view! {
                                    <table class="data-table">
                                        <thead>
                                            <tr>
                                                <th scope="col">{i18n.t(Key::AccountBrowser)}</th>
                                                <th scope="col">{i18n.t(Key::AccountSignedInAt)}</th>
                                                <th scope="col">{i18n.t(Key::AccountLastSeen)}</th>
                                                <th scope="col">{i18n.t(Key::PeopleActions)}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {list.into_iter().map(|s| row(i18n, s, end)).collect_view()}
                                        </tbody>
                                    </table>
                                }
                                    .into_any(),
                                Err(error) => view! { <ErrorMessage error/> }.into_any(),
                            }
                        })}
                    </Transition>
                    <ActionForm action=everywhere>
                        <button type="submit" class="button-primary">{i18n.t(Key::AccountSignOutEverywhere)}</button>
                    </ActionForm>
                </section>
                <section aria-labelledby="password-title">
                    <h2 id="password-title">{i18n.t(Key::AccountPassword)}</h2>
                    <Show when=move || matches!(change.value().get(), Some(Ok(())))>
                        <p class="notice" role="status">{i18n.t(Key::AccountPasswordChanged)}</p>
                    </Show>
                    <ActionForm action=change attr:class="form">
                        <label for="current-password">{i18n.t(Key::AccountCurrentPassword)}</label>
                        <input
                            id="current-password"
                            name="current_password"
                            type="password"
                            autocomplete="current-password"
                            aria-describedby="current_password-error"
                            required
                        />
                        <FieldError error=change_error field="current_password"/>
                        <NewPasswordField/>
                        <FormError error=change_error/>
                        <button type="submit" disabled=move || change.pending().get()>
                            {i18n.t(Key::AccountChangePassword)}
                        </button>
                    </ActionForm>
                </section>
                <section aria-labelledby="second-factor-title">
                    <h2 id="second-factor-title">{i18n.t(Key::AccountSecondFactor)}</h2>
                    <p>{i18n.t(Key::AccountSecondFactorIntro)}</p>
                    <A href="/account/second-factor">{i18n.t(Key::AccountSecondFactorManage)}</A>
                </section>
                {member.then(|| view! {
                    <section aria-labelledby="notifications-title">
                        <h2 id="notifications-title">{i18n.t(Key::AccountNotifications)}</h2>
                        <p>{i18n.t(Key::AccountNotificationsIntro)}</p>
                        <A href="/account/notifications">{i18n.t(Key::NotificationSettingsTitle)}</A>
                    </section>
                })}
            }
        }/>
    }
}

fn row(i18n: I18n, session: SessionSummary, end: ServerAction<EndSession>) -> impl IntoView {
    let action = if session.is_current {
        view! { <span>{i18n.t(Key::AccountThisBrowser)}</span> }.into_any()
    } else {
        let label = format!("{} {}", i18n.t(Key::AccountEnd), session.user_agent);
        view! {
            <ActionForm action=end>
                <input type="hidden" name="id" value=session.id/>
                <button type="submit" aria-label=label>{i18n.t(Key::AccountEnd)}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <tr>
            <td>{session.user_agent}</td>
            <td>{session.signed_in_at}</td>
            <td>{session.last_seen_at}</td>
            <td>{action}</td>
        </tr>
    }
}
