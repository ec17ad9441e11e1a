//! The viewer's own part of an evaluation while it is theirs to write:
//! each question of the form with its answer field. What is typed is saved
//! as a draft by itself — a moment after the last keystroke and whenever a
//! field is left — and sharing sends the answers as they stand, so nothing
//! typed is lost between the two.

use std::time::Duration;

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{
    Evaluation, EvaluationQuestion, ItemRatingForm, RatedItem, ReviewAnswerForm, WritingForm, WritingView,
    answer_field,
};
use crate::domain::ids::{MomentId, UserId};
use crate::domain::reviews::QuestionKind;
use crate::features::evaluations::api::{SaveEvaluation, ShareEvaluation};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{FieldError, FormError};

/// How long after the last keystroke a draft is saved.
const AUTOSAVE_AFTER: Duration = Duration::from_millis(1200);

/// One question with what is typed in answer to it.
#[derive(Clone)]
struct Draft {
    asked: EvaluationQuestion,
    text: RwSignal<String>,
    rating: RwSignal<String>,
    items: Vec<(RatedItem, RwSignal<String>)>,
}

fn drafts(questions: &[EvaluationQuestion], mine: Option<&WritingView>) -> Vec<Draft> {
    questions
        .iter()
        .map(|asked| {
            let answer = mine.and_then(|m| m.answer(asked.question.id));
            let rated = |item: &RatedItem| {
                answer
                    .and_then(|a| a.ratings.iter().find(|(id, _)| *id == item.id))
                    .map(|(_, rating)| rating.to_string())
                    .unwrap_or_default()
            };
            Draft {
                asked: asked.clone(),
                text: RwSignal::new(answer.map(|a| a.text.clone()).unwrap_or_default()),
                rating: RwSignal::new(
                    answer.and_then(|a| a.rating).map(|r| r.to_string()).unwrap_or_default(),
                ),
                items: asked.items.iter().map(|item| (item.clone(), RwSignal::new(rated(item)))).collect(),
            }
        })
        .collect()
}

