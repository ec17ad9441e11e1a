//! A writing as it was shared (or as it stands when it can no longer
//! change): each question with its answer, rating or ratings per item.

use leptos::prelude::*;

use crate::domain::dto::{Answer, EvaluationQuestion, WritingView};
use crate::i18n::{I18n, Key};

pub fn written(i18n: I18n, questions: &[EvaluationQuestion], writing: &WritingView) -> impl IntoView + use<> {
    let rating_of = move |rating: u32, scale: u32| {
        i18n.format(
            Key::EvaluationsRatingOf,
            &[("rating", &rating.to_string()), ("scale", &scale.to_string())],
        )
    };
    let answers = questions
        .iter()
        .map(|asked| {
            let question = &asked.question;
            let answer = writing.answer(question.id).cloned().unwrap_or_else(|| Answer::to(question.id));
            let text =
                (!answer.text.is_empty()).then(|| view! { <p class="answer">{answer.text.clone()}</p> });
            let rating =
                answer.rating.map(|r| view! { <p class="answer">{rating_of(r, question.scale)}</p> });
            let items = (!answer.ratings.is_empty()).then(|| {
                let rows = asked
                    .items
                    .iter()
                    .filter_map(|item| {
                        let (_, rating) = answer.ratings.iter().find(|(id, _)| *id == item.id)?;
                        let values = [
                            ("item", item.name.in_language(i18n.lang)),
                            ("rating", &rating_of(*rating, question.scale)),
                        ];
                        Some(view! { <li>{i18n.format(Key::EvaluationsItemRating, &values)}</li> })
                    })
                    .collect_view();
                view! { <ul class="answer">{rows}</ul> }
            });
            let unanswered =
                answer.is_empty().then(|| view! { <p class="hint">{i18n.t(Key::EvaluationsUnanswered)}</p> });
            view! {
                <dt>{question.text.in_language(i18n.lang).to_owned()}</dt>
                <dd>{text}{rating}{items}{unanswered}</dd>
            }
        })
        .collect_view();
    let when = match &writing.shared {
        Some(at) => i18n.format(Key::EvaluationsSharedOn, &[("at", at)]),
        None => i18n.format(Key::EvaluationsSavedOn, &[("at", &writing.saved)]),
    };
    view! {
        <dl class="answers">{answers}</dl>
        <p class="hint">{when}</p>
    }
}
