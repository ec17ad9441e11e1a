//! Support access (DPA 6): the processor's staff see nothing of an
//! organisation unless one of its admins grants access for one support
//! case, for at most 72 hours. The grant ends by itself, or earlier when an
//! admin ends it; everything looked at under it is in the organisation's
//! audit log. Even then the staff see the accounts (names, sign-in names,
//! roles, status), never content: that is what support questions need
//! (6.B: only as far as necessary).

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};

use super::local_time;
use super::names::Names;
use super::people::summaries;
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{
    CASE_REFERENCE_MAX, SUPPORT_HOURS, SupportGrantForm, SupportGrantState, SupportGrantView, SupportView,
};
use crate::domain::ids::OrgId;
use crate::domain::roles::Role;
use crate::domain::validation::{Checks, Problem};
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::{OperatorScope, OrgScope};
use crate::server::db::internal;
use crate::server::entity::{support_grant, user_account};

/// Grants the processor's staff access for the case the form names.
pub async fn grant(
    db: &DatabaseConnection,
    admin: &OrgScope,
    form: &SupportGrantForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let admin = admin.clone().require(Role::Admin)?;
    let mut checks = Checks::default();
    let case_reference = checks.text("case_reference", &form.case_reference, CASE_REFERENCE_MAX);
    let hours = form.hours.trim().parse::<u32>().ok().filter(|hours| SUPPORT_HOURS.contains(hours));
    if hours.is_none() {
        checks.fail("hours", Problem::NotAChoice);
    }
    checks.finish().map_err(|errors| AppError::Invalid { errors })?;
    let hours = hours.ok_or(AppError::Internal)?;
    let granted = support_grant::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        org_id: Set(admin.org.0),
        case_reference: Set(case_reference),
        granted_by: Set(Some(admin.user.0)),
        granted_at: Set(now),
        expires_at: Set(now + Duration::hours(i64::from(hours))),
        ended_at: Set(None),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    let entry = AuditEntry::by_user(admin.org, admin.user, AuditAction::SupportAccessGranted)
        .on("support_grant", granted.id);
    audit::record(db, entry, now).await.map_err(internal)
}

/// Ends an active grant of the admin's organisation now.
pub async fn end(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: uuid::Uuid,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let admin = admin.clone().require(Role::Admin)?;
    let found = support_grant::Entity::find_by_id(id)
        .filter(support_grant::Column::OrgId.eq(admin.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    if state_of(&found, now) != SupportGrantState::Active {
        return Err(AppError::invalid("grant", Problem::NotNow));
    }
    let mut change: support_grant::ActiveModel = found.into();
    change.ended_at = Set(Some(now));
    change.update(db).await.map_err(internal)?;
    let entry =
        AuditEntry::by_user(admin.org, admin.user, AuditAction::SupportAccessEnded).on("support_grant", id);
    audit::record(db, entry, now).await.map_err(internal)
}

/// Every grant of the viewer's organisation, newest first; for admins and auditors.
pub async fn grants(
    db: &DatabaseConnection,
    viewer: &OrgScope,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<Vec<SupportGrantView>, AppError> {
    if !viewer.roles.has(Role::Admin) && !viewer.roles.has(Role::Auditor) {
        return Err(AppError::Forbidden);
    }
    let rows = support_grant::Entity::find()
        .filter(support_grant::Column::OrgId.eq(viewer.org.0))
        .order_by_desc(support_grant::Column::GrantedAt)
        .all(db)
        .await
        .map_err(internal)?;
    let names = Names::of(db, rows.iter().filter_map(|row| row.granted_by)).await?;
    Ok(rows
        .into_iter()
        .map(|row| SupportGrantView {
            id: row.id,
            granted_by: row.granted_by.map(|by| names.name(by)).unwrap_or_default(),
            granted_at: local_time::shown(row.granted_at, time_zone),
            until: local_time::shown(row.ended_at.unwrap_or(row.expires_at), time_zone),
            state: state_of(&row, now),
            case_reference: row.case_reference,
        })
        .collect())
}

fn state_of(grant: &support_grant::Model, now: DateTime<Utc>) -> SupportGrantState {
    match grant.ended_at {
        Some(_) => SupportGrantState::Ended,
        None if grant.expires_at <= now => SupportGrantState::Expired,
        None => SupportGrantState::Active,
    }
}

/// What the processor's staff may see of `org` now: the accounts, under
/// the grant in force; refused without one. Every look is audit-logged in
/// the organisation's own log.
pub async fn support_view(
    db: &DatabaseConnection,
    operator: &OperatorScope,
    org: OrgId,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<SupportView, AppError> {
    let grant = support_grant::Entity::find()
        .filter(support_grant::Column::OrgId.eq(org.0))
        .filter(support_grant::Column::EndedAt.is_null())
        .filter(support_grant::Column::ExpiresAt.gt(now))
        .order_by_desc(support_grant::Column::ExpiresAt)
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::Forbidden)?;
    let people = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(org.0))
        .order_by_asc(user_account::Column::Name)
        .all(db)
        .await
        .map_err(internal)?;
    let people = summaries(db, None, people, time_zone, now).await?;
    let entry = AuditEntry::by_operator(Some(org), operator.operator, AuditAction::SupportAccessUsed)
        .on("support_grant", grant.id);
    audit::record(db, entry, now).await.map_err(internal)?;
    Ok(SupportView {
        case_reference: grant.case_reference,
        until: local_time::shown(grant.expires_at, time_zone),
        people,
    })
}

#[cfg(test)]
mod tests;
