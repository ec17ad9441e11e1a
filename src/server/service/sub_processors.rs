//! The sub-processor register (issue 8, DPA 4). The processor's staff
//! announce each new sub-processor at least 30 days before it is used
//! (4.C): an earlier date is refused. Every organisation sees the register
//! (4.A) and may object to a new one within 14 days of its announcement,
//! with a reason (4.D); the objection is recorded and opens the path to end
//! the agreement with one month's notice (4.E). Both are audit-logged.

use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{ObjectionView, SUB_PROCESSOR_LONG_MAX, SubProcessorForm, SubProcessorView};
use crate::domain::ids::{OrgId, SubProcessorId};
use crate::domain::notifications::NotificationKind;
use crate::domain::validation::{Checks, Problem};
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::{OperatorScope, OrgScope};
use crate::server::db::internal;
use crate::server::entity::{sub_processor, sub_processor_objection as objection, user_account};
use crate::server::messages::sub_processor_mail;
use crate::server::service::names::Names;
use crate::server::service::notifications::{Notice, notify};

/// DPA 4.C: a new sub-processor is announced at least this many days before it is used.
pub const ANNOUNCE_DAYS: u32 = 30;
/// DPA 4.D: an organisation objects within this many days of the announcement.
pub const OBJECTION_DAYS: u64 = 14;
/// DPA 4.E: without agreement, the agreement ends with this many months' notice.
pub const NOTICE_MONTHS: u32 = 1;

/// The first day a sub-processor announced on `announced` may be used (DPA 4.C).
pub fn earliest_use(announced: NaiveDate) -> NaiveDate {
    announced + Days::new(u64::from(ANNOUNCE_DAYS))
}

/// The last day an organisation may object to one announced on `announced` (DPA 4.D).
pub fn last_day_to_object(announced: NaiveDate) -> NaiveDate {
    announced + Days::new(OBJECTION_DAYS)
}

/// The register, oldest first, with `org`'s objections and whether it may
/// still object; `None` for the processor's staff, who object to nothing.
pub async fn register(
    db: &DatabaseConnection,
    org: Option<OrgId>,
    (today, time_zone): (NaiveDate, chrono_tz::Tz),
) -> Result<Vec<SubProcessorView>, AppError> {
    let rows = sub_processor::Entity::find()
        .order_by_asc(sub_processor::Column::EffectiveFrom)
        .order_by_asc(sub_processor::Column::Name)
        .all(db)
        .await
        .map_err(internal)?;
    let objections = match org {
        Some(org) => objection::Entity::find()
            .filter(objection::Column::OrgId.eq(org.0))
            .all(db)
            .await
            .map_err(internal)?,
        None => Vec::new(),
    };
    let names = Names::of(db, objections.iter().filter_map(|o| o.objected_by)).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let announced = row.announced_at.with_timezone(&time_zone).date_naive();
            let objected = objections.iter().find(|o| o.sub_processor_id == row.id);
            let open = org.is_some() && objected.is_none() && today <= last_day_to_object(announced);
            SubProcessorView {
                id: SubProcessorId(row.id),
                in_use: row.effective_from <= today,
                announced_on: announced.to_string(),
                effective_from: row.effective_from.to_string(),
                objection_until: open.then(|| last_day_to_object(announced).to_string()),
                objection: objected.map(|o| {
                    let on = o.objected_at.with_timezone(&time_zone).date_naive();
                    ObjectionView {
                        reason: o.reason.clone(),
                        by: o.objected_by.map(|by| names.name(by)),
                        on: on.to_string(),
                        may_end_on: (on + Months::new(NOTICE_MONTHS)).to_string(),
                    }
                }),
                name: row.name,
                function: row.function,
                data_categories: row.data_categories,
                head_office: row.head_office,
                data_location: row.data_location,
                in_eea: row.in_eea,
            }
        })
        .collect())
}

/// The processor's staff announce a new sub-processor; its first day of
/// use must be at least 30 days ahead (DPA 4.C).
pub async fn announce(
    db: &DatabaseConnection,
    operator: &OperatorScope,
    form: &SubProcessorForm,
    (public_url, today, now): (&str, NaiveDate, DateTime<Utc>),
) -> Result<SubProcessorId, AppError> {
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let effective_from: NaiveDate = checked
        .effective_from
        .parse()
        .map_err(|_| AppError::invalid("effective_from", Problem::InvalidDate))?;
    if effective_from < earliest_use(today) {
        return Err(AppError::invalid("effective_from", Problem::TooSoon { days: ANNOUNCE_DAYS }));
    }
    let id = uuid::Uuid::now_v7();
    sub_processor::ActiveModel {
        id: Set(id),
        name: Set(checked.name.clone()),
        function: Set(checked.function),
        data_categories: Set(checked.data_categories),
        head_office: Set(checked.head_office),
        data_location: Set(checked.data_location),
        in_eea: Set(checked.in_eea),
        announced_at: Set(now),
        effective_from: Set(effective_from),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    tell_admins(db, &checked.name, &checked.effective_from, public_url, now).await?;
    let entry = AuditEntry::by_operator(None, operator.operator, AuditAction::SubProcessorAnnounced);
    audit::record(db, entry.on("sub_processor", id), now).await.map_err(internal)?;
    Ok(SubProcessorId(id))
}

/// Tells every organisation's admins of the announcement, in the app and
/// by e-mail, so it reaches them in writing (DPA 4.C).
async fn tell_admins(
    db: &DatabaseConnection,
    name: &str,
    effective_from: &str,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let admins = user_account::Entity::find()
        .filter(user_account::Column::IsAdmin.eq(true))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .all(db)
        .await
        .map_err(internal)?;
    let link = format!("{public_url}/privacy/sub-processors");
    for admin in &admins {
        let notice = Notice::new(NotificationKind::SubProcessorAnnounced);
        let mail =
            |lang, to: &str, person: &str| sub_processor_mail(lang, to, person, name, effective_from, &link);
        notify(db, OrgId(admin.org_id), admin, notice, mail, now).await?;
    }
    Ok(())
}

/// An admin objects, with a reason, to a sub-processor announced at most
/// 14 days ago (DPA 4.D); once per organisation.
pub async fn object(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: SubProcessorId,
    reason: &str,
    (today, now, time_zone): (NaiveDate, DateTime<Utc>, chrono_tz::Tz),
) -> Result<(), AppError> {
    let mut checks = Checks::default();
    let reason = checks.text("reason", reason, SUB_PROCESSOR_LONG_MAX);
    checks.finish().map_err(|errors| AppError::Invalid { errors })?;
    let row =
        sub_processor::Entity::find_by_id(id.0).one(db).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    let announced = row.announced_at.with_timezone(&time_zone).date_naive();
    if today > last_day_to_object(announced) {
        return Err(AppError::invalid("reason", Problem::NotNow));
    }
    let made = objection::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        org_id: Set(admin.org.0),
        sub_processor_id: Set(row.id),
        reason: Set(reason),
        objected_by: Set(Some(admin.user.0)),
        objected_at: Set(now),
    }
    .insert(db)
    .await;
    if made.is_err() {
        // The unique index: this organisation objected already.
        return Err(AppError::invalid("reason", Problem::NotNow));
    }
    let entry = AuditEntry::by_user(admin.org, admin.user, AuditAction::SubProcessorObjected);
    audit::record(db, entry.on("sub_processor", row.id), now).await.map_err(internal)
}

#[cfg(test)]
mod tests;
