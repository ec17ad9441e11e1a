//! `/admin/reviews/{id}`: one review cycle — its name, period and repeat;
//! who it is for (units with the units below them, and people); its
//! moments with their dates, writers, form and reminders; and deleting it.

use leptos::html;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::cycles::cycle_fields;
use crate::domain::AppError;
use crate::domain::dto::{FunctionName, MomentForm, ReviewCycleDetails, ReviewMoment};
use crate::domain::ids::{ReviewCycleId, ReviewFormId};
use crate::features::account::components::RequireSignIn;
use crate::features::reviews::api::{
    AddReviewMoment, DeleteReviewCycle, DeleteReviewMoment, SetReviewScope, UpdateReviewCycle,
    UpdateReviewMoment, load_review_cycle,
};
use crate::features::reviews::components::moment_fields;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, successes};

/// Every change the page makes; one that succeeded reloads the cycle.
#[derive(Clone, Copy)]
struct Edits {
    rename: ServerAction<UpdateReviewCycle>,
    scope: ServerAction<SetReviewScope>,
    add: ServerAction<AddReviewMoment>,
    change: ServerAction<UpdateReviewMoment>,
    remove: ServerAction<DeleteReviewMoment>,
    delete: ServerAction<DeleteReviewCycle>,
}

impl Edits {
    fn new() -> Edits {
        Edits {
            rename: ServerAction::new(),
            scope: ServerAction::new(),
            add: ServerAction::new(),
            change: ServerAction::new(),
            remove: ServerAction::new(),
            delete: ServerAction::new(),
        }
    }

    fn outcomes(self) -> [Option<Result<(), AppError>>; 5] {
        [
            self.rename.value().get(),
            self.scope.value().get(),
            self.add.value().get(),
            self.change.value().get(),
            self.remove.value().get(),
        ]
    }
}

