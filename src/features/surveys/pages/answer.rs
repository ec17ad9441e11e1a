//! `/surveys/answer/{round}`: answering a survey, on a phone or a desktop.
//! Answers can be saved and finished later, until the round closes; sending
//! them makes them anonymous for good. The page says what anonymous means.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::AppError;
use crate::domain::dto::surveys::{Answer, SurveyQuestion, SurveyToAnswer};
use crate::domain::ids::SurveyRoundId;
use crate::domain::surveys::SurveyQuestionKind;
use crate::features::account::components::RequireSignIn;
use crate::features::surveys::api::{AnswerSurvey, load_survey_to_answer};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError};

const AGREEMENT: [Key; 5] =
    [Key::SurveysAgree1, Key::SurveysAgree2, Key::SurveysAgree3, Key::SurveysAgree4, Key::SurveysAgree5];

#[component]
pub fn AnswerSurveyPage() -> impl IntoView {
    let i18n = use_i18n();
    let answer = ServerAction::<AnswerSurvey>::new();
    let round = move || use_params_map().with(|p| p.get("round")).unwrap_or_default();
    let survey = Resource::new(round, |round| async move {
        load_survey_to_answer(SurveyRoundId(round.parse().map_err(|_| AppError::NotFound)?)).await
    });
    view! {
        <Title text=i18n.t(Key::SurveysAnswerTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/surveys">{i18n.t(Key::SurveysBackToMine)}</A></p>
                <Transition>
                    {move || Suspend::new(async move {
                        match survey.await {
                            Ok(survey) => answer_form(i18n, survey, answer).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn answer_form(
    i18n: I18n,
    survey: SurveyToAnswer,
    action: ServerAction<AnswerSurvey>,
) -> impl IntoView + use<> {
    let error: Signal<Option<AppError>> = Signal::derive(move || action.value().get().and_then(Result::err));
    let closes_on = survey.closes_on.clone();
    let saved = move || {
        matches!(action.value().get(), Some(Ok(()))).then(|| {
            let text = i18n.format(Key::SurveysSaved, &[("date", &closes_on)]);
            view! { <p role="status" id="saved">{text}</p> }
        })
    };
    let intro = survey.intro.in_language(i18n.lang).to_owned();
    let intro = (!intro.is_empty()).then(|| view! { <p>{intro}</p> });
    let anonymity = i18n.format(Key::SurveysAnonymityBody, &[("threshold", &survey.threshold.to_string())]);
    let until = i18n.format(Key::SurveysOpenUntil, &[("date", &survey.closes_on)]);
    let questions = survey
        .questions
        .iter()
        .enumerate()
        .map(|(at, question)| {
            let saved =
                survey.saved.iter().find(|a| a.question == Some(question.id)).cloned().unwrap_or_default();
            question_field(i18n, at, question, saved, error)
        })
        .collect_view();
    view! {
        <h1>{survey.title.in_language(i18n.lang).to_owned()}</h1>
        <p class="hint">{until}</p>
        {intro}
        <aside class="notice" aria-labelledby="anonymity-title">
            <h2 id="anonymity-title">{i18n.t(Key::SurveysAnonymityTitle)}</h2>
            <p>{anonymity}</p>
            <details>
                <summary>{i18n.t(Key::SurveysAnonymityMore)}</summary>
                <ul>
                    <li>{i18n.t(Key::SurveysAnonymityNoLink)}</li>
                    <li>{i18n.t(Key::SurveysAnonymityGroups)}</li>
                    <li>{i18n.t(Key::SurveysAnonymityComments)}</li>
                    <li>{i18n.t(Key::SurveysAnonymityDraft)}</li>
                    <li>{i18n.t(Key::SurveysAnonymityReplies)}</li>
                </ul>
            </details>
        </aside>
        <ActionForm action=action attr:class="form wide-form survey-form">
            <input type="hidden" name="round" value=survey.round.to_string()/>
            {questions}
            <FieldError error field="answers"/>
            <FormError error/>
            {saved}
            <div class="row-actions">
                <button type="submit" class="link-button">{i18n.t(Key::SurveysSaveForLater)}</button>
                <button type="submit" name="send" value="1" class="button-primary">{i18n.t(Key::SurveysSend)}</button>
            </div>
        </ActionForm>
    }
}

fn question_field(
    i18n: I18n,
    at: usize,
    question: &SurveyQuestion,
    saved: Answer,
    error: Signal<Option<AppError>>,
) -> impl IntoView + use<> {
    let field = format!("answer_{}", question.id);
    let text = question.text.in_language(i18n.lang).to_owned();
    let name = |part: &str| format!("answers[{at}][{part}]");
    let input = match question.kind {
        SurveyQuestionKind::Open => {
            let id = format!("comment-{at}");
            view! {
                <label for=id.clone()>{text}</label>
                <textarea id=id name=name("comment") rows="4">{saved.comment}</textarea>
            }
            .into_any()
        }
        kind => {
            let scale: Vec<i32> = kind.scores().map(|range| range.collect()).unwrap_or_default();
            let options = scale
                .into_iter()
                .map(|score| {
                    let label = match kind {
                        SurveyQuestionKind::Likert => usize::try_from(score - 1)
                            .ok()
                            .and_then(|i| AGREEMENT.get(i))
                            .map_or_else(|| score.to_string(), |key| i18n.t(*key).to_owned()),
                        _ => score.to_string(),
                    };
                    view! {
                        <label class="scale-option">
                            <input type="radio" name=name("score") value=score.to_string()
                                checked=saved.score == Some(score)/>
                            <span>{label}</span>
                        </label>
                    }
                })
                .collect_view();
            let hint = (kind == SurveyQuestionKind::Enps)
                .then(|| view! { <p class="hint">{i18n.t(Key::SurveysEnpsHint)}</p> });
            view! {
                <fieldset class="scale">
                    <legend>{text}</legend>
                    {hint}
                    <div class="scale-options">{options}</div>
                </fieldset>
            }
            .into_any()
        }
    };
    view! {
        <div class="survey-question">
            <input type="hidden" name=name("question") value=question.id.to_string()/>
            {input}
            <FieldError error field=field/>
        </div>
    }
}
