//! Closing an evaluation: both parties acknowledge what was shared, the
//! second acknowledgement locks it; an admin can reopen it with a reason.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};

use super::{Stored, evaluation_record, place, refused, seal, writers_of};
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{ACKNOWLEDGEMENT_COMMENT_MAX, REOPEN_REASON_MAX};
use crate::domain::evaluations::{Party, Refusal};
use crate::domain::ids::{MomentId, UserId};
use crate::domain::validation::Checks;
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::OrgScope;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::{
    review_evaluation as evaluation, review_moment as moment, review_writing as writing,
};
use crate::server::service::tenant_keys;

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