#[component]
pub fn ReviewCyclePage() -> impl IntoView {
    let i18n = use_i18n();
    let edits = Edits::new();
    let changed = successes(move || edits.outcomes());
    let id = move || use_params_map().with(|p| p.get("id")).unwrap_or_default();
    let cycle = Resource::new(
        move || (id(), changed.get()),
        |(id, _)| async move {
            let id = ReviewCycleId(id.parse().map_err(|_| AppError::NotFound)?);
            load_review_cycle(id).await
        },
    );
    let refused = move || {
        [edits.remove.value().get(), edits.delete.value().get()]
            .into_iter()
            .flatten()
            .find_map(Result::err)
            .map(|error| view! { <ErrorMessage error/> })
    };
    view! {
        <Title text=i18n.t(Key::ReviewCyclesTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/admin/reviews">{i18n.t(Key::ReviewCyclesBack)}</A></p>
                {refused}
                <Transition>
                    {move || Suspend::new(async move {
                        match cycle.await {
                            Ok(details) => page(i18n, details, edits).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn page(i18n: I18n, details: ReviewCycleDetails, edits: Edits) -> impl IntoView {
    let id = details.id.to_string();
    let rename_error: Signal<Option<AppError>> =
        Signal::derive(move || edits.rename.value().get().and_then(Result::err));
    let period = i18n
        .format(Key::ReviewCyclesPeriod, &[("from", &details.form.starts_on), ("to", &details.form.ends_on)]);
    let scope = scope_form(i18n, id.clone(), &details, edits.scope);
    let moments = if details.moments.is_empty() {
        view! { <p>{i18n.t(Key::ReviewCyclesNoMoments)}</p> }.into_any()
    } else {
        let forms = details.choices.forms.clone();
        let items = details
            .moments
            .into_iter()
            .enumerate()
            .map(|(at, moment)| moment_item(i18n, at, moment, &forms, edits))
            .collect_view();
        view! { <ol class="feedback-list" id="moments">{items}</ol> }.into_any()
    };
    let add = if details.choices.forms.is_empty() {
        view! { <p><A href="/admin/reviews/forms">{i18n.t(Key::ReviewCyclesNoForms)}</A></p> }.into_any()
    } else {
        add_form(i18n, id.clone(), &details.choices.forms, edits.add).into_any()
    };
    let (rename_id, delete_id) = (id.clone(), id.clone());
    let current = details.form.clone();
    view! {
        <h1>{details.form.name}</h1>
        <p class="hint">{period}</p>
        <details>
            <summary>{i18n.t(Key::ReviewCyclesDetails)}</summary>
            <ActionForm action=edits.rename attr:class="form">
                <input type="hidden" name="id" value=rename_id.clone()/>
                {cycle_fields(i18n, "cycle", Some(current.clone()), rename_error)}
                <FormError error=rename_error/>
                <button type="submit" class="button-primary">{i18n.t(Key::ReviewCyclesSave)}</button>
            </ActionForm>
        </details>
        <section aria-labelledby="scope-title">
            <h2 id="scope-title">{i18n.t(Key::ReviewCyclesScope)}</h2>
            {scope}
        </section>
        <section aria-labelledby="moments-title">
            <h2 id="moments-title">{i18n.t(Key::ReviewCyclesMoments)}</h2>
            {moments}
            <h3>{i18n.t(Key::ReviewCyclesAddMoment)}</h3>
            {add}
        </section>
        <ActionForm action=edits.delete>
            <input type="hidden" name="id" value=delete_id.clone()/>
            <button type="submit" class="button-danger">{i18n.t(Key::ReviewCyclesDelete)}</button>
        </ActionForm>
    }
}

fn scope_form(
    i18n: I18n,
    id: String,
    details: &ReviewCycleDetails,
    scope: ServerAction<SetReviewScope>,
) -> impl IntoView + use<> {
    let error: Signal<Option<AppError>> = Signal::derive(move || scope.value().get().and_then(Result::err));
    let units = details
        .choices
        .units
        .iter()
        .enumerate()
        .map(|(at, (unit, name))| {
            let checked = details.units.iter().any(|(chosen, _)| chosen == unit);
            view! {
                <label>
                    <input type="checkbox" name=format!("scope[units][{at}]") value=unit.to_string() checked=checked/>
                    {name.clone()}
                </label>
            }
        })
        .collect_view();
    let people = details
        .choices
        .people
        .iter()
        .enumerate()
        .map(|(at, person)| {
            let checked = details.people.iter().any(|chosen| chosen.id == person.id);
            view! {
                <label>
                    <input type="checkbox" name=format!("scope[people][{at}]") value=person.id.to_string() checked=checked/>
                    {person.name.clone()}
                </label>
            }
        })
        .collect_view();
    let chosen: Vec<String> = details
        .units
        .iter()
        .map(|(_, name)| name.clone())
        .chain(details.people.iter().map(|p| p.name.clone()))
        .collect();
    let summary =
        if chosen.is_empty() { i18n.t(Key::ReviewCyclesScopeEmpty).to_owned() } else { chosen.join(", ") };
    view! {
        <p id="scope-summary">{summary}</p>
        <p class="hint">{i18n.t(Key::ReviewCyclesScopeHint)}</p>
        <ActionForm action=scope attr:class="form">
            <input type="hidden" name="id" value=id.clone()/>
            <details>
                <summary>{i18n.t(Key::ReviewCyclesUnits)}</summary>
                <fieldset class="checkbox-group">
                    <legend class="visually-hidden">{i18n.t(Key::ReviewCyclesUnits)}</legend>
                    {units}
                </fieldset>
            </details>
            <FieldError error field="units"/>
            <details>
                <summary>{i18n.t(Key::ReviewCyclesPeople)}</summary>
                <fieldset class="checkbox-group">
                    <legend class="visually-hidden">{i18n.t(Key::ReviewCyclesPeople)}</legend>
                    {people}
                </fieldset>
            </details>
            <FieldError error field="people"/>
            <button type="submit" class="button-primary">{i18n.t(Key::ReviewCyclesSaveScope)}</button>
        </ActionForm>
    }
}

fn moment_item(
    i18n: I18n,
    at: usize,
    moment: ReviewMoment,
    forms: &[(ReviewFormId, FunctionName)],
    edits: Edits,
) -> impl IntoView + use<> {
    let id = moment.id.to_string();
    let dates =
        i18n.format(Key::ReviewCyclesMomentDates, &[("from", &moment.opens_on), ("to", &moment.closes_on)]);
    let reminders = (!moment.reminders.is_empty()).then(|| {
        let shown = i18n.format(Key::ReviewCyclesRemindersShown, &[("dates", &moment.reminders.join(", "))]);
        view! { <p class="hint">{shown}</p> }
    });
    let current = MomentForm {
        kind: moment.kind.code().to_owned(),
        opens_on: moment.opens_on.clone(),
        closes_on: moment.closes_on.clone(),
        writers: moment.writers.code().to_owned(),
        form: moment.form.0.to_string(),
        intro_nl: moment.intro.nl.clone(),
        intro_en: moment.intro.en.clone(),
        reminders: moment.reminders.join(", "),
        peer_form: moment.peer_form.as_ref().map(|(id, _)| id.to_string()).unwrap_or_default(),
    };
    let error: Signal<Option<AppError>> =
        Signal::derive(move || edits.change.value().get().and_then(Result::err));
    let fields = moment_fields(format!("m{at}"), Some(current), forms, error);
    let (change_id, remove_id) = (id.clone(), id);
    view! {
        <li class="feedback-card">
            <p class="feedback-meta">
                <strong>{i18n.t(moment.kind.label_key())}</strong>
                <span class="hint">{dates}</span>
                <span class="badge">{i18n.t(moment.writers.label_key())}</span>
                <span>{moment.form.1.in_language(i18n.lang).to_owned()}</span>
            </p>
            {reminders}
            <details>
                <summary>{i18n.t(Key::ReviewCyclesChange)}</summary>
                <ActionForm action=edits.change attr:class="form wide-form">
                    <input type="hidden" name="id" value=change_id/>
                    {fields}
                    <button type="submit" class="button-primary">{i18n.t(Key::ReviewCyclesSave)}</button>
                </ActionForm>
            </details>
            <ActionForm action=edits.remove>
                <input type="hidden" name="id" value=remove_id/>
                <button type="submit" class="button-danger">{i18n.t(Key::ReviewCyclesRemove)}</button>
            </ActionForm>
        </li>
    }
}

fn add_form(
    i18n: I18n,
    id: String,
    forms: &[(ReviewFormId, FunctionName)],
    add: ServerAction<AddReviewMoment>,
) -> impl IntoView + use<> {
    let error: Signal<Option<AppError>> = Signal::derive(move || add.value().get().and_then(Result::err));
    let form = NodeRef::<html::Form>::new();
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(form)) = (add.value().get(), form.get()) {
            form.reset();
        }
    });
    let fields = moment_fields("new".to_owned(), None, forms, error);
    view! {
        <ActionForm action=add node_ref=form attr:class="form wide-form">
            <input type="hidden" name="id" value=id/>
            {fields}
            <FormError error/>
            <button type="submit" class="button-primary">{i18n.t(Key::ReviewCyclesAddMoment)}</button>
        </ActionForm>
    }
}
