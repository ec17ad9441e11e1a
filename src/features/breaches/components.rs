//! How a breach reads: the facts of 7.A as a definition list with the
//! follow-ups of 7.C, for the organisation told and the processor alike;
//! and the processor's overview of incidents with each notice's state.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::dto::{AffectedData, BreachFacts, BreachNotice, BreachRecord, DeadlineState};
use crate::i18n::{I18n, Key};

/// "Employees (about 40)": categories with their approximate number (DPA 7.A.1).
pub fn approximately(i18n: I18n, categories: &str, count: u64) -> String {
    i18n.format(Key::BreachesApproximately, &[("categories", categories), ("count", &count.to_string())])
}

/// The facts every notice carries; `data` is the reading organisation's
/// own share, absent in the processor's view of several organisations.
pub fn breach_facts(i18n: I18n, facts: BreachFacts, data: Option<AffectedData>) -> impl IntoView + use<> {
    let data = data.map(|data| {
        view! {
            <dt>{i18n.t(Key::BreachesSubjects)}</dt>
            <dd>{approximately(i18n, &data.subject_categories, data.subjects_approx)}</dd>
            <dt>{i18n.t(Key::BreachesRecords)}</dt>
            <dd>{approximately(i18n, &data.record_categories, data.records_approx)}</dd>
        }
    });
    let updates = (!facts.updates.is_empty()).then(|| {
        let items = facts
            .updates
            .into_iter()
            .map(|update| view! { <li><span class="hint">{update.at}</span>" "{update.body}</li> })
            .collect_view();
        view! {
            <h3>{i18n.t(Key::BreachesUpdates)}</h3>
            <ul class="breach-updates">{items}</ul>
        }
    });
    view! {
        <dl class="facts">
            <dt>{i18n.t(Key::BreachesDiscoveredAt)}</dt>
            <dd>{facts.discovered_at}</dd>
            <dt>{i18n.t(Key::BreachesNature)}</dt>
            <dd>{facts.nature}</dd>
            {data}
            <dt>{i18n.t(Key::BreachesConsequences)}</dt>
            <dd>{facts.consequences}</dd>
            <dt>{i18n.t(Key::BreachesMeasures)}</dt>
            <dd>{facts.measures}</dd>
            <dt>{i18n.t(Key::BreachesContactPoint)}</dt>
            <dd>{facts.contact_point}</dd>
        </dl>
        {updates}
    }
}

/// The notices an organisation was sent, newest first.
pub fn notice_list(i18n: I18n, notices: Vec<BreachNotice>) -> impl IntoView + use<> {
    if notices.is_empty() {
        return view! { <p>{i18n.t(Key::BreachesEmpty)}</p> }.into_any();
    }
    let items = notices
        .into_iter()
        .map(|notice| {
            let timeliness = i18n.t(if notice.on_time { Key::BreachesOnTime } else { Key::BreachesLate });
            let notified = i18n.format(Key::BreachesNotified, &[("date", &notice.notified_at)]);
            view! {
                <li class="feedback-card">
                    <p class="hint">{notified}", "{timeliness}</p>
                    {breach_facts(i18n, notice.facts, Some(notice.data))}
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="request-list" id="breach-notices">{items}</ul>
        <p class="hint">{i18n.t(Key::BreachesControllersDuty)}</p>
    }
    .into_any()
}

/// Where a notice to one organisation stands, as a line of text.
pub fn notice_state(i18n: I18n, state: &DeadlineState) -> (String, &'static str) {
    match state {
        DeadlineState::Sent { at, on_time: true } => {
            (i18n.format(Key::BreachesStateSent, &[("date", at)]), "done")
        }
        DeadlineState::Sent { at, on_time: false } => {
            (i18n.format(Key::BreachesStateSentLate, &[("date", at)]), "late")
        }
        DeadlineState::Due => (i18n.t(Key::BreachesStateDue).to_owned(), "due"),
        DeadlineState::Overdue => (i18n.t(Key::BreachesStateOverdue).to_owned(), "late"),
    }
}

/// The processor's register: each incident with its deadline and the state
/// of each notice, linking to the incident's page.
pub fn incident_list(i18n: I18n, records: Vec<BreachRecord>) -> impl IntoView + use<> {
    if records.is_empty() {
        return view! { <p>{i18n.t(Key::BreachesOperatorEmpty)}</p> }.into_any();
    }
    let items = records
        .into_iter()
        .map(|record| {
            let href = format!("/operator/breaches/{}", record.facts.id);
            let states = if record.affected.is_empty() {
                view! { <p class="hint">{i18n.t(Key::BreachesNoAffected)}</p> }.into_any()
            } else {
                let lines = record
                    .affected
                    .iter()
                    .map(|affected| {
                        let (line, class) = notice_state(i18n, &affected.notice);
                        view! { <li class=format!("notice-{class}")>{affected.name.clone()}": "{line}</li> }
                    })
                    .collect_view();
                view! { <ul class="notice-states">{lines}</ul> }.into_any()
            };
            view! {
                <li class="feedback-card">
                    <h2>{record.facts.nature}</h2>
                    <p class="hint">
                        {i18n.t(Key::BreachesDiscoveredAt)}" "{record.facts.discovered_at}" · "
                        {i18n.format(Key::BreachesNoticeDue, &[("date", &record.facts.notice_due)])}
                    </p>
                    {states}
                    <A href=href>{i18n.t(Key::BreachesOpen)}</A>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="request-list" id="breach-register">{items}</ul> }.into_any()
}
