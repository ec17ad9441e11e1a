//! Calibration (issue 7, PRODUCT.md §3.4): a manager proposes a final
//! score for each of their people's evaluations; in calibration the
//! proposals of a unit are compared side by side with their distribution,
//! and the final score is set — each change with a rationale, kept in a
//! log (`review_calibration`, the rationale sealed). Admins calibrate
//! everyone in a cycle's scope; a manager the people of the units they
//! manage (with the units below them) and their own reports, so a senior
//! manager compares the teams of the managers under them. The employee
//! sees the final score only if the cycle says so.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    Set, TransactionTrait,
};

use super::cycles::CycleInView;
use super::evaluations::{Place, Stored, ensure_evaluation, place};
use super::scope;
use crate::domain::AppError;
use crate::domain::dto::{
    CalibrationBoard, CalibrationChange, CalibrationForm, CalibrationRow, RATIONALE_MAX, ScoreView,
    UnitCalibration,
};
use crate::domain::evaluations::Party;
use crate::domain::ids::{MomentId, OrgId, ReviewCycleId, UnitId, UserId};
use crate::domain::reviews::{FINAL_SCORE_SCALE, MomentKind};
use crate::domain::roles::Role;
use crate::domain::validation::{Checks, Problem};
use crate::server::auth::OrgScope;
use crate::server::auth::reach::{ManagerMap, Structure};
use crate::server::crypto::{Keyring, Purpose, TenantCipher};
use crate::server::db::internal;
use crate::server::entity::{
    org_unit, review_calibration as change, review_cycle as cycle, review_evaluation as evaluation,
    review_moment as moment, unit_manager, user_account,
};
use crate::server::service::local_time::shown;
use crate::server::service::names::Names;
use crate::server::service::tenant_keys;

fn score(text: &str, field: &str) -> Result<u32, AppError> {
    match text.trim().parse::<u32>() {
        Ok(score) if (1..=FINAL_SCORE_SCALE).contains(&score) => Ok(score),
        _ => Err(AppError::invalid(field, Problem::NotAChoice)),
    }
}

fn rationale_record(id: uuid::Uuid) -> String {
    format!("review_calibration/{id}/rationale")
}

/// The score of an evaluation as its viewer may see it.
pub fn score_view(place: &Place, stored: &Stored) -> ScoreView {
    let row = stored.evaluation.as_ref();
    let final_score = row.and_then(|e| e.final_score).and_then(|s| u32::try_from(s).ok());
    match place.party {
        Party::Manager => ScoreView {
            proposed: row.and_then(|e| e.proposed_score).and_then(|s| u32::try_from(s).ok()),
            final_score,
            may_propose: true,
        },
        Party::Employee => ScoreView {
            proposed: None,
            final_score: final_score.filter(|_| place.cycle.final_score_visible),
            may_propose: false,
        },
    }
}

/// A manager proposes the final score of a report's evaluation.
pub async fn propose(
    db: &DatabaseConnection,
    scope: &OrgScope,
    (moment_id, employee): (MomentId, UserId),
    proposed: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let proposed = score(proposed, "proposed")?;
    let found = place(db, scope, moment_id, employee).await?;
    if found.party != Party::Manager {
        return Err(AppError::Forbidden);
    }
    let id = ensure_evaluation(db, &found, now).await?;
    evaluation::Entity::update_many()
        .col_expr(evaluation::Column::ProposedScore, Expr::value(Some(i32::try_from(proposed).unwrap_or(1))))
        .filter(evaluation::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
        .map_err(internal)
}

/// The people the viewer calibrates: everyone for an admin; for a
/// manager, the people of the units they manage and below, and their reports.
pub(super) async fn calibrated_by(
    db: &impl ConnectionTrait,
    viewer: &OrgScope,
    people: HashSet<UserId>,
    map: &ManagerMap,
) -> Result<HashSet<UserId>, AppError> {
    if viewer.roles.has(Role::Admin) {
        return Ok(people);
    }
    let structure = Structure::load(db, viewer.org).await.map_err(internal)?;
    let managed: Vec<UnitId> = unit_manager::Entity::find()
        .filter(unit_manager::Column::UserId.eq(viewer.user.0))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|m| UnitId(m.unit_id))
        .collect();
    Ok(people
        .into_iter()
        .filter(|person| *person != viewer.user)
        .filter(|person| {
            map.managers_of(*person).contains(&viewer.user)
                || map
                    .primary_unit_of(*person)
                    .is_some_and(|unit| managed.iter().any(|above| structure.is_within(unit, *above)))
        })
        .collect())
}

