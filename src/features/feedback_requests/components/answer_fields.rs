//! A request's questions, each with a text field for its answer, for a
//! colleague in Koers and for an external person behind their link alike.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::i18n::{Key, use_i18n};
use crate::ui::FieldError;

#[component]
pub fn AnswerFields(questions: Vec<String>, error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let fields = questions
        .into_iter()
        .enumerate()
        .map(|(at, question)| {
            let id = format!("answer-{at}");
            view! {
                <fieldset class="answer">
                    <legend>{question}</legend>
                    <label for=id.clone()>{i18n.t(Key::FeedbackRequestsYourAnswer)}</label>
                    <textarea id=id name=format!("form[answers][{at}]") rows="4"></textarea>
                    <FieldError error field=format!("answers.{at}")/>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        {fields}
        <FieldError error field="answers"/>
    }
}
