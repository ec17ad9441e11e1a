//! `/feedback/give` (optionally `?to={person}`): feedback to a colleague,
//! about a goal of theirs, a competency or a core value, with a choice of
//! who may read it. The preview names exactly who will be able to read it,
//! and which choices the organisation allows for this person.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::AppError;
use crate::domain::dto::FeedbackChoices;
use crate::domain::feedback::FeedbackVisibility;
use crate::features::account::components::RequireSignIn;
use crate::features::feedback::api::{GiveFeedback, feedback_form_choices, preview_feedback};
use crate::features::feedback::components::{PreviewResource, VisibilityChoice};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError};

#[component]
pub fn GiveFeedbackPage() -> impl IntoView {
    let i18n = use_i18n();
    let give = ServerAction::<GiveFeedback>::new();
    let choices = Resource::new(|| (), |_| feedback_form_choices());
    let recipient = RwSignal::new(use_query_map().get_untracked().get("to").unwrap_or_default());
    let visibility = RwSignal::new(FeedbackVisibility::Recipient);
    let preview = Resource::new(
        move || (recipient.get(), visibility.get()),
        |(recipient, visibility)| async move {
            if recipient.is_empty() {
                return Ok(None);
            }
            preview_feedback(recipient, visibility.code().to_owned()).await.map(Some)
        },
    );
    let error: Signal<Option<AppError>> = Signal::derive(move || give.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::FeedbackGive)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/feedback">{i18n.t(Key::FeedbackTitle)}</A></p>
                <h1>{i18n.t(Key::FeedbackGive)}</h1>
                <Transition>
                    {move || Suspend::new(async move {
                        match choices.await {
                            Ok(choices) => view! {
                                <ActionForm action=give attr:class="form wide-form">
                                    {fields(i18n, choices, recipient, visibility, preview, error)}
                                    <FormError error/>
                                    <button type="submit" class="button-primary">{i18n.t(Key::FeedbackSend)}</button>
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

fn fields(
    i18n: I18n,
    choices: FeedbackChoices,
    recipient: RwSignal<String>,
    visibility: RwSignal<FeedbackVisibility>,
    preview: PreviewResource,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let chosen = recipient.get_untracked();
    let people = choices
        .people
        .iter()
        .map(|p| {
            let id = p.id.to_string();
            let selected = id == chosen;
            view! { <option value=id selected=selected>{p.name.clone()}</option> }
        })
        .collect_view();
    let named = |list: &[(String, crate::domain::dto::FunctionName)], kind: &'static str| {
        list.iter()
            .map(|(id, name)| {
                view! { <option value=format!("{kind}:{id}")>{name.in_language(i18n.lang).to_owned()}</option> }
            })
            .collect_view()
    };
    let (competencies, values) =
        (named(&choices.competencies, "competency"), named(&choices.values, "value"));
    // The recipient's goals, once someone is chosen.
    let goals = move || {
        Suspend::new(async move {
            let goals = preview.await.ok().flatten().map(|p| p.goals).unwrap_or_default();
            (!goals.is_empty()).then(|| {
                let options = goals
                    .into_iter()
                    .map(|g| view! { <option value=format!("goal:{}", g.id)>{g.title}</option> })
                    .collect_view();
                view! { <optgroup label=i18n.t(Key::FeedbackGoals)>{options}</optgroup> }
            })
        })
    };
    view! {
        <label for="feedback-recipient">{i18n.t(Key::FeedbackRecipient)}</label>
        <select id="feedback-recipient" name="form[recipient]" required
            on:change=move |event| recipient.set(event_target_value(&event))>
            <option value="">{i18n.t(Key::FeedbackChooseRecipient)}</option>
            {people}
        </select>
        <FieldError error field="recipient"/>
        <label for="feedback-about">{i18n.t(Key::FeedbackAbout)}</label>
        <select id="feedback-about" name="form[about]">
            <option value="">{i18n.t(Key::FeedbackAboutNothing)}</option>
            <Transition>{goals}</Transition>
            <optgroup label=i18n.t(Key::FeedbackCompetencies)>{competencies}</optgroup>
            <optgroup label=i18n.t(Key::FeedbackValues)>{values}</optgroup>
        </select>
        <FieldError error field="about"/>
        <p class="hint">{i18n.t(Key::FeedbackPraiseHint)}</p>
        <VisibilityChoice options=FeedbackVisibility::ALL.to_vec() visibility preview error/>
        <label for="feedback-body">{i18n.t(Key::FeedbackBody)}</label>
        <textarea id="feedback-body" name="form[body]" rows="6" required></textarea>
        <FieldError error field="body"/>
    }
}
