//! The end of an organisation's contract (issue 8, DPA 8). The processor's
//! staff set the last day; from then the organisation can only read and
//! export its data, for 30 days (8.A) or longer on request (8.B); then a
//! job destroys every record and the organisation's key (`destruction`),
//! and a written declaration goes to its privacy contact (8.E).

mod destruction;
mod read_only;

pub use destruction::{declaration, destroy_due};
pub use read_only::{is_allowed_after_end, read_only_until, read_only_until_of};

use chrono::{DateTime, Days, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};

use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::ids::OrgId;
use crate::domain::notifications::NotificationKind;
use crate::domain::validation::Problem;
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::OperatorScope;
use crate::server::db::internal;
use crate::server::entity::organisation;
use crate::server::messages::contract_end_mail;
use crate::server::service::notifications::tell_organisation;

/// DPA 8.A: the data is destroyed this many days after the contract ends.
pub const READ_ONLY_DAYS: u64 = 30;

/// Sets the last day of `org`'s contract, today or later, and with it the
/// day of destruction 30 days on; tells its admins and privacy contact.
pub async fn end_contract(
    db: &DatabaseConnection,
    operator: &OperatorScope,
    org: OrgId,
    last_day: &str,
    (public_url, today, now): (&str, NaiveDate, DateTime<Utc>),
) -> Result<(), AppError> {
    let last_day: NaiveDate =
        last_day.trim().parse().map_err(|_| AppError::invalid("contract_end", Problem::InvalidDate))?;
    if last_day < today {
        return Err(AppError::invalid("contract_end", Problem::InPast));
    }
    still_there(db, org).await?;
    let destroy_on = last_day + Days::new(READ_ONLY_DAYS);
    organisation::ActiveModel {
        id: Set(org.0),
        contract_end: Set(Some(last_day)),
        destroy_on: Set(Some(destroy_on)),
        ..Default::default()
    }
    .update(db)
    .await
    .map_err(internal)?;
    tell(db, org, (last_day, destroy_on), public_url, now).await?;
    let entry = AuditEntry::by_operator(Some(org), operator.operator, AuditAction::ContractEnded);
    audit::record(db, entry.on("organisation", org), now).await.map_err(internal)
}

/// Moves the day of destruction later, at the organisation's request,
/// while the transfer of its data continues (DPA 8.B).
pub async fn postpone_destruction(
    db: &DatabaseConnection,
    operator: &OperatorScope,
    org: OrgId,
    until: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let until: NaiveDate =
        until.trim().parse().map_err(|_| AppError::invalid("destroy_on", Problem::InvalidDate))?;
    let found = still_there(db, org).await?;
    let Some(planned) = found.destroy_on else {
        return Err(AppError::invalid("destroy_on", Problem::NotNow));
    };
    if until <= planned {
        return Err(AppError::invalid("destroy_on", Problem::NotLater));
    }
    organisation::ActiveModel { id: Set(org.0), destroy_on: Set(Some(until)), ..Default::default() }
        .update(db)
        .await
        .map_err(internal)?;
    let entry = AuditEntry::by_operator(Some(org), operator.operator, AuditAction::DestructionPostponed);
    audit::record(db, entry.on("organisation", org), now).await.map_err(internal)
}

/// The organisation, unless it is unknown (not found) or destroyed already.
async fn still_there(db: &DatabaseConnection, org: OrgId) -> Result<organisation::Model, AppError> {
    let found = organisation::Entity::find_by_id(org.0).one(db).await.map_err(internal)?;
    let found = found.ok_or(AppError::NotFound)?;
    if found.destroyed_at.is_some() {
        return Err(AppError::invalid("contract_end", Problem::NotNow));
    }
    Ok(found)
}

/// Tells the admins and the privacy contact when the contract ends and
/// the data will be destroyed.
async fn tell(
    db: &DatabaseConnection,
    org: OrgId,
    (last_day, destroy_on): (NaiveDate, NaiveDate),
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (last_day, destroy_on) = (last_day.to_string(), destroy_on.to_string());
    let link = format!("{public_url}/");
    let mail =
        |lang, to: &str, name: &str| contract_end_mail(lang, to, name, (&last_day, &destroy_on), &link);
    tell_organisation(db, org, NotificationKind::ContractEnding, &mail, now).await
}

#[cfg(test)]
mod tests;
