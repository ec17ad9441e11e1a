//! `/admin/surveys`: the organisation's surveys with their rounds, a new
//! survey, and the anonymity threshold for rounds that open from now on.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::AppError;
use crate::domain::anonymity::MINIMUM_THRESHOLD;
use crate::domain::dto::surveys::SurveySummary;
use crate::domain::surveys::THRESHOLD_MAX;
use crate::features::account::components::RequireSignIn;
use crate::features::surveys::api::{CreateSurvey, SetSurveyThreshold, list_surveys};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError};

use super::fields::survey_fields;

#[component]
pub fn ManageSurveysPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateSurvey>::new();
    let threshold = ServerAction::<SetSurveyThreshold>::new();
    let surveys = Resource::new(|| (), |_| list_surveys());
    let error: Signal<Option<AppError>> = Signal::derive(move || create.value().get().and_then(Result::err));
    let threshold_error: Signal<Option<AppError>> =
        Signal::derive(move || threshold.value().get().and_then(Result::err));
    let threshold_saved = move || {
        matches!(threshold.value().get(), Some(Ok(())))
            .then(|| view! { <p role="status">{i18n.t(Key::SurveysThresholdSaved)}</p> })
    };
    view! {
        <Title text=i18n.t(Key::SurveysManageTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::SurveysManageTitle)}</h1>
                <p>{i18n.t(Key::SurveysManageIntro)}</p>
                <Transition>
                    {move || Suspend::new(async move {
                        match surveys.await {
                            Ok(list) if list.is_empty() => view! { <p>{i18n.t(Key::SurveysNone)}</p> }.into_any(),
                            Ok(list) => survey_table(i18n, list).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
                <section aria-labelledby="new-survey-title">
                    <h2 id="new-survey-title">{i18n.t(Key::SurveysNew)}</h2>
                    <p class="hint">{i18n.t(Key::SurveysNewHint)}</p>
                    <ActionForm action=create attr:class="form wide-form">
                        {survey_fields("new", None, error)}
                        <FormError error/>
                        <button type="submit" class="button-primary">{i18n.t(Key::SurveysCreate)}</button>
                    </ActionForm>
                </section>
                <section aria-labelledby="threshold-title">
                    <h2 id="threshold-title">{i18n.t(Key::SurveysThresholdTitle)}</h2>
                    <p class="hint">{i18n.t(Key::SurveysThresholdHint)}</p>
                    <ActionForm action=threshold attr:class="form">
                        <label for="threshold">{i18n.t(Key::SurveysThreshold)}</label>
                        <input id="threshold" name="threshold" type="number"
                            min=MINIMUM_THRESHOLD.to_string() max=THRESHOLD_MAX.to_string() required/>
                        <FieldError error=threshold_error field="threshold"/>
                        <FormError error=threshold_error/>
                        {threshold_saved}
                        <button type="submit" class="button-primary">{i18n.t(Key::SurveysThresholdSave)}</button>
                    </ActionForm>
                </section>
            }
        }/>
    }
}

fn survey_table(i18n: I18n, list: Vec<SurveySummary>) -> impl IntoView {
    let rows = list
        .into_iter()
        .map(|survey| {
            let latest = survey.rounds.first().map(|round| round.line(i18n.lang)).unwrap_or_else(|| i18n.t(Key::SurveysNoRounds).to_owned());
            view! {
                <tr>
                    <td><A href=format!("/admin/surveys/{}", survey.id)>{survey.title.in_language(i18n.lang).to_owned()}</A></td>
                    <td>{i18n.t(survey.kind.label_key())}</td>
                    <td>{survey.questions.to_string()}</td>
                    <td>{latest}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table" id="surveys">
                <thead><tr>
                    <th>{i18n.t(Key::SurveysColumnTitle)}</th>
                    <th>{i18n.t(Key::SurveysHowItRuns)}</th>
                    <th>{i18n.t(Key::SurveysColumnQuestions)}</th>
                    <th>{i18n.t(Key::SurveysColumnLatest)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
