//! `/feedback/requests/{asked}/answer`: a colleague answers a request for
//! feedback and chooses who may read the answer, with the preview of
//! exactly who that will be.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::AppError;
use crate::domain::dto::RequestToAnswer;
use crate::domain::feedback::FeedbackVisibility;
use crate::domain::ids::AskedId;
use crate::features::account::components::RequireSignIn;
use crate::features::feedback::api::preview_feedback;
use crate::features::feedback::components::{PreviewResource, VisibilityChoice};
use crate::features::feedback_requests::api::{AnswerFeedbackRequest, load_request_to_answer};
use crate::features::feedback_requests::components::AnswerFields;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FormError};

#[component]
pub fn AnswerRequestPage() -> impl IntoView {
    let i18n = use_i18n();
    let answer = ServerAction::<AnswerFeedbackRequest>::new();
    let asked = move || use_params_map().with(|p| p.get("asked")).unwrap_or_default();
    let request = Resource::new(asked, |asked| async move {
        let asked = AskedId(asked.parse().map_err(|_| AppError::NotFound)?);
        load_request_to_answer(asked).await
    });
    view! {
        <Title text=i18n.t(Key::FeedbackRequestsTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/feedback/requests">{i18n.t(Key::FeedbackRequestsTitle)}</A></p>
                <Transition>
                    {move || Suspend::new(async move {
                        match request.await {
                            Ok(request) => form(i18n, request, answer).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn form(i18n: I18n, request: RequestToAnswer, answer: ServerAction<AnswerFeedbackRequest>) -> impl IntoView {
    let error: Signal<Option<AppError>> = Signal::derive(move || answer.value().get().and_then(Result::err));
    let visibility = RwSignal::new(FeedbackVisibility::Recipient);
    let requester = request.requester.id.to_string();
    let preview: PreviewResource = Resource::new(
        move || visibility.get(),
        move |visibility| {
            let requester = requester.clone();
            async move { preview_feedback(requester, visibility.code().to_owned()).await.map(Some) }
        },
    );
    let name = request.requester.name.clone();
    view! {
        <h1>{i18n.format(Key::FeedbackRequestsAnswerTitle, &[("person", &name)])}</h1>
        <p>{i18n.format(Key::FeedbackRequestsAnswerIntro, &[("person", &name), ("date", &request.deadline)])}</p>
        <ActionForm action=answer attr:class="form wide-form">
            <input type="hidden" name="asked" value=request.asked.to_string()/>
            <AnswerFields questions=request.questions error/>
            <VisibilityChoice options=request.allowed visibility preview error/>
            <FormError error/>
            <button type="submit" class="button-primary">{i18n.t(Key::FeedbackRequestsSendAnswers)}</button>
        </ActionForm>
    }
}
