//! `/admin/surveys/{id}`: a survey's builder — its rounds (open one now or
//! on a day, close one early), its questions from the library or of one's
//! own, the units it is for, its title and schedule. Questions and units
//! are fixed once a round has opened.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::AppError;
use crate::domain::dto::surveys::{RoundState, SurveyDetails, SurveyQuestion};
use crate::domain::ids::SurveyId;
use crate::domain::surveys::library;
use crate::domain::surveys::{SurveyQuestionKind, Theme};
use crate::features::account::components::RequireSignIn;
use crate::features::surveys::api::{
    AddCustomQuestion, AddLibraryQuestion, CloseSurveyRound, DeleteSurvey, MoveSurveyQuestion,
    RemoveSurveyQuestion, ScheduleSurvey, SetSurveyUnits, UpdateSurvey, load_survey,
};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, successes};

use super::fields::survey_fields;

/// Every change the builder makes; one that succeeded reloads the survey.
#[derive(Clone, Copy)]
struct Edits {
    update: ServerAction<UpdateSurvey>,
    library: ServerAction<AddLibraryQuestion>,
    custom: ServerAction<AddCustomQuestion>,
    remove: ServerAction<RemoveSurveyQuestion>,
    shift: ServerAction<MoveSurveyQuestion>,
    units: ServerAction<SetSurveyUnits>,
    schedule: ServerAction<ScheduleSurvey>,
    close: ServerAction<CloseSurveyRound>,
    delete: ServerAction<DeleteSurvey>,
}

impl Edits {
    fn new() -> Edits {
        Edits {
            update: ServerAction::new(),
            library: ServerAction::new(),
            custom: ServerAction::new(),
            remove: ServerAction::new(),
            shift: ServerAction::new(),
            units: ServerAction::new(),
            schedule: ServerAction::new(),
            close: ServerAction::new(),
            delete: ServerAction::new(),
        }
    }

    fn outcomes(self) -> [Option<Result<(), AppError>>; 8] {
        [
            self.update.value().get(),
            self.library.value().get(),
            self.custom.value().get(),
            self.remove.value().get(),
            self.shift.value().get(),
            self.units.value().get(),
            self.schedule.value().get(),
            self.close.value().get(),
        ]
    }
}

