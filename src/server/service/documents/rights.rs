//! Who may see, add and delete the documents on a holder (issue 10; DPA
//! 7.F least privilege): it follows who may see or change the holder.
//!
//! - A person's documents: the person, their managers and admins with the
//!   HR reader right over them see and add them (HR readers' reads are
//!   audit-logged); the person deletes what they uploaded, their managers
//!   and HR readers delete any. Administering alone gives no access.
//! - A goal's: who sees the goal sees them; who may change it adds and
//!   deletes.
//! - An evaluation's: its employee and their managers see them, and add
//!   and delete them until it is locked.

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, EntityTrait};

use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::documents::Holder;
use crate::domain::ids::{GoalId, MomentId, UserId};
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::OrgScope;
use crate::server::auth::reach::{ReadReason, may_read_content_of};
use crate::server::db::internal;
use crate::server::entity::{document, review_evaluation};
use crate::server::service::{goals, reviews};

/// The rows a holder's documents hang on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Person(uuid::Uuid),
    Goal(uuid::Uuid),
    /// `None`: an evaluation nobody began yet, so it holds no documents.
    Evaluation(Option<uuid::Uuid>),
}

/// What the viewer may do with one holder's documents (seeing them is
/// implied: without that, the holder is not found).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rights {
    pub anchor: Anchor,
    pub may_add: bool,
    /// Deleting documents others uploaded; one's own go with `may_add`.
    pub may_delete_others: bool,
}

impl Rights {
    pub fn may_delete(&self, row: &document::Model, viewer: UserId) -> bool {
        self.may_add && (self.may_delete_others || row.uploaded_by == Some(viewer.0))
    }
}

/// The viewer's rights on `holder`; not found if they may not see it.
/// `begin`: an evaluation without a row gets one (for an upload).
pub async fn on(
    db: &DatabaseConnection,
    scope: &OrgScope,
    holder: Holder,
    begin: bool,
    now: DateTime<Utc>,
) -> Result<Rights, AppError> {
    match holder {
        Holder::Person(person) => {
            let reason = may_read_content_of(db, scope, person).await.map_err(internal)?;
            let reason = reason.ok_or(AppError::NotFound)?;
            if reason == ReadReason::HrReader {
                let entry = AuditEntry::by_user(scope.org, scope.user, AuditAction::ContentReadAsHrReader)
                    .on("user", person);
                audit::record(db, entry, now).await.map_err(internal)?;
            }
            Ok(Rights {
                anchor: Anchor::Person(person.0),
                may_add: true,
                may_delete_others: reason != ReadReason::Own,
            })
        }
        Holder::Goal(goal) => {
            let may_change = goals::document_rights(db, scope, goal, now).await?;
            Ok(Rights { anchor: Anchor::Goal(goal.0), may_add: may_change, may_delete_others: may_change })
        }
        Holder::Evaluation { moment, employee } => {
            let (id, locked) =
                reviews::evaluations::for_documents(db, scope, (moment, employee), begin, now).await?;
            Ok(Rights { anchor: Anchor::Evaluation(id), may_add: !locked, may_delete_others: !locked })
        }
    }
}

/// What `row` hangs on.
pub async fn holder_of(db: &DatabaseConnection, row: &document::Model) -> Result<Holder, AppError> {
    match (row.person_id, row.goal_id, row.evaluation_id) {
        (Some(person), _, _) => Ok(Holder::Person(UserId(person))),
        (_, Some(goal), _) => Ok(Holder::Goal(GoalId(goal))),
        (_, _, Some(evaluation)) => {
            let evaluation = review_evaluation::Entity::find_by_id(evaluation)
                .one(db)
                .await
                .map_err(internal)?
                .ok_or(AppError::NotFound)?;
            Ok(Holder::Evaluation {
                moment: MomentId(evaluation.moment_id),
                employee: UserId(evaluation.employee_id),
            })
        }
        (None, None, None) => Err(AppError::NotFound),
    }
}
