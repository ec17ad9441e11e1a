//! `/reviews/talent`: the 9-box of a cycle — performance across, potential
//! up — with the people placed in each box; a manager places their own
//! people below it, an admin narrows the view to a unit.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::domain::AppError;
use crate::domain::dto::{PersonRef, TalentGrid};
use crate::domain::ids::ReviewCycleId;
use crate::domain::reviews::TalentLevel;
use crate::features::account::components::RequireSignIn;
use crate::features::evaluations::api::{PlaceTalent, load_talent_grid};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, successes};

#[component]
pub fn TalentPage() -> impl IntoView {
    let i18n = use_i18n();
    let place = ServerAction::<PlaceTalent>::new();
    let changed = successes(move || [place.value().get()]);
    let query = use_query_map();
    let shown = Resource::new(
        move || {
            let chosen =
                query.with(|q| (q.get("cycle").unwrap_or_default(), q.get("unit").unwrap_or_default()));
            (chosen, changed.get())
        },
        |((cycle, unit), _)| load_talent_grid(cycle, unit),
    );
    view! {
        <Title text=i18n.t(Key::TalentTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::TalentTitle)}</h1>
                <p>{i18n.t(Key::TalentIntro)}</p>
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok(grid) => page(i18n, grid, place).into_any(),
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

fn names(people: &[PersonRef]) -> impl IntoView + use<> {
    people.iter().map(|p| view! { <li>{p.name.clone()}</li> }).collect_view()
}

fn page(i18n: I18n, grid: TalentGrid, place: ServerAction<PlaceTalent>) -> impl IntoView + use<> {
    let cycles = grid
        .cycles
        .iter()
        .map(|(id, name)| view! { <option value=id.to_string() selected=*id == grid.cycle>{name.clone()}</option> })
        .collect_view();
    let unit_filter = (!grid.units.is_empty()).then(|| {
        let units = grid
            .units
            .iter()
            .map(|(id, name)| view! { <option value=id.to_string() selected=grid.unit == Some(*id)>{name.clone()}</option> })
            .collect_view();
        view! {
            <label for="talent-unit">{i18n.t(Key::ReviewProgressUnit)}</label>
            <select id="talent-unit" name="unit">
                <option value="">{i18n.t(Key::TalentAllUnits)}</option>
                {units}
            </select>
        }
    });
    let levels = [TalentLevel::Low, TalentLevel::Medium, TalentLevel::High];
    let header = levels.iter().map(|l| view! { <th scope="col">{i18n.t(l.label_key())}</th> }).collect_view();
    let rows = grid
        .boxes
        .chunks(3)
        .map(|row| {
            let potential = row.first().map(|b| b.potential).unwrap_or(TalentLevel::Low);
            let cells = row
                .iter()
                .map(|b| {
                    let id = format!("box-{}-{}", b.performance.code(), b.potential.code());
                    view! { <td id=id><ul class="panel-list">{names(&b.people)}</ul></td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{i18n.t(potential.label_key())}</th>{cells}</tr> }
        })
        .collect_view();
    let unplaced = (!grid.unplaced.is_empty()).then(|| {
        view! {
            <h2>{i18n.t(Key::TalentUnplaced)}</h2>
            <ul class="panel-list" id="talent-unplaced">{names(&grid.unplaced)}</ul>
        }
    });
    let error = Signal::derive(move || place.value().get().and_then(Result::err));
    let placeable = (!grid.placeable.is_empty()).then(|| {
        let forms = grid
            .placeable
            .iter()
            .map(|(person, at)| placement_form(i18n, grid.cycle, person, *at, place))
            .collect_view();
        view! {
            <h2>{i18n.t(Key::TalentYourPeople)}</h2>
            <FieldError error field="performance"/>
            <FieldError error field="potential"/>
            <FormError error/>
            <ul class="panel-list" id="talent-people">{forms}</ul>
        }
    });
    view! {
        <form method="get" class="inline-form" action="/reviews/talent">
            <label for="talent-cycle">{i18n.t(Key::ReviewProgressCycle)}</label>
            <select id="talent-cycle" name="cycle">{cycles}</select>
            {unit_filter}
            <button type="submit">{i18n.t(Key::ReviewProgressShow)}</button>
        </form>
        <div class="table-scroll">
            <table class="data-table nine-box" id="nine-box">
                <caption>{i18n.t(Key::TalentAxes)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::TalentPotentialByPerformance)}</th>
                        {header}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {unplaced}
        {placeable}
    }
}

fn placement_form(
    i18n: I18n,
    cycle: ReviewCycleId,
    person: &PersonRef,
    at: Option<(TalentLevel, TalentLevel)>,
    place: ServerAction<PlaceTalent>,
) -> impl IntoView + use<> {
    let id = person.id.to_string();
    let select = |field: &'static str, chosen: Option<TalentLevel>| {
        let options = TalentLevel::ALL
            .iter()
            .map(|l| view! { <option value=l.code() selected=chosen == Some(*l)>{i18n.t(l.label_key())}</option> })
            .collect_view();
        let select_id = format!("{field}-{id}");
        let label = if field == "performance" { Key::TalentPerformance } else { Key::TalentPotential };
        view! {
            <label for=select_id.clone()>{i18n.t(label)}</label>
            <select id=select_id name=format!("placement[{field}]")>{options}</select>
        }
    };
    let (performance, potential) =
        (select("performance", at.map(|a| a.0)), select("potential", at.map(|a| a.1)));
    view! {
        <li class="talent-person" data-person=person.name.clone()>
            <strong>{person.name.clone()}</strong>
            <ActionForm action=place attr:class="inline-form">
                <input type="hidden" name="cycle" value=cycle.to_string()/>
                <input type="hidden" name="employee" value=id.clone()/>
                {performance}
                {potential}
                <button type="submit">{i18n.t(Key::TalentPlace)}</button>
            </ActionForm>
        </li>
    }
}
