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

mod panel;
mod stored;

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

pub use stored::Stored;

use super::{forms, scope};
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{
    ACKNOWLEDGEMENT_COMMENT_MAX, Acknowledgement, Answer, Evaluation, EvaluationQuestion, EvaluationSummary,
    FunctionName, PersonRef, REOPEN_REASON_MAX, RatedItem, Reopening, WritingForm, WritingView,
    check_answers,
};
use crate::domain::evaluations::{Party, Refusal, Stage, Workflow};
use crate::domain::ids::{MomentId, UserId};
use crate::domain::notifications::NotificationKind;
use crate::domain::reviews::{MomentKind, QuestionKind, Writers};
use crate::domain::validation::{Checks, Problem};
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::OrgScope;
use crate::server::auth::reach::{ManagerMap, managers_of};
use crate::server::crypto::{Keyring, Purpose, TenantCipher};
use crate::server::db::internal;
use crate::server::entity::{
    review_cycle as cycle, review_evaluation as evaluation, review_moment as moment,
    review_writing as writing, user_account,
};
use crate::server::messages::evaluation_shared_mail;
use crate::server::service::local_time::shown;
use crate::server::service::names::Names;
use crate::server::service::notifications::{Notice, notify};
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
async fn place(
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
    let asked = forms::questions(db, place.moment.form_id).await?;
    let org = crate::domain::ids::OrgId(place.cycle.org_id);
    let employee = UserId(place.employee.id);
    let mut goals_rated = None;
    let mut competencies_rated = None;
    if asked.iter().any(|q| q.kind == QuestionKind::GoalRatings) {
        let years = place.cycle.starts_on.year()..=place.cycle.ends_on.year();
        let found = goals::rated_in_evaluation(db, keys, org, employee, years).await?;
        goals_rated = Some(
            found
                .into_iter()
                .map(|g| RatedItem { id: g.id.0, name: FunctionName { nl: g.title.clone(), en: g.title } })
                .collect::<Vec<_>>(),
        );
    }
    if asked.iter().any(|q| q.kind == QuestionKind::CompetencyRatings) {
        let found = competencies::for_person(db, org, employee).await?;
        competencies_rated = Some(
            found
                .into_iter()
                .map(|c| RatedItem { id: c.id.0, name: FunctionName { nl: c.name_nl, en: c.name_en } })
                .collect::<Vec<_>>(),
        );
    }
    Ok(asked
        .into_iter()
        .map(|question| {
            let items = match question.kind {
                QuestionKind::GoalRatings => goals_rated.clone().unwrap_or_default(),
                QuestionKind::CompetencyRatings => competencies_rated.clone().unwrap_or_default(),
                QuestionKind::Open | QuestionKind::Rating => Vec::new(),
            };
            EvaluationQuestion { question, items }
        })
        .collect())
}

/// Saves the viewer's writing as a draft (a draft may leave questions open).
pub async fn save(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    at: (MomentId, UserId),
    form: &WritingForm,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    write(db, keys, scope, at, form, Intent::Save, time_zone, now).await.map(|_| ())
}