fn form_of(drafts: &[Draft]) -> WritingForm {
    WritingForm {
        answers: drafts
            .iter()
            .map(|d| ReviewAnswerForm {
                question: d.asked.question.id.to_string(),
                text: d.text.get_untracked(),
                rating: d.rating.get_untracked(),
                items: d
                    .items
                    .iter()
                    .map(|(item, rating)| ItemRatingForm {
                        item: item.id.to_string(),
                        rating: rating.get_untracked(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[component]
pub fn WritingEditor(
    evaluation: Evaluation,
    save: ServerAction<SaveEvaluation>,
    share: ServerAction<ShareEvaluation>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (moment, employee): (MomentId, UserId) = (evaluation.moment, evaluation.employee.id);
    let drafts = StoredValue::new(drafts(&evaluation.questions, evaluation.mine.as_ref()));
    let save_now = move || {
        save.dispatch(SaveEvaluation { moment, employee, writing: drafts.with_value(|d| form_of(d)) });
    };
    let share_now = move |_| {
        share.dispatch(ShareEvaluation { moment, employee, writing: drafts.with_value(|d| form_of(d)) });
    };
    // Each edit bumps the count; a save waits until the count stood still.
    let edits = StoredValue::new(0u32);
    let edited = move || {
        edits.update_value(|n| *n += 1);
        let seen = edits.get_value();
        set_timeout(
            move || {
                if edits.get_value() == seen {
                    save_now();
                }
            },
            AUTOSAVE_AFTER,
        );
    };
    let error = Signal::derive(move || {
        share.value().get().and_then(Result::err).or_else(|| save.value().get().and_then(Result::err))
    });
    let status = move || {
        if save.pending().get() {
            i18n.t(Key::EvaluationsSaving)
        } else if matches!(save.value().get(), Some(Ok(()))) {
            i18n.t(Key::EvaluationsSaved)
        } else {
            ""
        }
    };
    let questions = drafts.with_value(|all| {
        all.iter()
            .enumerate()
            .map(|(index, draft)| question(i18n, index, draft.clone(), error, edited))
            .collect_view()
    });
    let other = i18n.t(evaluation.viewer.other().label_key());
    view! {
        <form class="form evaluation-form" id="writing" on:submit=|ev| ev.prevent_default()>
            <p class="hint">{i18n.t(Key::EvaluationsAutosaveHint)}</p>
            {questions}
            <p class="autosave-status" role="status" aria-live="polite">{status}</p>
            <FieldError error field="workflow"/>
            <FormError error/>
            <div class="form-actions">
                <button type="button" on:click=move |_| save_now()>{i18n.t(Key::EvaluationsSave)}</button>
                <button type="button" class="button-primary" on:click=share_now disabled=move || share.pending().get()>
                    {i18n.format(Key::EvaluationsShare, &[("party", other)])}
                </button>
            </div>
            <p class="hint">{i18n.t(Key::EvaluationsShareHint)}</p>
        </form>
    }
}

fn question<E: Fn() + Copy + Send + Sync + 'static>(
    i18n: I18n,
    index: usize,
    draft: Draft,
    error: Signal<Option<AppError>>,
    edited: E,
) -> impl IntoView + use<E> {
    let id = format!("answer-{index}");
    let asked = &draft.asked.question;
    let text = asked.text.in_language(i18n.lang).to_owned();
    let hint = asked.hint.in_language(i18n.lang).to_owned();
    let required =
        asked.required.then(|| view! { <span class="required">{i18n.t(Key::EvaluationsRequired)}</span> });
    let scale = asked.scale;
    let field = match asked.kind {
        QuestionKind::Open => {
            let answer = draft.text;
            view! {
                <textarea
                    id=id.clone()
                    rows="6"
                    prop:value=move || answer.get()
                    on:input=move |ev| {
                        answer.set(event_target_value(&ev));
                        edited();
                    }
                ></textarea>
            }
            .into_any()
        }
        QuestionKind::Rating => rating_select(i18n, id.clone(), scale, draft.rating, edited).into_any(),
        QuestionKind::GoalRatings | QuestionKind::CompetencyRatings => {
            if draft.items.is_empty() {
                view! { <p class="hint">{i18n.t(Key::EvaluationsNothingToRate)}</p> }.into_any()
            } else {
                draft
                    .items
                    .iter()
                    .enumerate()
                    .map(|(at, (item, rating))| {
                        let item_id = format!("{id}-{at}");
                        view! {
                            <div class="rated-item">
                                <label for=item_id.clone()>{item.name.in_language(i18n.lang).to_owned()}</label>
                                {rating_select(i18n, item_id, scale, *rating, edited)}
                            </div>
                        }
                    })
                    .collect_view()
                    .into_any()
            }
        }
    };
    let label = match asked.kind {
        QuestionKind::Open | QuestionKind::Rating => {
            view! { <label for=id>{text}{required}</label> }.into_any()
        }
        QuestionKind::GoalRatings | QuestionKind::CompetencyRatings => {
            view! { <p class="question-label">{text}{required}</p> }.into_any()
        }
    };
    view! {
        <div class="question">
            {label}
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
            {field}
            <FieldError error field=answer_field(index)/>
        </div>
    }
}

fn rating_select<E: Fn() + Copy + Send + Sync + 'static>(
    i18n: I18n,
    id: String,
    scale: u32,
    rating: RwSignal<String>,
    edited: E,
) -> impl IntoView + use<E> {
    let options = (1..=scale)
        .map(|n| {
            let value = n.to_string();
            let label =
                i18n.format(Key::EvaluationsRatingOf, &[("rating", &value), ("scale", &scale.to_string())]);
            let chosen = value.clone();
            view! { <option value=value selected=move || rating.get() == chosen>{label}</option> }
        })
        .collect_view();
    view! {
        <select
            id=id
            on:change=move |ev| {
                rating.set(event_target_value(&ev));
                edited();
            }
        >
            <option value="" selected=move || rating.get().is_empty()>{i18n.t(Key::EvaluationsNoRating)}</option>
            {options}
        </select>
    }
}
