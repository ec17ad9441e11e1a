//! Evaluations (issue 7, PRODUCT.md §3.4): at each moment of a cycle, for
//! each person in its scope, the employee writes a self-reflection and
//! their manager an evaluation, as the moment says. The workflow —
//! draft, shared, acknowledged by both, locked — is decided by
//! `domain::evaluations::Workflow`; this module keeps it in the database,
//! with every step that changes state taken by a conditional update, so
//! two requests at once cannot both take it.
//!
//! Only the employee and their managers reach an evaluation; a draft is
//! read by its own party only. Admins see no content: they see progress
//! (`progress`) and can reopen a shared or locked evaluation, with a
//! reason that both parties read, which is audit-logged. Answers, comments
//! and the reason are sealed under the organisation's data key.

mod closing;
mod panel;
mod stored;
mod writing;

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};

pub use closing::{acknowledge, reopen};
pub use stored::Stored;
pub(super) use writing::ensure_evaluation;
pub use writing::{save, share};

use super::{forms, scope};
use crate::domain::AppError;
use crate::domain::dto::{
    Acknowledgement, Answer, Evaluation, EvaluationQuestion, EvaluationSummary, FunctionName, PersonRef,
    RatedItem, Reopening, WritingView,
};
use crate::domain::evaluations::{Party, Refusal, Stage, Workflow};
use crate::domain::ids::{MomentId, UserId};
use crate::domain::reviews::{MomentKind, QuestionKind, Writers};
use crate::domain::validation::Problem;
use crate::server::auth::OrgScope;
use crate::server::auth::reach::{ManagerMap, managers_of};
use crate::server::crypto::{Keyring, Purpose, TenantCipher};
use crate::server::db::internal;
use crate::server::entity::{
    review_cycle as cycle, review_evaluation as evaluation, review_moment as moment, user_account,
};
use crate::server::service::local_time::shown;
use crate::server::service::names::Names;
use crate::server::service::{competencies, goals, tenant_keys};

/// Where a request about one evaluation lands: the moment and its cycle,
/// the employee, and the viewer's part.
pub struct Place {
    pub moment: moment::Model,
    pub cycle: cycle::Model,
    pub employee: user_account::Model,
    pub party: Party,
}

impl Place {
    pub fn writers(&self) -> Writers {
        writers_of(&self.moment)
    }
}

pub fn writers_of(row: &moment::Model) -> Writers {
    Writers::from_code(&row.writers).unwrap_or(Writers::Both)
}

