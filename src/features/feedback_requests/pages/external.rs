//! `/f/{token}`: an external person's page to answer a feedback request,
//! without an account and without JavaScript. It shows only the questions
//! and the requester's name and organisation; once answered, expired or
//! withdrawn, it says the link no longer works.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::domain::AppError;
use crate::domain::dto::ExternalRequest;
use crate::features::feedback_requests::api::{AnswerAsExternal, external_feedback_request};
use crate::features::feedback_requests::components::AnswerFields;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FormError};

#[component]
pub fn ExternalFeedbackPage() -> impl IntoView {
    let i18n = use_i18n();
    let answer = ServerAction::<AnswerAsExternal>::new();
    let token = move || use_params_map().with(|p| p.get("token")).unwrap_or_default();
    let request = Resource::new(token, external_feedback_request);
    view! {
        <Title text=i18n.t(Key::FeedbackRequestsTitle)/>
        <section class="narrow-page">
            <Suspense>
                {move || Suspend::new(async move {
                    match request.await {
                        Ok(Some(request)) => form(i18n, request, token(), answer).into_any(),
                        Ok(None) => view! { <ErrorMessage error=AppError::FeedbackLinkInvalid/> }.into_any(),
                        Err(error) => view! { <ErrorMessage error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

fn form(
    i18n: I18n,
    request: ExternalRequest,
    token: String,
    answer: ServerAction<AnswerAsExternal>,
) -> impl IntoView {
    let error: Signal<Option<AppError>> = Signal::derive(move || answer.value().get().and_then(Result::err));
    let values = [
        ("person", request.requester.as_str()),
        ("organisation", request.organisation.as_str()),
        ("date", request.deadline.as_str()),
    ];
    view! {
        <h1>{i18n.format(Key::FeedbackRequestsAnswerTitle, &[("person", &request.requester)])}</h1>
        <p>{i18n.format(Key::FeedbackRequestsExternalIntro, &values)}</p>
        <ActionForm action=answer attr:class="form">
            <input type="hidden" name="token" value=token/>
            <AnswerFields questions=request.questions error/>
            <FormError error/>
            <button type="submit" class="button-primary">{i18n.t(Key::FeedbackRequestsSendAnswers)}</button>
        </ActionForm>
        <p class="hint">{i18n.format(Key::FeedbackRequestsExternalPrivacy, &values)}</p>
    }
}

/// `/feedback/thanks`: where an external person lands after answering.
#[component]
pub fn FeedbackThanksPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(Key::FeedbackRequestsThanksTitle)/>
        <section class="narrow-page">
            <h1>{i18n.t(Key::FeedbackRequestsThanksTitle)}</h1>
            <p>{i18n.t(Key::FeedbackRequestsThanksBody)}</p>
        </section>
    }
}
