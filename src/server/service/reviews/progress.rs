//! How far a review cycle is (issue 7, PRODUCT.md §3.4 "admin dashboard"):
//! per person in scope and per moment, the stage of their evaluation and
//! whether it is overdue, with counts per unit. Admins follow everyone in
//! scope, managers the people they manage; nobody sees content here. The
//! same figures go to the XLSX export.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::cycles::CycleInView;
use super::evaluations::{workflows, writers_of};
use super::scope;
use crate::domain::AppError;
use crate::domain::dto::{
    PersonProgress, ProgressCell, ProgressMoment, ReviewProgress, StageCounts, UnitProgress,
};
use crate::domain::evaluations::{Stage, Workflow};
use crate::domain::ids::{MomentId, ReviewCycleId, UnitId, UserId};
use crate::domain::reviews::MomentKind;
use crate::domain::roles::Role;
use crate::i18n::{Key, Lang, format, text};
use crate::server::auth::OrgScope;
use crate::server::auth::reach::ManagerMap;
use crate::server::db::internal;
use crate::server::entity::{org_unit, review_moment as moment};
use crate::server::service::import::{Table, write_xlsx};
use crate::server::service::names::Names;

/// The progress of `cycle` — or, without one, of the cycle running today
/// (else the newest) — for an admin or a manager.
pub async fn progress(
    db: &DatabaseConnection,
    viewer: &OrgScope,
    cycle_id: Option<ReviewCycleId>,
    today: NaiveDate,
) -> Result<ReviewProgress, AppError> {
    let admin = viewer.roles.has(Role::Admin);
    if !admin && !viewer.roles.has(Role::Manager) {
        return Err(AppError::Forbidden);
    }
    let cycles = CycleInView::load(db, viewer.org, cycle_id, today).await?;
    let chosen = &cycles.chosen;
    let moments = moment::Entity::find()
        .filter(moment::Column::CycleId.eq(chosen.id))
        .order_by_asc(moment::Column::OpensOn)
        .order_by_asc(moment::Column::Id)
        .all(db)
        .await
        .map_err(internal)?;
    let map = ManagerMap::load(db, viewer.org).await.map_err(internal)?;
    let in_scope = scope::people_in(db, viewer.org, chosen.id).await?;
    let followed: Vec<UserId> =
        if admin { in_scope.into_iter().collect() } else { map.reports_of(viewer.user, in_scope) };
    let states = workflows(db, &moments).await?;
    let names = Names::of(db, followed.iter().map(|p| p.0)).await?;
    let unit_names: HashMap<uuid::Uuid, String> = org_unit::Entity::find()
        .filter(org_unit::Column::OrgId.eq(viewer.org.0))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let mut people: Vec<(PersonProgress, Option<UnitId>)> = followed
        .iter()
        .map(|person| {
            let unit = map.primary_unit_of(*person);
            let cells = moments
                .iter()
                .map(|m| {
                    let workflow =
                        states.get(&(m.id, person.0)).copied().unwrap_or(Workflow::new(writers_of(m)));
                    ProgressCell {
                        stage: workflow.stage(),
                        employee_acknowledged: workflow.employee_acknowledged,
                        manager_acknowledged: workflow.manager_acknowledged,
                        overdue: !workflow.locked && m.closes_on < today,
                        open: m.opens_on <= today,
                    }
                })
                .collect();
            let shown = PersonProgress {
                person: names.person(person.0),
                unit: unit.and_then(|u| unit_names.get(&u.0).cloned()),
                cells,
            };
            (shown, unit)
        })
        .collect();
    people.sort_by(|(a, _), (b, _)| a.unit.cmp(&b.unit).then_with(|| a.person.name.cmp(&b.person.name)));
    let units = per_unit(&people, moments.len(), &unit_names);
    Ok(ReviewProgress {
        cycle: ReviewCycleId(chosen.id),
        name: chosen.name.clone(),
        cycles: cycles.names(),
        moments: moments
            .iter()
            .map(|m| ProgressMoment {
                id: MomentId(m.id),
                kind: MomentKind::from_code(&m.kind).unwrap_or(MomentKind::End),
                opens_on: m.opens_on.to_string(),
                closes_on: m.closes_on.to_string(),
            })
            .collect(),
        units,
        people: people.into_iter().map(|(shown, _)| shown).collect(),
        may_reopen: admin,
    })
}

/// The progress as an XLSX workbook in `lang`: a row per person, a column
/// per moment with its stage, "overdue" where it is.
pub fn to_xlsx(progress: &ReviewProgress, lang: Lang) -> Result<Vec<u8>, AppError> {
    let mut header =
        vec![text(lang, Key::EvaluationsPerson).to_owned(), text(lang, Key::ReviewProgressUnit).to_owned()];
    header.extend(progress.moments.iter().map(|m| {
        format(
            lang,
            Key::ReviewProgressMomentColumn,
            &[("moment", text(lang, m.kind.label_key())), ("until", &m.closes_on)],
        )
    }));
    let rows = progress.people.iter().map(|p| {
        let mut row = vec![p.person.name.clone(), p.unit.clone().unwrap_or_default()];
        row.extend(p.cells.iter().map(|cell| {
            let stage = text(lang, cell.stage.label_key());
            if cell.overdue {
                format(lang, Key::ReviewProgressOverdueCell, &[("stage", stage)])
            } else {
                stage.to_owned()
            }
        }));
        row
    });
    let table: Table = std::iter::once(header).chain(rows).collect();
    write_xlsx(&table, text(lang, Key::ReviewProgressSheet)).map_err(|error| {
        tracing::error!(%error, "the progress workbook could not be written");
        AppError::Internal
    })
}

/// The counts per primary unit (people without one together), by unit name.
fn per_unit(
    people: &[(PersonProgress, Option<UnitId>)],
    moments: usize,
    unit_names: &HashMap<uuid::Uuid, String>,
) -> Vec<UnitProgress> {
    let mut by_unit: BTreeMap<Option<(String, UnitId)>, Vec<StageCounts>> = BTreeMap::new();
    for (person, unit) in people {
        let key = unit.map(|u| (unit_names.get(&u.0).cloned().unwrap_or_default(), u));
        let counts = by_unit.entry(key).or_insert_with(|| vec![StageCounts::default(); moments]);
        for (count, cell) in counts.iter_mut().zip(&person.cells) {
            count.people += 1;
            count.written += u32::from(cell.stage != Stage::NotStarted);
            count.shared += u32::from(matches!(cell.stage, Stage::Shared | Stage::Locked));
            count.locked += u32::from(cell.stage == Stage::Locked);
            count.overdue += u32::from(cell.overdue);
        }
    }
    by_unit
        .into_iter()
        .map(|(unit, counts)| UnitProgress { unit: unit.map(|(name, id)| (id, name)), counts })
        .collect()
}

#[cfg(test)]
mod tests;