/// The calibration board of a moment (default: the cycle running today,
/// its last moment): per unit the people the viewer calibrates, their
/// proposed and final scores with the log, and the distributions.
pub async fn board(
    db: &DatabaseConnection,
    keys: &Keyring,
    viewer: &OrgScope,
    (cycle_id, moment_id): (Option<ReviewCycleId>, Option<MomentId>),
    (today, time_zone): (chrono::NaiveDate, chrono_tz::Tz),
) -> Result<CalibrationBoard, AppError> {
    if !viewer.roles.has(Role::Admin) && !viewer.roles.has(Role::Manager) {
        return Err(AppError::Forbidden);
    }
    let cycles = CycleInView::load(db, viewer.org, cycle_id, today).await?;
    let chosen = &cycles.chosen;
    let moments = moment::Entity::find()
        .filter(moment::Column::CycleId.eq(chosen.id))
        .order_by_asc(moment::Column::OpensOn)
        .all(db)
        .await
        .map_err(internal)?;
    let at = match moment_id {
        Some(id) => moments.iter().find(|m| m.id == id.0),
        None => moments.last(),
    }
    .ok_or(AppError::NotFound)?;
    let map = ManagerMap::load(db, viewer.org).await.map_err(internal)?;
    let in_scope = scope::people_in(db, viewer.org, chosen.id).await?;
    let people = calibrated_by(db, viewer, in_scope, &map).await?;
    let stored = Stored::load_many(db, [at.id]).await?;
    let evaluations: HashMap<uuid::Uuid, &evaluation::Model> = stored
        .values()
        .filter_map(|s| s.evaluation.as_ref())
        .filter(|e| people.contains(&UserId(e.employee_id)))
        .map(|e| (e.employee_id, e))
        .collect();
    let changes = change::Entity::find()
        .filter(change::Column::EvaluationId.is_in(evaluations.values().map(|e| e.id)))
        .order_by_asc(change::Column::ChangedAt)
        .all(db)
        .await
        .map_err(internal)?;
    let names =
        Names::of(db, people.iter().map(|p| p.0).chain(changes.iter().filter_map(|c| c.changed_by))).await?;
    let cipher = tenant_keys::content_cipher(db, keys, viewer.org).await?;
    let unit_names: HashMap<uuid::Uuid, String> = org_unit::Entity::find()
        .filter(org_unit::Column::OrgId.eq(viewer.org.0))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let as_score = |s: Option<i32>| s.and_then(|s| u32::try_from(s).ok());
    let mut units: BTreeMap<Option<String>, Vec<CalibrationRow>> = BTreeMap::new();
    for person in &people {
        let row = evaluations.get(&person.0);
        let log = row
            .map(|e| {
                changes
                    .iter()
                    .filter(|c| c.evaluation_id == e.id)
                    .map(|c| shown_change(&cipher, &names, c, time_zone))
            })
            .into_iter()
            .flatten()
            .collect::<Result<Vec<_>, AppError>>()?;
        let unit = map.primary_unit_of(*person).and_then(|u| unit_names.get(&u.0).cloned());
        units.entry(unit).or_default().push(CalibrationRow {
            person: names.person(person.0),
            proposed: as_score(row.and_then(|e| e.proposed_score)),
            final_score: as_score(row.and_then(|e| e.final_score)),
            changes: log,
        });
    }
    Ok(CalibrationBoard {
        cycle: ReviewCycleId(chosen.id),
        cycles: cycles.names(),
        moments: moments
            .iter()
            .map(|m| (MomentId(m.id), MomentKind::from_code(&m.kind).unwrap_or(MomentKind::End)))
            .collect(),
        moment: MomentId(at.id),
        units: units
            .into_iter()
            .map(|(unit, mut people)| {
                people.sort_by(|a, b| a.person.name.cmp(&b.person.name));
                let proposed = distribution(people.iter().map(|p| p.proposed));
                let finals = distribution(people.iter().map(|p| p.final_score));
                UnitCalibration { unit, people, proposed, finals }
            })
            .collect(),
    })
}

