//! `/feedback/requests/new`: ask colleagues and people outside the
//! organisation for feedback, with one's own questions and a deadline.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::AppError;
use crate::domain::dto::{EXTERNAL_ROWS, PersonRef, QUESTION_ROWS};
use crate::features::account::components::RequireSignIn;
use crate::features::feedback::api::feedback_form_choices;
use crate::features::feedback_requests::api::AskForFeedback;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError};

#[component]
pub fn AskFeedbackPage() -> impl IntoView {
    let i18n = use_i18n();
    let ask = ServerAction::<AskForFeedback>::new();
    let choices = Resource::new(|| (), |_| feedback_form_choices());
    let error: Signal<Option<AppError>> = Signal::derive(move || ask.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::FeedbackRequestsNew)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/feedback/requests">{i18n.t(Key::FeedbackRequestsTitle)}</A></p>
                <h1>{i18n.t(Key::FeedbackRequestsNew)}</h1>
                <Transition>
                    {move || Suspend::new(async move {
                        match choices.await {
                            Ok(choices) => view! {
                                <ActionForm action=ask attr:class="form wide-form">
                                    {questions(i18n, error)}
                                    <label for="request-deadline">{i18n.t(Key::FeedbackRequestsDeadline)}</label>
                                    <input id="request-deadline" name="form[deadline]" type="date" required/>
                                    <FieldError error field="deadline"/>
                                    {colleagues(i18n, &choices.people, error)}
                                    {externals(i18n, error)}
                                    <FieldError error field="asked"/>
                                    <FormError error/>
                                    <button type="submit" class="button-primary">{i18n.t(Key::FeedbackRequestsSend)}</button>
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

fn questions(i18n: I18n, error: Signal<Option<AppError>>) -> impl IntoView {
    let rows = (0..QUESTION_ROWS)
        .map(|at| {
            let id = format!("request-question-{at}");
            let number = (at + 1).to_string();
            view! {
                <label for=id.clone()>{i18n.format(Key::FeedbackRequestsQuestionNumber, &[("number", &number)])}</label>
                <input id=id name=format!("form[questions][{at}]") type="text"/>
                <FieldError error field=format!("questions.{at}")/>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>{i18n.t(Key::FeedbackRequestsQuestions)}</legend>
            <p class="hint">{i18n.t(Key::FeedbackRequestsQuestionsHint)}</p>
            {rows}
            <FieldError error field="questions"/>
        </fieldset>
    }
}

fn colleagues(i18n: I18n, people: &[PersonRef], error: Signal<Option<AppError>>) -> impl IntoView + use<> {
    let boxes = people
        .iter()
        .enumerate()
        .map(|(at, person)| {
            view! {
                <label>
                    <input type="checkbox" name=format!("form[colleagues][{at}]") value=person.id.to_string()/>
                    {person.name.clone()}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="checkbox-group">
            <legend>{i18n.t(Key::FeedbackRequestsColleagues)}</legend>
            {boxes}
        </fieldset>
        <FieldError error field="colleagues"/>
    }
}

fn externals(i18n: I18n, error: Signal<Option<AppError>>) -> impl IntoView {
    let rows = (0..EXTERNAL_ROWS)
        .map(|at| {
            let field = move |name: &str| format!("form[externals][{at}][{name}]");
            let id = move |name: &str| format!("external-{at}-{name}");
            let number = (at + 1).to_string();
            view! {
                <fieldset class="key-result">
                    <legend>{i18n.format(Key::FeedbackRequestsExternalNumber, &[("number", &number)])}</legend>
                    <label for=id("name")>{i18n.t(Key::FeedbackRequestsExternalName)}</label>
                    <input id=id("name") name=field("name") type="text" autocomplete="off"/>
                    <FieldError error field=format!("externals.{at}.name")/>
                    <label for=id("email")>{i18n.t(Key::FeedbackRequestsExternalEmail)}</label>
                    <input id=id("email") name=field("email") type="email" autocomplete="off"/>
                    <FieldError error field=format!("externals.{at}.email")/>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <h2>{i18n.t(Key::FeedbackRequestsExternals)}</h2>
        <p class="hint">{i18n.t(Key::FeedbackRequestsExternalsHint)}</p>
        {rows}
    }
}
