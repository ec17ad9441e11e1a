//! The breach register (issue 8, DPA 7). The processor's staff record every
//! incident (7.G), name the organisations it affects with their categories
//! and approximate numbers (7.A.1), and send each a notice with every field
//! of 7.A, which must reach it within 24 hours of discovery: the register
//! shows each notice's deadline. Follow-ups go to every organisation told
//! (7.C). Only an organisation's admins and privacy contact are told; no
//! action exists to tell the authority or the data subjects (7.D), which is
//! the controller's duty.

mod read;
mod telling;

pub use read::{notices, record, register};

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, TransactionTrait,
};

use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{AffectedForm, BREACH_TEXT_MAX, BreachForm};
use crate::domain::ids::{BreachId, OrgId};
use crate::domain::validation::{Checks, Problem};
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::OperatorScope;
use crate::server::db::internal;
use crate::server::entity::{breach, breach_tenant, breach_update, organisation};
use crate::server::service::local_time;
use crate::server::service::site::Site;

/// DPA 7.A: an organisation hears of a breach within this many hours of its discovery.
pub const NOTICE_HOURS: i64 = 24;

/// The latest moment to tell an organisation of a breach discovered at `discovered`.
pub fn notice_due(discovered: DateTime<Utc>) -> DateTime<Utc> {
    discovered + Duration::hours(NOTICE_HOURS)
}

/// Records an incident; its discovery must have happened already (7.G).
pub async fn record_incident(
    db: &DatabaseConnection,
    operator: &OperatorScope,
    form: &BreachForm,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<BreachId, AppError> {
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let discovered_at = local_time::past_moment("discovered_at", &checked.discovered_at, time_zone, now)?;
    let id = uuid::Uuid::now_v7();
    breach::ActiveModel {
        id: Set(id),
        nature: Set(checked.nature),
        discovered_at: Set(discovered_at),
        contact_point: Set(checked.contact_point),
        consequences: Set(checked.consequences),
        measures: Set(checked.measures),
        recorded_by: Set(Some(operator.operator.0)),
        recorded_at: Set(now),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    let entry = AuditEntry::by_operator(None, operator.operator, AuditAction::BreachRecorded);
    audit::record(db, entry.on("breach", id), now).await.map_err(internal)?;
    Ok(BreachId(id))
}

/// Names an organisation the incident affects, with its own numbers; once
/// per organisation.
pub async fn add_affected(
    db: &DatabaseConnection,
    _operator: &OperatorScope,
    id: BreachId,
    form: &AffectedForm,
) -> Result<(), AppError> {
    let (org, data) = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    breach::Entity::find_by_id(id.0).one(db).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    if organisation::Entity::find_by_id(org.0).one(db).await.map_err(internal)?.is_none() {
        return Err(AppError::invalid("org", Problem::NotAChoice));
    }
    let approx = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    let added = breach_tenant::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        breach_id: Set(id.0),
        org_id: Set(org.0),
        subject_categories: Set(data.subject_categories),
        subjects_approx: Set(approx(data.subjects_approx)),
        record_categories: Set(data.record_categories),
        records_approx: Set(approx(data.records_approx)),
        notified_at: Set(None),
    }
    .insert(db)
    .await;
    // The unique index: this organisation is on the incident already.
    added.map(drop).map_err(|_| AppError::invalid("org", Problem::AlreadyInUse))
}

/// Sends the notice of 7.A to one affected organisation: its admins in the
/// app and by e-mail, and its privacy contact by e-mail. Sent once: the
/// claim on the row and the messages commit together.
pub async fn notify_organisation(
    db: &DatabaseConnection,
    operator: &OperatorScope,
    (id, org): (BreachId, OrgId),
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let affected = breach_tenant::Entity::find()
        .filter(breach_tenant::Column::BreachId.eq(id.0))
        .filter(breach_tenant::Column::OrgId.eq(org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let incident =
        breach::Entity::find_by_id(id.0).one(db).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    let txn = db.begin().await.map_err(internal)?;
    let claimed = breach_tenant::Entity::update_many()
        .col_expr(breach_tenant::Column::NotifiedAt, Expr::value(Some(now)))
        .filter(breach_tenant::Column::Id.eq(affected.id))
        .filter(breach_tenant::Column::NotifiedAt.is_null())
        .exec(&txn)
        .await
        .map_err(internal)?;
    if claimed.rows_affected == 0 {
        return Err(AppError::invalid("notice", Problem::NotNow));
    }
    telling::notice(&txn, org, (&incident, &affected), site, now).await?;
    txn.commit().await.map_err(internal)?;
    let entry = AuditEntry::by_operator(Some(org), operator.operator, AuditAction::BreachNotified);
    audit::record(db, entry.on("breach", id), now).await.map_err(internal)
}

/// Adds a follow-up to an incident and sends it to every organisation
/// told of it so far (7.C).
pub async fn add_update(
    db: &DatabaseConnection,
    operator: &OperatorScope,
    id: BreachId,
    body: &str,
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut checks = Checks::default();
    let body = checks.text("body", body, BREACH_TEXT_MAX);
    checks.finish().map_err(|errors| AppError::Invalid { errors })?;
    let incident =
        breach::Entity::find_by_id(id.0).one(db).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    let told = breach_tenant::Entity::find()
        .filter(breach_tenant::Column::BreachId.eq(id.0))
        .filter(breach_tenant::Column::NotifiedAt.is_not_null())
        .all(db)
        .await
        .map_err(internal)?;
    let txn = db.begin().await.map_err(internal)?;
    breach_update::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        breach_id: Set(id.0),
        body: Set(body.clone()),
        recorded_by: Set(Some(operator.operator.0)),
        recorded_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(internal)?;
    for affected in &told {
        telling::update(&txn, OrgId(affected.org_id), (&incident, &body), site, now).await?;
    }
    txn.commit().await.map_err(internal)?;
    let orgs: Vec<Option<OrgId>> = if told.is_empty() {
        vec![None]
    } else {
        told.iter().map(|affected| Some(OrgId(affected.org_id))).collect()
    };
    for org in orgs {
        let entry = AuditEntry::by_operator(org, operator.operator, AuditAction::BreachUpdated);
        audit::record(db, entry.on("breach", id), now).await.map_err(internal)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
