//! The fields of a survey's title, introduction and schedule: empty for a
//! new survey, filled in to change one.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::surveys::SurveyForm;
use crate::domain::surveys::SurveyKind;
use crate::i18n::{Key, use_i18n};
use crate::ui::FieldError;

/// `prefix` keeps the ids of several forms on one page apart.
pub fn survey_fields(
    prefix: &str,
    current: Option<SurveyForm>,
    error: Signal<Option<AppError>>,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let current = current.unwrap_or_else(|| SurveyForm {
        open_days: "14".into(),
        repeat_months: "3".into(),
        onboarding_days: "30".into(),
        remind_after_days: "7".into(),
        ..SurveyForm::default()
    });
    let id = {
        let prefix = prefix.to_owned();
        move |field: &str| format!("{prefix}-{field}")
    };
    let kinds = SurveyKind::ALL
        .iter()
        .map(|kind| {
            let selected = kind.code() == current.kind;
            view! { <option value=kind.code() selected=selected>{i18n.t(kind.label_key())}</option> }
        })
        .collect_view();
    view! {
        <label for=id("title-nl")>{i18n.t(Key::SurveysTitleNl)}</label>
        <input id=id("title-nl") name="form[title_nl]" type="text" value=current.title_nl required/>
        <FieldError error field="title_nl"/>
        <label for=id("title-en")>{i18n.t(Key::SurveysTitleEn)}</label>
        <input id=id("title-en") name="form[title_en]" type="text" value=current.title_en/>
        <FieldError error field="title_en"/>
        <label for=id("intro-nl")>{i18n.t(Key::SurveysIntroNl)}</label>
        <textarea id=id("intro-nl") name="form[intro_nl]" rows="3">{current.intro_nl}</textarea>
        <FieldError error field="intro_nl"/>
        <label for=id("intro-en")>{i18n.t(Key::SurveysIntroEn)}</label>
        <textarea id=id("intro-en") name="form[intro_en]" rows="3">{current.intro_en}</textarea>
        <FieldError error field="intro_en"/>
        <label for=id("kind")>{i18n.t(Key::SurveysHowItRuns)}</label>
        <select id=id("kind") name="form[kind]">{kinds}</select>
        <FieldError error field="kind"/>
        <label for=id("open-days")>{i18n.t(Key::SurveysOpenDays)}</label>
        <input id=id("open-days") name="form[open_days]" type="number" min="1" max="90" value=current.open_days required/>
        <FieldError error field="open_days"/>
        <label for=id("repeat")>{i18n.t(Key::SurveysRepeatMonths)}</label>
        <input id=id("repeat") name="form[repeat_months]" type="number" min="1" max="12" value=current.repeat_months/>
        <p class="hint">{i18n.t(Key::SurveysRepeatHint)}</p>
        <FieldError error field="repeat_months"/>
        <label for=id("onboarding")>{i18n.t(Key::SurveysOnboardingDays)}</label>
        <input id=id("onboarding") name="form[onboarding_days]" type="number" min="1" max="365" value=current.onboarding_days/>
        <p class="hint">{i18n.t(Key::SurveysOnboardingHint)}</p>
        <FieldError error field="onboarding_days"/>
        <label for=id("remind")>{i18n.t(Key::SurveysRemindAfter)}</label>
        <input id=id("remind") name="form[remind_after_days]" type="number" min="1" max="90" value=current.remind_after_days/>
        <p class="hint">{i18n.t(Key::SurveysRemindHint)}</p>
        <FieldError error field="remind_after_days"/>
    }
}
