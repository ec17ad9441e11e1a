//! `/one-on-ones`: one's 1:1 conversations with the next meeting of each,
//! and a form to plan one with a report or a manager.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::AppError;
use crate::domain::dto::{OneOnOneSummary, PersonRef};
use crate::domain::one_on_ones::Cadence;
use crate::features::account::components::RequireSignIn;
use crate::features::one_on_ones::api::{PlanOneOnOne, list_one_on_ones};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError};

#[component]
pub fn OneOnOnesPage() -> impl IntoView {
    let i18n = use_i18n();
    let plan = ServerAction::<PlanOneOnOne>::new();
    let shown = Resource::new(|| (), |_| list_one_on_ones());
    let error: Signal<Option<AppError>> = Signal::derive(move || plan.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::OneOnOnesTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::OneOnOnesTitle)}</h1>
                <p>{i18n.t(Key::OneOnOnesIntro)}</p>
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok(shown) => view! {
                                {table(i18n, shown.series)}
                                <h2>{i18n.t(Key::OneOnOnesPlanTitle)}</h2>
                                {plan_form(i18n, shown.partners, plan, error)}
                            }
                                .into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn table(i18n: I18n, series: Vec<OneOnOneSummary>) -> impl IntoView {
    if series.is_empty() {
        return view! { <p>{i18n.t(Key::OneOnOnesEmpty)}</p> }.into_any();
    }
    let rows = series
        .into_iter()
        .map(|s| {
            view! {
                <tr>
                    <td><A href=format!("/one-on-ones/{}", s.id)>{s.with.name}</A></td>
                    <td>{s.next}</td>
                    <td>{i18n.t(s.cadence.label_key())}</td>
                    <td>{s.open_actions}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table" id="one-on-ones">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::OneOnOnesWith)}</th>
                        <th scope="col">{i18n.t(Key::OneOnOnesNext)}</th>
                        <th scope="col">{i18n.t(Key::OneOnOnesHowOften)}</th>
                        <th scope="col">{i18n.t(Key::OneOnOnesOpenActions)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn plan_form(
    i18n: I18n,
    partners: Vec<PersonRef>,
    plan: ServerAction<PlanOneOnOne>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    if partners.is_empty() {
        return view! { <p>{i18n.t(Key::OneOnOnesNoPartners)}</p> }.into_any();
    }
    let people = partners
        .into_iter()
        .map(|p| view! { <option value=p.id.to_string()>{p.name}</option> })
        .collect_view();
    let cadences = Cadence::ALL
        .iter()
        .map(|c| view! { <option value=c.code()>{i18n.t(c.label_key())}</option> })
        .collect_view();
    view! {
        <ActionForm action=plan attr:class="form">
            <label for="plan-with">{i18n.t(Key::OneOnOnesWith)}</label>
            <select id="plan-with" name="form[with]" required>
                <option value="">{i18n.t(Key::OneOnOnesChoose)}</option>
                {people}
            </select>
            <FieldError error field="with"/>
            <label for="plan-first">{i18n.t(Key::OneOnOnesFirst)}</label>
            <input id="plan-first" name="form[first]" type="datetime-local" required/>
            <FieldError error field="first"/>
            <label for="plan-cadence">{i18n.t(Key::OneOnOnesHowOften)}</label>
            <select id="plan-cadence" name="form[cadence]">{cadences}</select>
            <FieldError error field="cadence"/>
            <FormError error/>
            <button type="submit" class="button-primary">{i18n.t(Key::OneOnOnesPlan)}</button>
        </ActionForm>
    }
    .into_any()
}
