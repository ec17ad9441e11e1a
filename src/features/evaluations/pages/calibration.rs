//! `/reviews/calibration`: for admins and managers, the proposed final
//! scores of a moment side by side per unit, with their distribution, and
//! the final score set per person with a rationale; every change is logged
//! and shown under the person.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::domain::AppError;
use crate::domain::dto::{CalibrationBoard, CalibrationRow, UnitCalibration};
use crate::domain::ids::MomentId;
use crate::domain::reviews::FINAL_SCORE_SCALE;
use crate::features::account::components::RequireSignIn;
use crate::features::evaluations::api::{CalibrateScore, load_calibration};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, successes};

#[component]
pub fn CalibrationPage() -> impl IntoView {
    let i18n = use_i18n();
    let calibrate = ServerAction::<CalibrateScore>::new();
    let changed = successes(move || [calibrate.value().get()]);
    let query = use_query_map();
    let shown = Resource::new(
        move || {
            let chosen =
                query.with(|q| (q.get("cycle").unwrap_or_default(), q.get("moment").unwrap_or_default()));
            (chosen, changed.get())
        },
        |((cycle, moment), _)| load_calibration(cycle, moment),
    );
    view! {
        <Title text=i18n.t(Key::CalibrationTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::CalibrationTitle)}</h1>
                <p>{i18n.t(Key::CalibrationIntro)}</p>
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok(board) => page(i18n, board, calibrate).into_any(),
                            Err(AppError::NotFound) => {
                                view! { <p>{i18n.t(Key::ReviewProgressNoCycle)}</p> }.into_any()
                            }
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn page(
    i18n: I18n,
    board: CalibrationBoard,
    calibrate: ServerAction<CalibrateScore>,
) -> impl IntoView + use<> {
    let cycles = board
        .cycles
        .iter()
        .map(|(id, name)| view! { <option value=id.to_string() selected=*id == board.cycle>{name.clone()}</option> })
        .collect_view();
    let moments = board
        .moments
        .iter()
        .map(|(id, kind)| {
            view! { <option value=id.to_string() selected=*id == board.moment>{i18n.t(kind.label_key())}</option> }
        })
        .collect_view();
    let error = Signal::derive(move || calibrate.value().get().and_then(Result::err));
    let units = if board.units.is_empty() {
        view! { <p class="hint">{i18n.t(Key::CalibrationNobody)}</p> }.into_any()
    } else {
        board.units.into_iter().map(|u| unit(i18n, u, board.moment, calibrate)).collect_view().into_any()
    };
    view! {
        <form method="get" class="inline-form" action="/reviews/calibration">
            <label for="calibration-cycle">{i18n.t(Key::ReviewProgressCycle)}</label>
            <select id="calibration-cycle" name="cycle">{cycles}</select>
            <label for="calibration-moment">{i18n.t(Key::EvaluationsMoment)}</label>
            <select id="calibration-moment" name="moment">{moments}</select>
            <button type="submit">{i18n.t(Key::ReviewProgressShow)}</button>
        </form>
        <FieldError error field="score"/>
        <FieldError error field="rationale"/>
        <FormError error/>
        {units}
    }
}

fn unit(
    i18n: I18n,
    unit: UnitCalibration,
    moment: MomentId,
    calibrate: ServerAction<CalibrateScore>,
) -> impl IntoView + use<> {
    let name = unit.unit.unwrap_or_else(|| i18n.t(Key::ReviewProgressNoUnit).to_owned());
    let scores =
        (1..=FINAL_SCORE_SCALE).map(|s| view! { <th scope="col">{s.to_string()}</th> }).collect_view();
    let counts = |row: &[u32]| row.iter().map(|n| view! { <td>{n.to_string()}</td> }).collect_view();
    let people = unit.people.into_iter().map(|p| person(i18n, p, moment, calibrate)).collect_view();
    view! {
        <section class="calibration-unit">
            <h2>{name}</h2>
            <table class="data-table distribution">
                <caption>{i18n.t(Key::CalibrationDistribution)}</caption>
                <thead><tr><th scope="col">{i18n.t(Key::CalibrationScore)}</th>{scores}</tr></thead>
                <tbody>
                    <tr><th scope="row">{i18n.t(Key::CalibrationProposed)}</th>{counts(&unit.proposed)}</tr>
                    <tr><th scope="row">{i18n.t(Key::CalibrationFinal)}</th>{counts(&unit.finals)}</tr>
                </tbody>
            </table>
            <ul class="panel-list calibration-people">{people}</ul>
        </section>
    }
}

fn person(
    i18n: I18n,
    row: CalibrationRow,
    moment: MomentId,
    calibrate: ServerAction<CalibrateScore>,
) -> impl IntoView + use<> {
    let none = i18n.t(Key::CalibrationNone);
    let shown = |score: Option<u32>| score.map_or(none.to_owned(), |s| s.to_string());
    let scores = i18n.format(
        Key::CalibrationScores,
        &[("proposed", &shown(row.proposed)), ("final", &shown(row.final_score))],
    );
    let options = (1..=FINAL_SCORE_SCALE)
        .map(|s| {
            let selected = row.final_score.or(row.proposed) == Some(s);
            view! { <option value=s.to_string() selected=selected>{s.to_string()}</option> }
        })
        .collect_view();
    let log = row
        .changes
        .iter()
        .map(|c| {
            let by = c.by.clone().unwrap_or_else(|| i18n.t(Key::NotificationsSomeone).to_owned());
            let values = [
                ("from", shown(c.from)),
                ("to", c.to.to_string()),
                ("person", by),
                ("at", c.at.clone()),
                ("rationale", c.rationale.clone()),
            ];
            let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            view! { <li>{i18n.format(Key::CalibrationChange, &values)}</li> }
        })
        .collect_view();
    let id = row.person.id.to_string();
    let (score_id, rationale_id) = (format!("score-{id}"), format!("rationale-{id}"));
    view! {
        <li class="calibration-person" data-person=row.person.name.clone()>
            <strong>{row.person.name.clone()}</strong>
            <span class="hint">{scores}</span>
            <ActionForm action=calibrate attr:class="inline-form">
                <input type="hidden" name="moment" value=moment.to_string()/>
                <input type="hidden" name="employee" value=id/>
                <label for=score_id.clone()>{i18n.t(Key::CalibrationFinal)}</label>
                <select id=score_id name="calibration[score]">{options}</select>
                <label for=rationale_id.clone()>{i18n.t(Key::CalibrationRationale)}</label>
                <input id=rationale_id name="calibration[rationale]" type="text" required/>
                <button type="submit">{i18n.t(Key::CalibrationSet)}</button>
            </ActionForm>
            <ul class="calibration-log">{log}</ul>
        </li>
    }
}
