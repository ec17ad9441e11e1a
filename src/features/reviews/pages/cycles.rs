//! `/admin/reviews`: the organisation's review cycles, and a new one.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::AppError;
use crate::domain::dto::ReviewCycleSummary;
use crate::domain::reviews::{ANONYMITY_THRESHOLD_RANGE, DEFAULT_ANONYMITY_THRESHOLD};
use crate::features::account::components::RequireSignIn;
use crate::features::reviews::api::{CreateReviewCycle, list_review_cycles};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError};

#[component]
pub fn ReviewCyclesPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateReviewCycle>::new();
    let cycles = Resource::new(|| (), |_| list_review_cycles());
    let error: Signal<Option<AppError>> = Signal::derive(move || create.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::ReviewCyclesTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::ReviewCyclesTitle)}</h1>
                <p>{i18n.t(Key::ReviewCyclesIntro)}</p>
                <p><A href="/admin/reviews/forms">{i18n.t(Key::ReviewFormsTitle)}</A></p>
                <Transition>
                    {move || Suspend::new(async move {
                        match cycles.await {
                            Ok(cycles) => list(i18n, cycles).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
                <section aria-labelledby="new-cycle-title">
                    <h2 id="new-cycle-title">{i18n.t(Key::ReviewCyclesNew)}</h2>
                    <ActionForm action=create attr:class="form">
                        {cycle_fields(i18n, "new", None, error)}
                        <FormError error/>
                        <button type="submit" class="button-primary">{i18n.t(Key::ReviewCyclesCreate)}</button>
                    </ActionForm>
                </section>
            }
        }/>
    }
}

fn list(i18n: I18n, cycles: Vec<ReviewCycleSummary>) -> impl IntoView {
    if cycles.is_empty() {
        return view! { <p>{i18n.t(Key::ReviewCyclesEmpty)}</p> }.into_any();
    }
    let items = cycles
        .into_iter()
        .map(|cycle| {
            let period =
                i18n.format(Key::ReviewCyclesPeriod, &[("from", &cycle.starts_on), ("to", &cycle.ends_on)]);
            let moments =
                i18n.format(Key::ReviewCyclesMomentsCount, &[("count", &cycle.moments.to_string())]);
            let yearly = cycle
                .repeats_yearly
                .then(|| view! { <span class="badge">{i18n.t(Key::ReviewCyclesRepeatsBadge)}</span> });
            view! {
                <li class="inline-pair">
                    <A href=format!("/admin/reviews/{}", cycle.id)>{cycle.name}</A>
                    <span class="hint">{period}</span>
                    <span class="hint">{moments}</span>
                    {yearly}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="request-list" id="review-cycles">{items}</ul> }.into_any()
}

/// A cycle's name, period and repeat, empty or as they are.
pub(super) fn cycle_fields(
    i18n: I18n,
    prefix: &str,
    current: Option<crate::domain::dto::CycleForm>,
    error: Signal<Option<AppError>>,
) -> impl IntoView + use<> {
    let current = current.unwrap_or_default();
    let id = |field: &str| format!("{prefix}-{field}");
    view! {
        <label for=id("name")>{i18n.t(Key::ReviewCyclesName)}</label>
        <input id=id("name") name="form[name]" type="text" value=current.name required/>
        <FieldError error field="name"/>
        <label for=id("starts-on")>{i18n.t(Key::ReviewCyclesStartsOn)}</label>
        <input id=id("starts-on") name="form[starts_on]" type="date" value=current.starts_on required/>
        <FieldError error field="starts_on"/>
        <label for=id("ends-on")>{i18n.t(Key::ReviewCyclesEndsOn)}</label>
        <input id=id("ends-on") name="form[ends_on]" type="date" value=current.ends_on required/>
        <FieldError error field="ends_on"/>
        <label>
            <input type="checkbox" name="form[repeats_yearly]" value="on" checked=current.repeats_yearly.is_some()/>
            {i18n.t(Key::ReviewCyclesRepeats)}
        </label>
        <label>
            <input type="checkbox" name="form[reviewers_named]" value="on" checked=current.reviewers_named.is_some()/>
            {i18n.t(Key::ReviewCyclesReviewersNamed)}
        </label>
        <label for=id("threshold")>{i18n.t(Key::ReviewCyclesThreshold)}</label>
        <input
            id=id("threshold")
            name="form[anonymity_threshold]"
            type="number"
            min=ANONYMITY_THRESHOLD_RANGE.start().to_string()
            max=ANONYMITY_THRESHOLD_RANGE.end().to_string()
            value=if current.anonymity_threshold.is_empty() {
                DEFAULT_ANONYMITY_THRESHOLD.to_string()
            } else {
                current.anonymity_threshold.clone()
            }
        />
        <FieldError error field="anonymity_threshold"/>
        <label>
            <input type="checkbox" name="form[final_score_visible]" value="on" checked=current.final_score_visible.is_some()/>
            {i18n.t(Key::ReviewCyclesFinalScoreVisible)}
        </label>
    }
}
