//! Restriction of processing (issue 8, GDPR art. 18, DPA 3.G). While the
//! organisation examines a person's objection or correction, an admin
//! freezes their account: it cannot sign in, and because it counts as
//! deactivated every job, list and figure leaves it out — reminders,
//! choices, progress, statistics — while its data stays as it is. Lifting
//! the restriction restores the account as it was.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

use super::invitations;
use super::people::{member, record, someone_else};
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::ids::UserId;
use crate::domain::validation::Problem;
use crate::server::auth::{OrgScope, session};
use crate::server::db::internal;
use crate::server::entity::user_account;

/// Freezes `user`'s account; not one's own, and not twice.
pub async fn restrict(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let person = someone_else(db, admin, user).await?;
    if person.restricted_at.is_some() {
        return Err(AppError::invalid("restriction", Problem::NotNow));
    }
    invitations::lapse(db, &person, now).await?;
    let already_deactivated = person.deactivated_at.is_some();
    let mut change: user_account::ActiveModel = person.into();
    change.restricted_at = Set(Some(now));
    if !already_deactivated {
        change.deactivated_at = Set(Some(now));
    }
    change.update(db).await.map_err(internal)?;
    session::end_all_of_user(db, user.0).await.map_err(internal)?;
    record(db, admin, AuditAction::ProcessingRestricted, user, now).await
}

/// Lifts the restriction: the account is as it was before, active again
/// unless it had been deactivated already.
pub async fn lift(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let person = member(db, admin, user).await?;
    let Some(restricted_at) = person.restricted_at else {
        return Err(AppError::invalid("restriction", Problem::NotNow));
    };
    let deactivated_by_restriction = person.deactivated_at == Some(restricted_at);
    let mut change: user_account::ActiveModel = person.into();
    change.restricted_at = Set(None);
    if deactivated_by_restriction {
        change.deactivated_at = Set(None);
    }
    change.update(db).await.map_err(internal)?;
    record(db, admin, AuditAction::RestrictionLifted, user, now).await
}

#[cfg(test)]
mod tests;
