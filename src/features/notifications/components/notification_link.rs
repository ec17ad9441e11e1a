//! The header's link to the notifications, with the number unread. It asks
//! again on every navigation, and when a page says it marked some read.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::domain::dto::ViewerKind;
use crate::features::account::components::use_viewer;
use crate::features::notifications::api::unread_notifications;
use crate::i18n::{Key, use_i18n};

/// Bumped by a page that marked notifications read, so the count follows.
#[derive(Clone, Copy, Debug)]
pub struct UnreadChanged(RwSignal<u32>);

impl UnreadChanged {
    pub fn provide() {
        provide_context(UnreadChanged(RwSignal::new(0)));
    }

    pub fn notify() {
        if let Some(UnreadChanged(changes)) = use_context::<UnreadChanged>() {
            changes.update(|n| *n += 1);
        }
    }
}

#[component]
pub fn NotificationLink() -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let path = use_location().pathname;
    let changes = use_context::<UnreadChanged>().map(|UnreadChanged(changes)| changes);
    let unread = Resource::new(move || (path.get(), changes.map(|c| c.get())), |_| unread_notifications());
    view! {
        <Transition>
            {move || Suspend::new(async move {
                let member = matches!(viewer.await, Ok(Some(ref v)) if matches!(v.kind, ViewerKind::Member { .. }));
                let count = if member { unread.await.unwrap_or(0) } else { 0 };
                member.then(|| {
                    let label = i18n.format(Key::NotificationsUnreadCount, &[("count", &count.to_string())]);
                    view! {
                        <A href="/notifications" attr:class="notification-link">
                            {i18n.t(Key::NavNotifications)}
                            {(count > 0).then(|| view! { <span class="badge" aria-label=label.clone() title=label>{count}</span> })}
                        </A>
                    }
                })
            })}
        </Transition>
    }
}
