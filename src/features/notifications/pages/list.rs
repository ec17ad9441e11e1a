//! `/notifications`: the newest notifications, unread ones marked; opening
//! one marks it read and goes where it leads (a plain form, so it works
//! without JavaScript too).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::dto::{Notification, NotificationPage};
use crate::domain::notifications::NotificationKind;
use crate::features::account::components::RequireSignIn;
use crate::features::notifications::api::{MarkNotificationsRead, OpenNotification, list_notifications};
use crate::features::notifications::components::UnreadChanged;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let read_all = ServerAction::<MarkNotificationsRead>::new();
    let open = ServerAction::<OpenNotification>::new();
    let shown = Resource::new(move || read_all.version().get(), |_| list_notifications());
    Effect::new(move |_| {
        if read_all.version().get() > 0 {
            UnreadChanged::notify();
        }
    });
    let refused =
        move || open.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> });
    view! {
        <Title text=i18n.t(Key::NotificationsTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::NotificationsTitle)}</h1>
                <p><A href="/account/notifications">{i18n.t(Key::NotificationsSettingsLink)}</A></p>
                {refused}
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok(page) => list(i18n, page, read_all, open).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn list(
    i18n: I18n,
    page: NotificationPage,
    read_all: ServerAction<MarkNotificationsRead>,
    open: ServerAction<OpenNotification>,
) -> impl IntoView {
    if page.items.is_empty() {
        return view! { <p>{i18n.t(Key::NotificationsEmpty)}</p> }.into_any();
    }
    let mark_all = (page.unread > 0).then(|| {
        view! {
            <ActionForm action=read_all attr:class="filter-form">
                <span>{i18n.format(Key::NotificationsUnreadCount, &[("count", &page.unread.to_string())])}</span>
                <button type="submit">{i18n.t(Key::NotificationsMarkAllRead)}</button>
            </ActionForm>
        }
    });
    let items = page
        .items
        .into_iter()
        .map(|item| {
            let class = if item.read { "notification" } else { "notification unread" };
            let unread =
                (!item.read).then(|| view! { <span class="badge">{i18n.t(Key::NotificationsUnread)}</span> });
            let text = describe(i18n, &item);
            view! {
                <li class=class>
                    <ActionForm action=open>
                        <input type="hidden" name="id" value=item.id.to_string()/>
                        <button type="submit" class="link-button">{text}</button>
                    </ActionForm>
                    <span class="hint">{item.at}</span>
                    {unread}
                </li>
            }
        })
        .collect_view();
    view! {
        {mark_all}
        <ul class="notification-list">{items}</ul>
    }
    .into_any()
}

/// What a notification says, composed from what it refers to.
fn describe(i18n: I18n, item: &Notification) -> String {
    let person = item.about.as_ref().map_or(i18n.t(Key::NotificationsSomeone), |p| p.name.as_str());
    let goal = item.goal.as_ref().map_or(i18n.t(Key::NotificationsUnseenGoal), |g| g.title.as_str());
    let year = item.year.map(|y| y.to_string()).unwrap_or_default();
    let date = item.due_on.clone().unwrap_or_default();
    let key = match item.kind {
        NotificationKind::GoalPlanSubmitted => Key::NotificationsGoalPlanSubmitted,
        NotificationKind::GoalPlanReturned => Key::NotificationsGoalPlanReturned,
        NotificationKind::GoalPlanApproved => Key::NotificationsGoalPlanApproved,
        NotificationKind::GoalDueSoon => Key::NotificationsGoalDueSoon,
        NotificationKind::GoalAssigned => Key::NotificationsGoalAssigned,
        NotificationKind::FeedbackReceived => Key::NotificationsFeedbackReceived,
        NotificationKind::FeedbackForManager => Key::NotificationsFeedbackForManager,
        NotificationKind::FeedbackRequested => Key::NotificationsFeedbackRequested,
        NotificationKind::FeedbackRequestReminder => Key::NotificationsFeedbackRequestReminder,
        NotificationKind::OneOnOneUpcoming => Key::NotificationsOneOnOneUpcoming,
        NotificationKind::EvaluationShared => Key::NotificationsEvaluationShared,
        NotificationKind::ReviewReminder => Key::NotificationsReviewReminder,
        NotificationKind::ReviewRequested => Key::NotificationsReviewRequested,
        NotificationKind::SubProcessorAnnounced => Key::NotificationsSubProcessorAnnounced,
        NotificationKind::BreachNotified => Key::NotificationsBreachNotified,
        NotificationKind::BreachUpdated => Key::NotificationsBreachUpdated,
        NotificationKind::ContractEnding => Key::NotificationsContractEnding,
        NotificationKind::RightsRequestForwarded => Key::NotificationsRightsRequestForwarded,
        NotificationKind::SurveyOpened => Key::NotificationsSurveyOpened,
        NotificationKind::SurveyReminder => Key::NotificationsSurveyReminder,
    };
    i18n.format(key, &[("person", person), ("goal", goal), ("year", &year), ("date", &date)])
}
