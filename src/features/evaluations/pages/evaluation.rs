//! `/reviews/{moment}/{employee}`: one evaluation as the employee or their
//! manager sees it — the moment and its intro, the viewer's own part to
//! write (saved as a draft by itself) or as shared, the other party's part
//! once shared, the acknowledgements, and a side panel with the period's
//! goals, feedback and the viewer's own notes.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::domain::AppError;
use crate::domain::documents::Holder;
use crate::domain::dto::Evaluation;
use crate::domain::evaluations::Party;
use crate::domain::ids::{MomentId, UserId};
use crate::domain::reviews::FINAL_SCORE_SCALE;
use crate::features::account::components::RequireSignIn;
use crate::features::documents::Documents;
use crate::features::evaluations::api::{
    AcknowledgeEvaluation, ProposeScore, SaveEvaluation, ShareEvaluation, load_evaluation,
};
use crate::features::evaluations::components::{
    PeerActions, WritingEditor, peer_section, side_panel, written,
};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, successes};

#[derive(Clone, Copy)]
struct Actions {
    save: ServerAction<SaveEvaluation>,
    share: ServerAction<ShareEvaluation>,
    acknowledge: ServerAction<AcknowledgeEvaluation>,
    propose: ServerAction<ProposeScore>,
    peers: PeerActions,
}

#[component]
pub fn EvaluationPage() -> impl IntoView {
    let i18n = use_i18n();
    let actions = Actions {
        save: ServerAction::new(),
        share: ServerAction::new(),
        acknowledge: ServerAction::new(),
        propose: ServerAction::new(),
        peers: PeerActions::default(),
    };
    // A saved draft changes nothing on the page; the other steps do.
    let changed = successes(move || {
        let [nominated, withdrawn, approved] = actions.peers.outcomes();
        let (shared, acknowledged, proposed) =
            (actions.share.value().get(), actions.acknowledge.value().get(), actions.propose.value().get());
        [shared, acknowledged, proposed, nominated, withdrawn, approved]
    });
    let params = use_params_map();
    let shown = Resource::new(
        move || (params.with(|p| (p.get("moment"), p.get("employee"))), changed.get()),
        |((moment, employee), _)| async move {
            let id = |text: Option<String>| text.unwrap_or_default().parse().map_err(|_| AppError::NotFound);
            load_evaluation(MomentId(id(moment)?), UserId(id(employee)?)).await
        },
    );
    view! {
        <Title text=i18n.t(Key::EvaluationsTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok(evaluation) => page(i18n, evaluation, actions).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
                {move || holder(params.get()).map(|holder| view! { <Documents holder/> })}
            }
        }/>
    }
}

fn page(i18n: I18n, evaluation: Evaluation, actions: Actions) -> impl IntoView + use<> {
    let kind = i18n.t(evaluation.kind.label_key());
    let heading =
        i18n.format(Key::EvaluationsHeading, &[("moment", kind), ("person", &evaluation.employee.name)]);
    let period = i18n.format(
        Key::EvaluationsPeriod,
        &[("cycle", &evaluation.cycle), ("from", &evaluation.opens_on), ("until", &evaluation.closes_on)],
    );
    let intro = evaluation.intro.in_language(i18n.lang).to_owned();
    let reopened = evaluation.reopened.clone().map(|r| {
        let by = r.by.unwrap_or_else(|| i18n.t(Key::NotificationsSomeone).to_owned());
        let line =
            i18n.format(Key::EvaluationsReopened, &[("person", &by), ("at", &r.at), ("reason", &r.reason)]);
        view! { <p class="notice" id="reopened">{line}</p> }
    });
    let stage = i18n.t(evaluation.workflow.stage().label_key());
    let panel = side_panel(i18n, evaluation.panel.clone(), &evaluation.employee.name);
    view! {
        <h1>{heading}</h1>
        <p class="hint">{period}</p>
        <div class="evaluation-layout">
            <div class="evaluation-main">
                {(!intro.is_empty()).then(|| view! { <p class="intro">{intro}</p> })}
                {reopened}
                <p id="evaluation-stage">
                    <strong>{i18n.t(Key::EvaluationsStage)}</strong>
                    <span class="badge">{stage}</span>
                </p>
                {own_part(i18n, &evaluation, actions)}
                {other_part(i18n, &evaluation)}
                {peer_section(i18n, &evaluation, actions.peers)}
                {acknowledgements(i18n, &evaluation, actions.acknowledge)}
                {score(i18n, &evaluation, actions.propose)}
            </div>
            {panel}
        </div>
    }
}

/// The evaluation the address names, for its documents.
fn holder(params: leptos_router::params::ParamsMap) -> Option<Holder> {
    let id = |name: &str| params.get(name)?.parse().ok();
    Some(Holder::Evaluation { moment: MomentId(id("moment")?), employee: UserId(id("employee")?) })
}

/// The heading of a party's part, as the viewer reads it.
fn part_title(i18n: I18n, evaluation: &Evaluation, author: Party) -> String {
    match (author == evaluation.viewer, author) {
        (true, Party::Employee) => i18n.t(Key::EvaluationsMineEmployee).to_owned(),
        (true, Party::Manager) => i18n.t(Key::EvaluationsMineManager).to_owned(),
        (false, Party::Employee) => {
            i18n.format(Key::EvaluationsTheirsEmployee, &[("person", &evaluation.employee.name)])
        }
        (false, Party::Manager) => i18n.t(Key::EvaluationsTheirsManager).to_owned(),
    }
}