#[component]
pub fn SurveyBuilderPage() -> impl IntoView {
    let i18n = use_i18n();
    let edits = Edits::new();
    let changed = successes(move || edits.outcomes());
    let id = move || use_params_map().with(|p| p.get("id")).unwrap_or_default();
    let survey = Resource::new(
        move || (id(), changed.get()),
        |(id, _)| async move { load_survey(SurveyId(id.parse().map_err(|_| AppError::NotFound)?)).await },
    );
    let refused = move || {
        [
            edits.remove.value().get(),
            edits.shift.value().get(),
            edits.close.value().get(),
            edits.delete.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(Result::err)
        .map(|error| view! { <ErrorMessage error/> })
    };
    view! {
        <Title text=i18n.t(Key::SurveysManageTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/admin/surveys">{i18n.t(Key::SurveysBack)}</A></p>
                {refused}
                <Transition>
                    {move || Suspend::new(async move {
                        match survey.await {
                            Ok(details) => builder(i18n, details, edits).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn builder(i18n: I18n, details: SurveyDetails, edits: Edits) -> impl IntoView + use<> {
    let id = details.id.to_string();
    let title =
        crate::domain::dto::in_language(i18n.lang, &details.form.title_nl, &details.form.title_en).to_owned();
    let locked = details.locked;
    let update_error: Signal<Option<AppError>> =
        Signal::derive(move || edits.update.value().get().and_then(Result::err));
    let locked_note = locked.then(|| view! { <p class="hint" id="locked">{i18n.t(Key::SurveysLocked)}</p> });
    let delete = (!locked).then(|| {
        let id = id.clone();
        view! {
            <ActionForm action=edits.delete>
                <input type="hidden" name="id" value=id/>
                <button type="submit" class="button-danger">{i18n.t(Key::SurveysDelete)}</button>
            </ActionForm>
        }
    });
    let rounds = rounds_section(i18n, &details, edits);
    let questions = questions_section(i18n, &details, edits);
    let audience = audience_section(i18n, &details, edits);
    let form = details.form.clone();
    let update_id = id.clone();
    view! {
        <h1>{title}</h1>
        {locked_note}
        {rounds}
        {questions}
        {audience}
        <section aria-labelledby="details-title">
            <h2 id="details-title">{i18n.t(Key::SurveysDetails)}</h2>
            <ActionForm action=edits.update attr:class="form wide-form">
                <input type="hidden" name="id" value=update_id/>
                {survey_fields("edit", Some(form), update_error)}
                <FormError error=update_error/>
                <button type="submit" class="button-primary">{i18n.t(Key::SurveysSave)}</button>
            </ActionForm>
        </section>
        <div class="row-actions">{delete}</div>
    }
}

fn rounds_section(i18n: I18n, details: &SurveyDetails, edits: Edits) -> impl IntoView + use<> {
    let error: Signal<Option<AppError>> =
        Signal::derive(move || edits.schedule.value().get().and_then(Result::err));
    let items = details
        .rounds
        .iter()
        .map(|round| {
            let line = round.line(i18n.lang);
            let round_id = round.id.to_string();
            let action = match round.state {
                RoundState::Closed => view! {
                    <A href=format!("/surveys/results/{round_id}")>{i18n.t(Key::SurveysSeeResults)}</A>
                }
                .into_any(),
                RoundState::Open | RoundState::Scheduled => {
                    let label = if round.state == RoundState::Open {
                        Key::SurveysCloseNow
                    } else {
                        Key::SurveysCancelRound
                    };
                    view! {
                        <ActionForm action=edits.close>
                            <input type="hidden" name="round" value=round_id/>
                            <button type="submit" class="link-button">{i18n.t(label)}</button>
                        </ActionForm>
                    }
                    .into_any()
                }
            };
            view! { <li class="inline-pair"><span>{line}</span>{action}</li> }
        })
        .collect_view();
    let threshold = i18n.format(Key::SurveysOpenHint, &[("threshold", &details.threshold.to_string())]);
    let id = details.id.to_string();
    view! {
        <section aria-labelledby="rounds-title">
            <h2 id="rounds-title">{i18n.t(Key::SurveysRounds)}</h2>
            <ul class="request-list" id="rounds">{items}</ul>
            <ActionForm action=edits.schedule attr:class="form">
                <input type="hidden" name="id" value=id/>
                <label for="opens-on">{i18n.t(Key::SurveysOpensOn)}</label>
                <input id="opens-on" name="opens_on" type="date"/>
                <p class="hint">{threshold}</p>
                <FieldError error field="opens_on"/>
                <FieldError error field="units"/>
                <FormError error/>
                <button type="submit" class="button-primary">{i18n.t(Key::SurveysOpen)}</button>
            </ActionForm>
        </section>
    }
}

fn questions_section(i18n: I18n, details: &SurveyDetails, edits: Edits) -> impl IntoView + use<> {
    let locked = details.locked;
    let items =
        details.questions.iter().map(|question| question_item(i18n, question, locked, edits)).collect_view();
    let adding = (!locked).then(|| add_question_forms(i18n, details, edits));
    view! {
        <section aria-labelledby="questions-title">
            <h2 id="questions-title">{i18n.t(Key::SurveysQuestions)}</h2>
            <ol class="feedback-list" id="questions">{items}</ol>
            {adding}
        </section>
    }
}

fn question_item(i18n: I18n, question: &SurveyQuestion, locked: bool, edits: Edits) -> impl IntoView + use<> {
    let id = question.id.to_string();
    let actions = (!locked).then(|| {
        let (up, down, remove) = (id.clone(), id.clone(), id.clone());
        view! {
            <div class="row-actions">
                <ActionForm action=edits.shift>
                    <input type="hidden" name="id" value=up/>
                    <input type="hidden" name="up" value="true"/>
                    <button type="submit" class="link-button">{i18n.t(Key::SurveysUp)}</button>
                </ActionForm>
                <ActionForm action=edits.shift>
                    <input type="hidden" name="id" value=down/>
                    <input type="hidden" name="up" value="false"/>
                    <button type="submit" class="link-button">{i18n.t(Key::SurveysDown)}</button>
                </ActionForm>
                <ActionForm action=edits.remove>
                    <input type="hidden" name="id" value=remove/>
                    <button type="submit" class="button-danger">{i18n.t(Key::SurveysRemove)}</button>
                </ActionForm>
            </div>
        }
    });
    view! {
        <li class="feedback-card">
            <p class="feedback-meta">
                <strong>{question.text.in_language(i18n.lang).to_owned()}</strong>
                <span class="badge">{i18n.t(question.theme.label_key())}</span>
                <span class="badge">{i18n.t(question.kind.label_key())}</span>
            </p>
            {actions}
        </li>
    }
}

fn add_question_forms(i18n: I18n, details: &SurveyDetails, edits: Edits) -> impl IntoView + use<> {
    let library_error: Signal<Option<AppError>> =
        Signal::derive(move || edits.library.value().get().and_then(Result::err));
    let custom_error: Signal<Option<AppError>> =
        Signal::derive(move || edits.custom.value().get().and_then(Result::err));
    let choices = details
        .library
        .iter()
        .filter_map(|choice| {
            let question = library::find(&choice.key)?;
            let label = format!("{} — {}", i18n.t(choice.theme.label_key()), i18n.t(question.text));
            Some(view! { <option value=choice.key.clone()>{label}</option> })
        })
        .collect_view();
    let themes = Theme::ALL
        .iter()
        .map(|theme| view! { <option value=theme.code()>{i18n.t(theme.label_key())}</option> })
        .collect_view();
    let kinds = SurveyQuestionKind::ALL
        .iter()
        .map(|kind| view! { <option value=kind.code()>{i18n.t(kind.label_key())}</option> })
        .collect_view();
    let (library_id, custom_id) = (details.id.to_string(), details.id.to_string());
    view! {
        <h3>{i18n.t(Key::SurveysFromLibrary)}</h3>
        <ActionForm action=edits.library attr:class="form wide-form">
            <input type="hidden" name="id" value=library_id/>
            <label for="library-key">{i18n.t(Key::SurveysLibraryQuestion)}</label>
            <select id="library-key" name="key">{choices}</select>
            <FieldError error=library_error field="library"/>
            <FormError error=library_error/>
            <button type="submit" class="button-primary">{i18n.t(Key::SurveysAddQuestion)}</button>
        </ActionForm>
        <h3>{i18n.t(Key::SurveysOwnQuestion)}</h3>
        <ActionForm action=edits.custom attr:class="form wide-form">
            <input type="hidden" name="id" value=custom_id/>
            <label for="custom-theme">{i18n.t(Key::SurveysThemeLabel)}</label>
            <select id="custom-theme" name="question[theme]">{themes}</select>
            <FieldError error=custom_error field="theme"/>
            <label for="custom-kind">{i18n.t(Key::SurveysKindOfQuestion)}</label>
            <select id="custom-kind" name="question[kind]">{kinds}</select>
            <FieldError error=custom_error field="kind"/>
            <label for="custom-text-nl">{i18n.t(Key::SurveysQuestionNl)}</label>
            <input id="custom-text-nl" name="question[text_nl]" type="text" required/>
            <FieldError error=custom_error field="text_nl"/>
            <label for="custom-text-en">{i18n.t(Key::SurveysQuestionEn)}</label>
            <input id="custom-text-en" name="question[text_en]" type="text"/>
            <FieldError error=custom_error field="text_en"/>
            <FormError error=custom_error/>
            <button type="submit" class="button-primary">{i18n.t(Key::SurveysAddQuestion)}</button>
        </ActionForm>
    }
}

fn audience_section(i18n: I18n, details: &SurveyDetails, edits: Edits) -> impl IntoView + use<> {
    let error: Signal<Option<AppError>> =
        Signal::derive(move || edits.units.value().get().and_then(Result::err));
    let locked = details.locked;
    let boxes = details
        .unit_choices
        .iter()
        .enumerate()
        .map(|(at, (unit, name))| {
            let checked = details.units.contains(unit);
            view! {
                <label>
                    <input type="checkbox" name=format!("audience[units][{at}]") value=unit.to_string()
                        checked=checked disabled=locked/>
                    {name.clone()}
                </label>
            }
        })
        .collect_view();
    let save = (!locked).then(
        || view! { <button type="submit" class="button-primary">{i18n.t(Key::SurveysSaveUnits)}</button> },
    );
    let id = details.id.to_string();
    view! {
        <section aria-labelledby="audience-title">
            <h2 id="audience-title">{i18n.t(Key::SurveysAudience)}</h2>
            <p class="hint">{i18n.t(Key::SurveysAudienceHint)}</p>
            <ActionForm action=edits.units attr:class="form">
                <input type="hidden" name="id" value=id/>
                <fieldset>{boxes}</fieldset>
                <FieldError error field="units"/>
                <FormError error/>
                {save}
            </ActionForm>
        </section>
    }
}