/// How many scores are 1, 2, … up to the scale.
fn distribution(scores: impl Iterator<Item = Option<u32>>) -> Vec<u32> {
    let mut counts = vec![0; FINAL_SCORE_SCALE as usize];
    for score in scores.flatten() {
        if let Some(count) = counts.get_mut(score as usize - 1) {
            *count += 1;
        }
    }
    counts
}

fn shown_change(
    cipher: &TenantCipher,
    names: &Names,
    row: &change::Model,
    time_zone: chrono_tz::Tz,
) -> Result<CalibrationChange, AppError> {
    let rationale = cipher
        .open_text(Purpose::Evaluation, &rationale_record(row.id), &row.rationale)
        .map_err(|error| {
            tracing::error!(%error, "a sealed rationale does not open");
            AppError::Internal
        })?;
    Ok(CalibrationChange {
        from: row.from_score.and_then(|s| u32::try_from(s).ok()),
        to: u32::try_from(row.to_score).unwrap_or_default(),
        rationale,
        by: row.changed_by.map(|by| names.name(by)),
        at: shown(row.changed_at, time_zone),
    })
}

/// Sets the final score of an evaluation the viewer calibrates, with a
/// rationale; the change is logged.
pub async fn calibrate(
    db: &DatabaseConnection,
    keys: &Keyring,
    viewer: &OrgScope,
    (moment_id, employee): (MomentId, UserId),
    form: &CalibrationForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut checks = Checks::default();
    let rationale = checks.text("rationale", &form.rationale, RATIONALE_MAX);
    let to = score(&form.score, "score");
    checks.finish().map_err(|errors| AppError::Invalid { errors })?;
    let to = to?;
    let at = moment::Entity::find_by_id(moment_id.0)
        .filter(moment::Column::OrgId.eq(viewer.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let map = ManagerMap::load(db, viewer.org).await.map_err(internal)?;
    let in_scope = scope::people_in(db, viewer.org, at.cycle_id).await?;
    if !calibrated_by(db, viewer, in_scope, &map).await?.contains(&employee) {
        return Err(AppError::NotFound);
    }
    let of_cycle =
        cycle::Entity::find_by_id(at.cycle_id).one(db).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    let person = user_account::Entity::find_by_id(employee.0)
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let found = Place { moment: at, cycle: of_cycle, employee: person, party: Party::Manager };
    let cipher = tenant_keys::content_cipher(db, keys, OrgId(viewer.org.0)).await?;
    let txn = db.begin().await.map_err(internal)?;
    let id = ensure_evaluation(&txn, &found, now).await?;
    let before =
        evaluation::Entity::find_by_id(id).one(&txn).await.map_err(internal)?.and_then(|e| e.final_score);
    evaluation::Entity::update_many()
        .col_expr(evaluation::Column::FinalScore, Expr::value(Some(i32::try_from(to).unwrap_or(1))))
        .filter(evaluation::Column::Id.eq(id))
        .exec(&txn)
        .await
        .map_err(internal)?;
    let change_id = uuid::Uuid::now_v7();
    change::ActiveModel {
        id: Set(change_id),
        org_id: Set(viewer.org.0),
        evaluation_id: Set(id),
        from_score: Set(before),
        to_score: Set(i32::try_from(to).unwrap_or(1)),
        rationale: Set(cipher.seal_text(Purpose::Evaluation, &rationale_record(change_id), &rationale)),
        changed_by: Set(Some(viewer.user.0)),
        changed_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(internal)?;
    txn.commit().await.map_err(internal)
}

#[cfg(test)]
mod tests;