fn own_part(i18n: I18n, evaluation: &Evaluation, actions: Actions) -> impl IntoView + use<> {
    let viewer = evaluation.viewer;
    let title = part_title(i18n, evaluation, viewer);
    if !evaluation.workflow.writers.include(viewer) {
        let only =
            i18n.format(Key::EvaluationsOnlyOtherWrites, &[("party", i18n.t(viewer.other().label_key()))]);
        return view! { <p class="hint">{only}</p> }.into_any();
    }
    let body = if evaluation.workflow.may_write(viewer).is_ok() {
        view! { <WritingEditor evaluation=evaluation.clone() save=actions.save share=actions.share/> }
            .into_any()
    } else if let Some(mine) = &evaluation.mine {
        written(i18n, &evaluation.questions, mine).into_any()
    } else {
        view! { <p class="hint">{i18n.t(Key::EvaluationsNothingWritten)}</p> }.into_any()
    };
    view! {
        <section id="own-part">
            <h2>{title}</h2>
            {body}
        </section>
    }
    .into_any()
}

fn other_part(i18n: I18n, evaluation: &Evaluation) -> impl IntoView + use<> {
    let other = evaluation.viewer.other();
    if !evaluation.workflow.writers.include(other) {
        return ().into_any();
    }
    let body = match &evaluation.theirs {
        Some(theirs) => written(i18n, &evaluation.questions, theirs).into_any(),
        None => view! { <p class="hint">{i18n.t(Key::EvaluationsNotSharedYet)}</p> }.into_any(),
    };
    view! {
        <section id="other-part">
            <h2>{part_title(i18n, evaluation, other)}</h2>
            {body}
        </section>
    }
    .into_any()
}

fn acknowledgements(
    i18n: I18n,
    evaluation: &Evaluation,
    acknowledge: ServerAction<AcknowledgeEvaluation>,
) -> impl IntoView + use<> {
    let workflow = evaluation.workflow;
    if !workflow.all_shared() {
        return ().into_any();
    }
    let given = evaluation
        .acknowledgements
        .iter()
        .map(|a| {
            let by = a.by.clone().unwrap_or_else(|| i18n.t(Key::NotificationsSomeone).to_owned());
            let line = i18n.format(Key::EvaluationsAcknowledgedBy, &[("person", &by), ("at", &a.at)]);
            let comment = (!a.comment.is_empty()).then(|| view! { <q>{a.comment.clone()}</q> });
            view! { <li>{line}{comment}</li> }
        })
        .collect_view();
    let error = Signal::derive(move || acknowledge.value().get().and_then(Result::err));
    let next = if workflow.locked {
        view! { <p class="notice">{i18n.t(Key::EvaluationsLocked)}</p> }.into_any()
    } else if workflow.acknowledged(evaluation.viewer) {
        view! { <p class="hint">{i18n.t(Key::EvaluationsWaitingForOther)}</p> }.into_any()
    } else {
        let (moment, employee) = (evaluation.moment.to_string(), evaluation.employee.id.to_string());
        view! {
            <ActionForm action=acknowledge attr:class="form" attr:id="acknowledge">
                <p>{i18n.t(Key::EvaluationsAcknowledgeIntro)}</p>
                <input type="hidden" name="moment" value=moment/>
                <input type="hidden" name="employee" value=employee/>
                <label for="acknowledge-comment">{i18n.t(Key::EvaluationsComment)}</label>
                <textarea id="acknowledge-comment" name="comment" rows="3"></textarea>
                <FieldError error field="comment"/>
                <FieldError error field="workflow"/>
                <FormError error/>
                <button type="submit" class="button-primary">{i18n.t(Key::EvaluationsAcknowledge)}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <section id="acknowledgements">
            <h2>{i18n.t(Key::EvaluationsAcknowledgements)}</h2>
            <ul>{given}</ul>
            {next}
        </section>
    }
    .into_any()
}

/// The final score: a manager proposes it and reads the calibrated one;
/// the employee reads the calibrated one if the cycle shows it.
fn score(i18n: I18n, evaluation: &Evaluation, propose: ServerAction<ProposeScore>) -> impl IntoView + use<> {
    let score = evaluation.score;
    let scale = FINAL_SCORE_SCALE.to_string();
    let final_line = score.final_score.map(|s| {
        let line = i18n.format(Key::CalibrationFinalShown, &[("score", &s.to_string()), ("scale", &scale)]);
        view! { <p id="final-score"><strong>{line}</strong></p> }
    });
    if !score.may_propose {
        return view! { <section id="score">{final_line}</section> }.into_any();
    }
    let options = (1..=FINAL_SCORE_SCALE)
        .map(|s| view! { <option value=s.to_string() selected=score.proposed == Some(s)>{s.to_string()}</option> })
        .collect_view();
    let (moment, employee) = (evaluation.moment.to_string(), evaluation.employee.id.to_string());
    let error = Signal::derive(move || propose.value().get().and_then(Result::err));
    view! {
        <section id="score">
            <h2>{i18n.t(Key::CalibrationTitle)}</h2>
            <ActionForm action=propose attr:class="inline-form" attr:id="propose-score">
                <input type="hidden" name="moment" value=moment/>
                <input type="hidden" name="employee" value=employee/>
                <label for="proposed-score">{i18n.t(Key::CalibrationProposedScore)}</label>
                <select id="proposed-score" name="score">
                    <option value="">{i18n.t(Key::CalibrationNone)}</option>
                    {options}
                </select>
                <button type="submit">{i18n.t(Key::CalibrationPropose)}</button>
            </ActionForm>
            <FieldError error field="proposed"/>
            <FormError error/>
            <Show when=move || matches!(propose.value().get(), Some(Ok(())))>
                <p class="hint" role="status">{i18n.t(Key::CalibrationProposalSaved)}</p>
            </Show>
            {final_line}
        </section>
    }
    .into_any()
}