/// The moment and the person, if the viewer is that person or one of their
/// managers and the person is in the cycle's scope; else not found.
pub async fn place(
    db: &impl ConnectionTrait,
    scope: &OrgScope,
    moment_id: MomentId,
    employee: UserId,
) -> Result<Place, AppError> {
    let found = moment::Entity::find_by_id(moment_id.0)
        .filter(moment::Column::OrgId.eq(scope.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let in_cycle = cycle::Entity::find_by_id(found.cycle_id).one(db).await.map_err(internal)?;
    let person = user_account::Entity::find_by_id(employee.0)
        .filter(user_account::Column::OrgId.eq(scope.org.0))
        .one(db)
        .await
        .map_err(internal)?;
    let (Some(in_cycle), Some(person)) = (in_cycle, person) else { return Err(AppError::NotFound) };
    let party = if employee == scope.user {
        Party::Employee
    } else if managers_of(db, scope.org, employee).await.map_err(internal)?.contains(&scope.user) {
        Party::Manager
    } else {
        return Err(AppError::NotFound);
    };
    if !scope::people_in(db, scope.org, in_cycle.id).await?.contains(&employee) {
        return Err(AppError::NotFound);
    }
    Ok(Place { moment: found, cycle: in_cycle, employee: person, party })
}

fn refused(refusal: Refusal) -> AppError {
    let problem = match refusal {
        Refusal::NothingWritten => Problem::Required,
        _ => Problem::NotNow,
    };
    AppError::invalid("workflow", problem)
}

fn seal(cipher: &TenantCipher, record: String, text: &str) -> Vec<u8> {
    cipher.seal_text(Purpose::Evaluation, &record, text)
}

fn open(cipher: &TenantCipher, record: &str, sealed: &[u8]) -> Result<String, AppError> {
    cipher.open_text(Purpose::Evaluation, record, sealed).map_err(|error| {
        tracing::error!(%error, "a sealed evaluation text does not open");
        AppError::Internal
    })
}

fn answers_record(id: uuid::Uuid) -> String {
    format!("review_writing/{id}/answers")
}

fn evaluation_record(id: uuid::Uuid, field: &str) -> String {
    format!("review_evaluation/{id}/{field}")
}

/// The evaluations the viewer takes part in, at moments that have opened:
/// their own, and those of the people they manage. Newest moment first.
pub async fn mine(
    db: &DatabaseConnection,
    scope: &OrgScope,
    today: NaiveDate,
) -> Result<Vec<EvaluationSummary>, AppError> {
    let cycles =
        cycle::Entity::find().filter(cycle::Column::OrgId.eq(scope.org.0)).all(db).await.map_err(internal)?;
    let moments = moment::Entity::find()
        .filter(moment::Column::OrgId.eq(scope.org.0))
        .filter(moment::Column::OpensOn.lte(today))
        .all(db)
        .await
        .map_err(internal)?;
    let map = ManagerMap::load(db, scope.org).await.map_err(internal)?;
    let stored = Stored::load_many(db, moments.iter().map(|m| m.id)).await?;
    let mut mine = Vec::new();
    for in_cycle in &cycles {
        let people: Vec<UserId> = scope::people_in(db, scope.org, in_cycle.id).await?.into_iter().collect();
        let mut parts: Vec<(UserId, Party)> = map
            .reports_of(scope.user, people.iter().copied())
            .into_iter()
            .map(|report| (report, Party::Manager))
            .collect();
        if people.contains(&scope.user) {
            parts.push((scope.user, Party::Employee));
        }
        for row in moments.iter().filter(|m| m.cycle_id == in_cycle.id) {
            for (employee, party) in &parts {
                let state = stored.get(&(row.id, employee.0)).cloned().unwrap_or_default();
                mine.push((row, in_cycle, *employee, *party, state.workflow(writers_of(row))));
            }
        }
    }
    let names = Names::of(db, mine.iter().map(|(_, _, employee, _, _)| employee.0)).await?;
    let mut summaries: Vec<EvaluationSummary> = mine
        .into_iter()
        .map(|(row, in_cycle, employee, party, workflow)| EvaluationSummary {
            moment: MomentId(row.id),
            cycle: in_cycle.name.clone(),
            kind: MomentKind::from_code(&row.kind).unwrap_or(MomentKind::End),
            employee: names.person(employee.0),
            viewer: party,
            stage: workflow.stage(),
            waiting_for_viewer: waits_for(&workflow, party),
            closes_on: row.closes_on.to_string(),
            overdue: workflow.stage() != Stage::Locked && row.closes_on < today,
        })
        .collect();
    summaries
        .sort_by(|a, b| b.closes_on.cmp(&a.closes_on).then_with(|| a.employee.name.cmp(&b.employee.name)));
    Ok(summaries)
}

/// An evaluation as its documents see it (issue 10): for its employee and
/// their managers only (else not found), its row's id — made now when
/// `begin`, else `None` until someone begins it — and whether it is locked.
pub async fn for_documents(
    db: &impl ConnectionTrait,
    scope: &OrgScope,
    (moment_id, employee): (MomentId, UserId),
    begin: bool,
    now: DateTime<Utc>,
) -> Result<(Option<uuid::Uuid>, bool), AppError> {
    let place = place(db, scope, moment_id, employee).await?;
    let stored = Stored::load(db, place.moment.id, employee.0).await?;
    let locked = stored.workflow(place.writers()).locked;
    let id = match (stored.evaluation, begin) {
        (Some(row), _) => Some(row.id),
        (None, true) => Some(ensure_evaluation(db, &place, now).await?),
        (None, false) => None,
    };
    Ok((id, locked))
}

/// Whether `party` has a step to take: write or share, or acknowledge.
pub fn waits_for(workflow: &Workflow, party: Party) -> bool {
    if workflow.locked {
        return false;
    }
    if workflow.all_shared() {
        return !workflow.acknowledged(party);
    }
    workflow.may_write(party).is_ok()
}

/// One evaluation as the viewer may see it, with the side panel.
pub async fn details(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    (moment_id, employee): (MomentId, UserId),
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<Evaluation, AppError> {
    let place = place(db, scope, moment_id, employee).await?;
    let stored = Stored::load(db, place.moment.id, employee.0).await?;
    let workflow = stored.workflow(place.writers());
    let cipher = tenant_keys::content_cipher(db, keys, scope.org).await?;
    let authors = Names::of(db, stored.writings.iter().filter_map(|w| w.author_id)).await?;
    let view = |party: Party| -> Result<Option<WritingView>, AppError> {
        let Some(row) = stored.writing(party) else { return Ok(None) };
        if !workflow.reads(place.party, party) {
            return Ok(None);
        }
        let answers: Vec<Answer> =
            serde_json::from_str(&open(&cipher, &answers_record(row.id), &row.answers)?).map_err(
                |error| {
                    tracing::error!(%error, "stored answers do not read");
                    AppError::Internal
                },
            )?;
        Ok(Some(WritingView {
            party,
            author: row.author_id.map(|a| authors.name(a)),
            answers,
            saved: shown(row.saved_at, time_zone),
            shared: row.shared_at.map(|at| shown(at, time_zone)),
        }))
    };
    let (mine, theirs) = (view(place.party)?, view(place.party.other())?);
    let (acknowledgements, reopened) = match &stored.evaluation {
        Some(row) => (
            acknowledgements(db, &cipher, row, time_zone).await?,
            reopening(db, &cipher, row, time_zone).await?,
        ),
        None => (Vec::new(), None),
    };
    let questions = questions_for(db, keys, &place).await?;
    let today = now.with_timezone(&time_zone).date_naive();
    let peers = super::peers::for_evaluation(db, keys, &place, today).await?;
    let score = super::calibration::score_view(&place, &stored);
    let panel = panel::load(db, keys, scope, &place, time_zone, now).await?;
    Ok(Evaluation {
        moment: moment_id,
        cycle: place.cycle.name.clone(),
        kind: MomentKind::from_code(&place.moment.kind).unwrap_or(MomentKind::End),
        opens_on: place.moment.opens_on.to_string(),
        closes_on: place.moment.closes_on.to_string(),
        intro: FunctionName { nl: place.moment.intro_nl.clone(), en: place.moment.intro_en.clone() },
        employee: PersonRef { id: employee, name: place.employee.name.clone() },
        viewer: place.party,
        workflow,
        questions,
        mine,
        theirs,
        acknowledgements,
        reopened,
        peers,
        score,
        panel,
    })
}

async fn acknowledgements(
    db: &impl ConnectionTrait,
    cipher: &TenantCipher,
    row: &evaluation::Model,
    time_zone: chrono_tz::Tz,
) -> Result<Vec<Acknowledgement>, AppError> {
    let names =
        Names::of(db, [Some(row.employee_id), row.manager_acknowledged_by].into_iter().flatten()).await?;
    let mut shown_ones = Vec::new();
    for (party, at, by, comment, field) in [
        (
            Party::Employee,
            row.employee_acknowledged_at,
            Some(row.employee_id),
            &row.employee_comment,
            "employee_comment",
        ),
        (
            Party::Manager,
            row.manager_acknowledged_at,
            row.manager_acknowledged_by,
            &row.manager_comment,
            "manager_comment",
        ),
    ] {
        let Some(at) = at else { continue };
        let comment = match comment {
            Some(sealed) => open(cipher, &evaluation_record(row.id, field), sealed)?,
            None => String::new(),
        };
        shown_ones.push(Acknowledgement {
            party,
            by: by.map(|b| names.name(b)),
            at: shown(at, time_zone),
            comment,
        });
    }
    Ok(shown_ones)
}

async fn reopening(
    db: &impl ConnectionTrait,
    cipher: &TenantCipher,
    row: &evaluation::Model,
    time_zone: chrono_tz::Tz,
) -> Result<Option<Reopening>, AppError> {
    let (Some(at), Some(reason)) = (row.reopened_at, &row.reopen_reason) else { return Ok(None) };
    let names = Names::of(db, row.reopened_by).await?;
    Ok(Some(Reopening {
        by: row.reopened_by.map(|b| names.name(b)),
        at: shown(at, time_zone),
        reason: open(cipher, &evaluation_record(row.id, "reopen_reason"), reason)?,
    }))
}

/// The questions of the moment's form, with the goals and competencies
/// that the rating-per-item questions rate for this employee.
async fn questions_for(
    db: &impl ConnectionTrait,
    keys: &Keyring,
    place: &Place,
) -> Result<Vec<EvaluationQuestion>, AppError> {
    let employee = UserId(place.employee.id);
    questions_of(db, keys, place.moment.form_id, &place.cycle, employee, Raters::Parties).await
}

/// Who answers a form: the employee and manager rate the period's goals;
/// others rate competencies only, as the goals are not theirs to read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Raters {
    Parties,
    Others,
}

/// The questions of `form` about `employee` in `of_cycle`, with what the
/// rating-per-item questions rate.
pub async fn questions_of(
    db: &impl ConnectionTrait,
    keys: &Keyring,
    form: uuid::Uuid,
    of_cycle: &cycle::Model,
    employee: UserId,
    raters: Raters,
) -> Result<Vec<EvaluationQuestion>, AppError> {
    let asked = forms::questions(db, form).await?;
    let org = crate::domain::ids::OrgId(of_cycle.org_id);
    let mut goals_rated = Vec::new();
    let mut competencies_rated = Vec::new();
    if raters == Raters::Parties && asked.iter().any(|q| q.kind == QuestionKind::GoalRatings) {
        let years = of_cycle.starts_on.year()..=of_cycle.ends_on.year();
        goals_rated = goals::rated_in_evaluation(db, keys, org, employee, years)
            .await?
            .into_iter()
            .map(|g| RatedItem { id: g.id.0, name: FunctionName { nl: g.title.clone(), en: g.title } })
            .collect();
    }
    if asked.iter().any(|q| q.kind == QuestionKind::CompetencyRatings) {
        competencies_rated = competencies::for_person(db, org, employee)
            .await?
            .into_iter()
            .map(|c| RatedItem { id: c.id.0, name: FunctionName { nl: c.name_nl, en: c.name_en } })
            .collect();
    }
    Ok(asked
        .into_iter()
        .map(|question| {
            let items = match question.kind {
                QuestionKind::GoalRatings => goals_rated.clone(),
                QuestionKind::CompetencyRatings => competencies_rated.clone(),
                QuestionKind::Open | QuestionKind::Rating => Vec::new(),
            };
            EvaluationQuestion { question, items }
        })
        .collect())
}

/// The workflow of every evaluation of `moments`, by moment and employee
/// (for progress overviews and reminders; no content is opened).
pub async fn workflows(
    db: &impl ConnectionTrait,
    moments: &[moment::Model],
) -> Result<HashMap<(uuid::Uuid, uuid::Uuid), Workflow>, AppError> {
    let stored = Stored::load_many(db, moments.iter().map(|m| m.id)).await?;
    Ok(stored
        .into_iter()
        .filter_map(|(key, state)| {
            let row = moments.iter().find(|m| m.id == key.0)?;
            Some((key, state.workflow(writers_of(row))))
        })
        .collect())
}

#[cfg(test)]
mod tests;
