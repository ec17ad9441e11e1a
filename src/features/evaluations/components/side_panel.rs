//! Beside an evaluation, what its writer would otherwise look up: the
//! period's goals with their latest check-ins, the feedback received in
//! the period, and the writer's own private notes about the person.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::dto::SidePanel;
use crate::i18n::{I18n, Key};

pub fn side_panel(i18n: I18n, panel: SidePanel, person: &str) -> impl IntoView + use<> {
    let goals = if panel.goals.is_empty() {
        view! { <p class="hint">{i18n.t(Key::EvaluationsPanelNoGoals)}</p> }.into_any()
    } else {
        let goals = panel
            .goals
            .into_iter()
            .map(|(goal, check_ins)| {
                let progress = i18n.format(
                    Key::EvaluationsPanelProgress,
                    &[("progress", &goal.progress.to_string()), ("status", i18n.t(goal.status.label_key()))],
                );
                let check_ins = check_ins
                    .into_iter()
                    .map(|c| {
                        let line = i18n.format(
                            Key::EvaluationsPanelCheckIn,
                            &[("at", &c.at), ("person", &c.author.name), ("progress", &c.progress.to_string())],
                        );
                        view! { <li>{line}{(!c.comment.is_empty()).then(|| view! { <q>{c.comment}</q> })}</li> }
                    })
                    .collect_view();
                view! {
                    <li>
                        <A href=format!("/goals/{}", goal.id)>{goal.title}</A>
                        <span class="hint">{progress}</span>
                        <ul class="check-ins">{check_ins}</ul>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="panel-list" id="panel-goals">{goals}</ul> }.into_any()
    };
    let feedback = if panel.feedback.is_empty() {
        view! { <p class="hint">{i18n.t(Key::EvaluationsPanelNoFeedback)}</p> }.into_any()
    } else {
        let feedback = panel
            .feedback
            .into_iter()
            .map(|f| {
                let giver = f
                    .giver
                    .map(|g| g.name)
                    .or(f.external_giver)
                    .unwrap_or_else(|| i18n.t(Key::NotificationsSomeone).to_owned());
                let from =
                    i18n.format(Key::EvaluationsPanelFeedbackFrom, &[("person", &giver), ("at", &f.at)]);
                view! {
                    <li>
                        <span class="hint">{from}</span>
                        <p>{f.body}</p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="panel-list" id="panel-feedback">{feedback}</ul> }.into_any()
    };
    let notes = if panel.notes.is_empty() {
        view! { <p class="hint">{i18n.format(Key::EvaluationsPanelNoNotes, &[("person", person)])}</p> }
            .into_any()
    } else {
        let notes = panel
            .notes
            .into_iter()
            .map(|n| {
                view! {
                    <li>
                        <span class="hint">{n.written}</span>
                        <p>{n.body}</p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="panel-list" id="panel-notes">{notes}</ul> }.into_any()
    };
    view! {
        <aside class="side-panel" id="side-panel" aria-labelledby="side-panel-title">
            <h2 id="side-panel-title">{i18n.t(Key::EvaluationsPanelTitle)}</h2>
            <h3>{i18n.t(Key::EvaluationsPanelGoals)}</h3>
            {goals}
            <h3>{i18n.t(Key::EvaluationsPanelFeedback)}</h3>
            {feedback}
            <h3>{i18n.t(Key::EvaluationsPanelNotes)}</h3>
            {notes}
        </aside>
    }
}
