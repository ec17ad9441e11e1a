//! The answer fields of a form for someone reviewing an employee, as plain
//! named form fields, so the page works without JavaScript (external
//! reviewers answer through a link, on whatever device they have).

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{EvaluationQuestion, answer_field};
use crate::domain::reviews::QuestionKind;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::FieldError;

#[component]
pub fn ReviewerFields(questions: Vec<EvaluationQuestion>, error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    questions
        .into_iter()
        .enumerate()
        .map(|(index, asked)| {
            let question = asked.question;
            let name = |field: &str| format!("writing[answers][{index}][{field}]");
            let id = format!("review-{index}");
            let text = question.text.in_language(i18n.lang).to_owned();
            let hint = question.hint.in_language(i18n.lang).to_owned();
            let required =
                question.required.then(|| view! { <span class="required">{i18n.t(Key::EvaluationsRequired)}</span> });
            let field = match question.kind {
                QuestionKind::Open => {
                    view! { <textarea id=id.clone() name=name("text") rows="5"></textarea> }.into_any()
                }
                QuestionKind::Rating => ratings(i18n, id.clone(), name("rating"), question.scale).into_any(),
                QuestionKind::GoalRatings | QuestionKind::CompetencyRatings => asked
                    .items
                    .into_iter()
                    .enumerate()
                    .map(|(at, item)| {
                        let item_id = format!("{id}-{at}");
                        let item_name = |field: &str| format!("writing[answers][{index}][items][{at}][{field}]");
                        view! {
                            <div class="rated-item">
                                <input type="hidden" name=item_name("item") value=item.id.to_string()/>
                                <label for=item_id.clone()>{item.name.in_language(i18n.lang).to_owned()}</label>
                                {ratings(i18n, item_id, item_name("rating"), question.scale)}
                            </div>
                        }
                    })
                    .collect_view()
                    .into_any(),
            };
            let label = match question.kind {
                QuestionKind::Open | QuestionKind::Rating => {
                    view! { <label for=id>{text}{required}</label> }.into_any()
                }
                QuestionKind::GoalRatings | QuestionKind::CompetencyRatings => {
                    view! { <p class="question-label">{text}{required}</p> }.into_any()
                }
            };
            view! {
                <div class="question">
                    <input type="hidden" name=name("question") value=question.id.to_string()/>
                    {label}
                    {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
                    {field}
                    <FieldError error field=answer_field(index)/>
                </div>
            }
        })
        .collect_view()
}

fn ratings(i18n: I18n, id: String, name: String, scale: u32) -> impl IntoView + use<> {
    let options = (1..=scale)
        .map(|n| {
            let label = i18n.format(
                Key::EvaluationsRatingOf,
                &[("rating", &n.to_string()), ("scale", &scale.to_string())],
            );
            view! { <option value=n.to_string()>{label}</option> }
        })
        .collect_view();
    view! {
        <select id=id name=name>
            <option value="">{i18n.t(Key::EvaluationsNoRating)}</option>
            {options}
        </select>
    }
}
