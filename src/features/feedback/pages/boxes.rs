//! `/feedback`: the feedback one received (`?box=received`, the default),
//! gave (`given`), what one's reports received that managers may read
//! (`team`), and everyone's public praise (`praise`). Received feedback can
//! be tied to one of one's goals.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::dto::{Feedback, FeedbackBox, GoalRef};
use crate::features::account::components::RequireSignIn;
use crate::features::feedback::api::{LinkFeedbackGoal, list_feedback};
use crate::features::goals::api::list_goals;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn FeedbackPage() -> impl IntoView {
    let i18n = use_i18n();
    let link = ServerAction::<LinkFeedbackGoal>::new();
    let query = use_query_map();
    let shown_box = move || FeedbackBox::from_code(&query.with(|q| q.get("box").unwrap_or_default()));
    let shown = Resource::new(
        move || (shown_box(), link.version().get()),
        |(feedback_box, _)| async move {
            let items = list_feedback(feedback_box.code().to_owned()).await?;
            // Received feedback can be tied to one of this year's own goals.
            let goals = if feedback_box == FeedbackBox::Received {
                let own = list_goals(0, String::new(), String::new()).await?.goals;
                own.into_iter().map(|g| GoalRef { id: g.id, title: g.title, kind: g.kind }).collect()
            } else {
                Vec::new()
            };
            Ok::<_, crate::domain::AppError>((feedback_box, items, goals))
        },
    );
    let refused =
        move || link.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> });
    view! {
        <Title text=i18n.t(Key::FeedbackTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::FeedbackTitle)}</h1>
                <p class="row-actions">
                    <A href="/feedback/give" attr:class="button-primary">{i18n.t(Key::FeedbackGive)}</A>
                    <A href="/feedback/requests" attr:class="button-primary">{i18n.t(Key::FeedbackRequestsTitle)}</A>
                </p>
                <nav class="tabs" aria-label=i18n.t(Key::FeedbackTitle)>
                    {[
                        (FeedbackBox::Received, Key::FeedbackReceived),
                        (FeedbackBox::Given, Key::FeedbackGiven),
                        (FeedbackBox::Team, Key::FeedbackTeam),
                        (FeedbackBox::Praise, Key::FeedbackPraise),
                    ]
                        .into_iter()
                        .map(|(feedback_box, key)| {
                            let current = move || (shown_box() == feedback_box).then_some("page");
                            view! {
                                <a href=format!("/feedback?box={}", feedback_box.code()) aria-current=current>
                                    {i18n.t(key)}
                                </a>
                            }
                        })
                        .collect_view()}
                </nav>
                {refused}
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok((feedback_box, items, goals)) => list(i18n, feedback_box, items, goals, link).into_any(),
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
    feedback_box: FeedbackBox,
    items: Vec<Feedback>,
    goals: Vec<GoalRef>,
    link: ServerAction<LinkFeedbackGoal>,
) -> impl IntoView {
    if items.is_empty() {
        return view! { <p>{i18n.t(Key::FeedbackEmpty)}</p> }.into_any();
    }
    let cards = items
        .into_iter()
        .map(|item| {
            let tie = (feedback_box == FeedbackBox::Received).then(|| link_form(i18n, &item, &goals, link));
            card(i18n, item, tie)
        })
        .collect_view();
    view! { <ul class="feedback-list">{cards}</ul> }.into_any()
}

fn card(i18n: I18n, item: Feedback, tie: Option<impl IntoView + 'static>) -> impl IntoView {
    let giver = match (item.giver, item.external_giver) {
        (Some(giver), _) => giver.name,
        (None, Some(name)) => i18n.format(Key::FeedbackExternalGiver, &[("name", &name)]),
        (None, None) => i18n.t(Key::FeedbackFormerColleague).to_owned(),
    };
    let heading = i18n.format(Key::FeedbackFromTo, &[("giver", &giver), ("recipient", &item.recipient.name)]);
    let about = item.about.map(|name| {
        view! { <span class="badge">{name.in_language(i18n.lang).to_owned()}</span> }
    });
    let goal = item.goal.map(|goal| {
        view! {
            <p class="hint inline-pair">
                <span>{i18n.t(Key::FeedbackOnGoal)}</span>
                <A href=format!("/goals/{}", goal.id)>{goal.title}</A>
            </p>
        }
    });
    view! {
        <li class="feedback-card">
            <p class="feedback-meta">
                <strong>{heading}</strong>
                <span class="hint">{item.at}</span>
                <span class="badge">{i18n.t(item.visibility.label_key())}</span>
                {about}
            </p>
            <p class="goal-text">{item.body}</p>
            {goal}
            {tie}
        </li>
    }
}

fn link_form(
    i18n: I18n,
    item: &Feedback,
    goals: &[GoalRef],
    link: ServerAction<LinkFeedbackGoal>,
) -> impl IntoView + use<> {
    let id = item.id.to_string();
    let current = item.goal.as_ref().map(|g| g.id);
    let select_id = format!("link-{id}");
    let options = goals
        .iter()
        .map(|goal| {
            view! { <option value=goal.id.to_string() selected=Some(goal.id) == current>{goal.title.clone()}</option> }
        })
        .collect_view();
    view! {
        <ActionForm action=link attr:class="filter-form">
            <input type="hidden" name="id" value=id/>
            <label for=select_id.clone()>{i18n.t(Key::FeedbackLinkGoal)}</label>
            <select id=select_id name="goal">
                <option value="">{i18n.t(Key::FeedbackNoGoal)}</option>
                {options}
            </select>
            <button type="submit">{i18n.t(Key::FeedbackSaveLink)}</button>
        </ActionForm>
    }
}