/// Saves the viewer's writing and shares it with the other party, who is
/// told; every required question must be answered.
pub async fn share(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    at: (MomentId, UserId),
    form: &WritingForm,
    (public_url, time_zone): (&str, chrono_tz::Tz),
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let place = write(db, keys, scope, at, form, Intent::Share, time_zone, now).await?;
    let others: Vec<UserId> = match place.party {
        Party::Employee => managers_of(db, scope.org, UserId(place.employee.id)).await.map_err(internal)?,
        Party::Manager => vec![UserId(place.employee.id)],
    };
    let link = format!("{public_url}/reviews/{}/{}", place.moment.id, place.employee.id);
    for other in user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(others.iter().map(|o| o.0)))
        .all(db)
        .await
        .map_err(internal)?
    {
        let notice = Notice::new(NotificationKind::EvaluationShared).about(scope.user);
        let mail = |lang, to: &str, name: &str| evaluation_shared_mail(lang, to, name, &scope.name, &link);
        notify(db, scope.org, &other, notice, mail, now).await?;
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Intent {
    Save,
    Share,
}

#[allow(clippy::too_many_arguments)]
async fn write(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    (moment_id, employee): (MomentId, UserId),
    form: &WritingForm,
    intent: Intent,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<Place, AppError> {
    let place = place(db, scope, moment_id, employee).await?;
    if now.with_timezone(&time_zone).date_naive() < place.moment.opens_on {
        return Err(AppError::invalid("workflow", Problem::NotNow));
    }
    let questions = questions_for(db, keys, &place).await?;
    let answers = check_answers(&questions, form, intent == Intent::Share)
        .map_err(|errors| AppError::Invalid { errors })?;
    let answers = serde_json::to_string(&answers).map_err(|_| AppError::Internal)?;
    let cipher = tenant_keys::content_cipher(db, keys, scope.org).await?;
    let txn = db.begin().await.map_err(internal)?;
    let evaluation_id = ensure_evaluation(&txn, &place, now).await?;
    let stored = Stored::load(&txn, place.moment.id, employee.0).await?;
    let workflow = stored.workflow(place.writers()).save(place.party).map_err(refused)?;
    if intent == Intent::Share {
        workflow.share(place.party).map_err(refused)?;
    }
    let shared_at = (intent == Intent::Share).then_some(now);
    match stored.writing(place.party) {
        Some(existing) => {
            let changed = writing::Entity::update_many()
                .col_expr(
                    writing::Column::Answers,
                    Expr::value(seal(&cipher, answers_record(existing.id), &answers)),
                )
                .col_expr(writing::Column::AuthorId, Expr::value(Some(scope.user.0)))
                .col_expr(writing::Column::SavedAt, Expr::value(now))
                .col_expr(writing::Column::SharedAt, Expr::value(shared_at))
                .filter(writing::Column::Id.eq(existing.id))
                .filter(writing::Column::SharedAt.is_null())
                .exec(&txn)
                .await
                .map_err(internal)?;
            if changed.rows_affected != 1 {
                return Err(refused(Refusal::AlreadyShared));
            }
        }
        None => {
            let id = uuid::Uuid::now_v7();
            writing::ActiveModel {
                id: Set(id),
                evaluation_id: Set(evaluation_id),
                party: Set(place.party.code().to_owned()),
                author_id: Set(Some(scope.user.0)),
                answers: Set(seal(&cipher, answers_record(id), &answers)),
                saved_at: Set(now),
                shared_at: Set(shared_at),
            }
            .insert(&txn)
            .await
            .map_err(|_| refused(Refusal::AlreadyShared))?;
        }
    }
    // A lock taken meanwhile wins: nothing is written to a locked evaluation.
    let still_open = evaluation::Entity::find_by_id(evaluation_id).one(&txn).await.map_err(internal)?;
    if still_open.is_none_or(|row| row.locked_at.is_some()) {
        return Err(refused(Refusal::Locked));
    }
    txn.commit().await.map_err(internal)?;
    Ok(place)
}

/// The evaluation row of the place, made on first writing.
async fn ensure_evaluation(
    db: &impl ConnectionTrait,
    place: &Place,
    now: DateTime<Utc>,
) -> Result<uuid::Uuid, AppError> {
    evaluation::Entity::insert(evaluation::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        org_id: Set(place.cycle.org_id),
        moment_id: Set(place.moment.id),
        employee_id: Set(place.employee.id),
        employee_acknowledged_at: Set(None),
        employee_comment: Set(None),
        manager_acknowledged_at: Set(None),
        manager_acknowledged_by: Set(None),
        manager_comment: Set(None),
        locked_at: Set(None),
        reopened_at: Set(None),
        reopened_by: Set(None),
        reopen_reason: Set(None),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([evaluation::Column::MomentId, evaluation::Column::EmployeeId])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map_err(internal)?;
    Stored::load(db, place.moment.id, place.employee.id)
        .await?
        .evaluation
        .map(|row| row.id)
        .ok_or(AppError::Internal)
}

/// The viewer acknowledges the shared writings, with an optional comment;
/// the second acknowledgement locks the evaluation.
pub async fn acknowledge(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    (moment_id, employee): (MomentId, UserId),
    comment: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut checks = Checks::default();
    let comment = checks.optional_text("comment", comment, ACKNOWLEDGEMENT_COMMENT_MAX);
    checks.finish().map_err(|errors| AppError::Invalid { errors })?;
    let place = place(db, scope, moment_id, employee).await?;
    let stored = Stored::load(db, place.moment.id, employee.0).await?;
    stored.workflow(place.writers()).acknowledge(place.party).map_err(refused)?;
    let Some(row) = stored.evaluation else { return Err(refused(Refusal::NotAllShared)) };
    let cipher = tenant_keys::content_cipher(db, keys, scope.org).await?;
    let (at_column, comment_column, field) = match place.party {
        Party::Employee => (
            evaluation::Column::EmployeeAcknowledgedAt,
            evaluation::Column::EmployeeComment,
            "employee_comment",
        ),
        Party::Manager => {
            (evaluation::Column::ManagerAcknowledgedAt, evaluation::Column::ManagerComment, "manager_comment")
        }
    };
    let sealed = (!comment.is_empty()).then(|| seal(&cipher, evaluation_record(row.id, field), &comment));
    let txn = db.begin().await.map_err(internal)?;
    let mut update = evaluation::Entity::update_many()
        .col_expr(at_column, Expr::value(Some(now)))
        .col_expr(comment_column, Expr::value(sealed));
    if place.party == Party::Manager {
        update = update.col_expr(evaluation::Column::ManagerAcknowledgedBy, Expr::value(Some(scope.user.0)));
    }
    let taken = update
        .filter(evaluation::Column::Id.eq(row.id))
        .filter(at_column.is_null())
        .filter(evaluation::Column::LockedAt.is_null())
        .exec(&txn)
        .await
        .map_err(internal)?;
    if taken.rows_affected != 1 {
        return Err(refused(Refusal::AlreadyAcknowledged));
    }
    // A writing reopened or unshared meanwhile means there is nothing to acknowledge.
    let now_stored = Stored::load(&txn, place.moment.id, employee.0).await?;
    if !now_stored.workflow(place.writers()).all_shared() {
        return Err(refused(Refusal::NotAllShared));
    }
    evaluation::Entity::update_many()
        .col_expr(evaluation::Column::LockedAt, Expr::value(Some(now)))
        .filter(evaluation::Column::Id.eq(row.id))
        .filter(evaluation::Column::EmployeeAcknowledgedAt.is_not_null())
        .filter(evaluation::Column::ManagerAcknowledgedAt.is_not_null())
        .filter(evaluation::Column::LockedAt.is_null())
        .exec(&txn)
        .await
        .map_err(internal)?;
    txn.commit().await.map_err(internal)
}

/// An admin reopens a shared or locked evaluation, with a reason both
/// parties read: the writings become drafts and the acknowledgements go.
/// Audit-logged (by id; the reason is sealed with the evaluation).
pub async fn reopen(
    db: &DatabaseConnection,
    keys: &Keyring,
    admin: &OrgScope,
    (moment_id, employee): (MomentId, UserId),
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut checks = Checks::default();
    let reason = checks.text("reason", reason, REOPEN_REASON_MAX);
    checks.finish().map_err(|errors| AppError::Invalid { errors })?;
    let row = moment::Entity::find_by_id(moment_id.0)
        .filter(moment::Column::OrgId.eq(admin.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let stored = Stored::load(db, row.id, employee.0).await?;
    let Some(found) = stored.evaluation.as_ref().filter(|e| e.org_id == admin.org.0) else {
        return Err(AppError::NotFound);
    };
    stored.workflow(writers_of(&row)).reopen().map_err(refused)?;
    let cipher = tenant_keys::content_cipher(db, keys, admin.org).await?;
    let sealed = seal(&cipher, evaluation_record(found.id, "reopen_reason"), &reason);
    let txn = db.begin().await.map_err(internal)?;
    writing::Entity::update_many()
        .col_expr(writing::Column::SharedAt, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(writing::Column::EvaluationId.eq(found.id))
        .exec(&txn)
        .await
        .map_err(internal)?;
    let none = || Expr::value(Option::<DateTime<Utc>>::None);
    evaluation::Entity::update_many()
        .col_expr(evaluation::Column::EmployeeAcknowledgedAt, none())
        .col_expr(evaluation::Column::ManagerAcknowledgedAt, none())
        .col_expr(evaluation::Column::ManagerAcknowledgedBy, Expr::value(Option::<uuid::Uuid>::None))
        .col_expr(evaluation::Column::EmployeeComment, Expr::value(Option::<Vec<u8>>::None))
        .col_expr(evaluation::Column::ManagerComment, Expr::value(Option::<Vec<u8>>::None))
        .col_expr(evaluation::Column::LockedAt, none())
        .col_expr(evaluation::Column::ReopenedAt, Expr::value(Some(now)))
        .col_expr(evaluation::Column::ReopenedBy, Expr::value(Some(admin.user.0)))
        .col_expr(evaluation::Column::ReopenReason, Expr::value(Some(sealed)))
        .filter(evaluation::Column::Id.eq(found.id))
        .exec(&txn)
        .await
        .map_err(internal)?;
    txn.commit().await.map_err(internal)?;
    let entry = AuditEntry::by_user(admin.org, admin.user, AuditAction::EvaluationReopened)
        .on("review_evaluation", found.id);
    audit::record(db, entry, now).await.map_err(internal)
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
