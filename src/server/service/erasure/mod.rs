//! Erasure of a person (GDPR art. 17, DPA 3.G), by an admin of their
//! organisation for a rights request.
//!
//! Their account goes, and with it, through the database's references,
//! everything that is theirs or about them: goals, check-ins, feedback
//! received, notes by and about them, 1:1 conversations, evaluations,
//! reviews of them, notifications, sessions. What they wrote for others is
//! kept without their name or deleted, as the admin chooses: feedback they
//! gave, their reviews of colleagues and the forms they wrote as manager.
//! Where their id only marks who did something to someone else's record
//! (approved, calibrated, decided) the mark is cleared. Messages to or
//! about them and sign-in throttling by their names go too.
//!
//! Afterwards the erasure reads the whole database as text and reports
//! every row that still holds their name, e-mail address, username or
//! phone number, so the admin sees that nothing remains — or where. Full
//! exports of the organisation made before are deleted: they hold the
//! person too. Sealed
//! content is gone with its rows; free text that others wrote about them
//! (a colleague's feedback naming them) stays sealed and is theirs.
//! The audit log keeps the erasure, with the id of the erased account only.
//! Documents on the person, their goals and their evaluations go from the
//! object store too (issue 10).

mod dump;

use std::path::Path;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, TransactionTrait,
};

pub use dump::{DumpedRow, dump};

use super::people::{record, someone_else};
use super::{documents, full_export};
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::ids::UserId;
use crate::domain::rights::{AuthoredContent, ErasureForm, ErasureOutcome, TraceCount};
use crate::domain::roles::Role;
use crate::domain::validation::Problem;
use crate::server::auth::session::Holder;
use crate::server::auth::{OrgScope, throttle};
use crate::server::db::internal;
use crate::server::entity::{
    feedback, login_throttle, outbound_message, review_nomination, review_writing, user_account,
};
use crate::server::storage::Storage;

/// Columns that mark who did something to another person's record; the
/// erasure clears them (they all allow no one).
const MARKS: &[(&str, &str)] = &[
    ("goal_plan", "decided_by"),
    ("review_evaluation", "manager_acknowledged_by"),
    ("review_evaluation", "reopened_by"),
    ("review_nomination", "approved_by"),
    ("review_calibration", "changed_by"),
    ("talent_review", "placed_by"),
    ("sub_processor_objection", "objected_by"),
    ("user_account", "offboarding_successor"),
];

/// Rows that exist only for the person, in tables whose reference to them
/// is not declared in the schema or should not be relied on.
const OWN_ROWS: &[(&str, &str)] = &[
    ("session", "user_id"),
    ("invitation", "user_id"),
    ("password_reset", "user_id"),
    ("sign_in_code", "user_id"),
    ("recovery_code", "user_id"),
    ("totp_credential", "user_id"),
    ("unit_member", "user_id"),
    ("unit_manager", "user_id"),
    ("hr_reader_grant", "user_id"),
    ("manager_override", "user_id"),
    ("manager_override", "manager_id"),
    ("notification", "user_id"),
    ("notification", "about_user_id"),
    ("notification_preference", "user_id"),
    ("digest_subscription", "user_id"),
    ("review_cycle_scope", "user_id"),
];

/// Erases `user` from the admin's organisation, once the admin repeated
/// their name; reports where traces remain (none, normally).
pub async fn erase(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
    form: &ErasureForm,
    (data_directory, storage): (&Path, &Storage),
    now: DateTime<Utc>,
) -> Result<ErasureOutcome, AppError> {
    let admin = admin.clone().require(Role::Admin)?;
    let person = someone_else(db, &admin, user).await?;
    let authored = AuthoredContent::from_code(&form.authored)
        .ok_or_else(|| AppError::invalid("authored", Problem::NotAChoice))?;
    if form.confirmation.trim() != person.name.trim() {
        return Err(AppError::invalid("confirmation", Problem::NameMismatch));
    }
    let throttle_keys = throttle_keys(&person);
    let needles = needles(&person);
    let txn = db.begin().await.map_err(internal)?;
    authored_content(&txn, person.id, authored).await?;
    for (table, column) in MARKS {
        set_null(&txn, table, column, person.id).await?;
    }
    for (table, column) in OWN_ROWS {
        delete_where(&txn, table, column, person.id).await?;
    }
    messages(&txn, &person, &needles).await?;
    // Documents on the person, their goals and evaluations go with them
    // through the database's references; their files, after the commit.
    let files = documents::objects_about(&txn, user).await?;
    login_throttle::Entity::delete_many()
        .filter(login_throttle::Column::Key.is_in(throttle_keys))
        .exec(&txn)
        .await
        .map_err(internal)?;
    user_account::Entity::delete_by_id(person.id).exec(&txn).await.map_err(internal)?;
    txn.commit().await.map_err(internal)?;
    documents::discard(storage, files).await;
    // Full exports made before hold the person too.
    full_export::discard_all(data_directory, admin.org)?;
    record(db, &admin, AuditAction::PersonErased, user, now).await?;
    tracing::info!(org = %admin.org, "a person was erased");
    Ok(ErasureOutcome { name: person.name, traces: traces(db, &needles).await? })
}

/// Feedback, peer reviews, review forms and replies to survey comments the
/// person wrote for others.
async fn authored_content(
    txn: &DatabaseTransaction,
    person: uuid::Uuid,
    authored: AuthoredContent,
) -> Result<(), AppError> {
    match authored {
        AuthoredContent::Anonymise => {
            set_null(txn, "feedback", "giver_id", person).await?;
            set_null(txn, "review_writing", "author_id", person).await?;
            set_null(txn, "survey_reply", "author_id", person).await?;
            // A review they were asked for but never wrote goes; one they
            // wrote stays, where the schema would delete it with them.
            review_nomination::Entity::delete_many()
                .filter(review_nomination::Column::ReviewerId.eq(person))
                .filter(review_nomination::Column::AnsweredAt.is_null())
                .exec(txn)
                .await
                .map_err(internal)?;
            set_null(txn, "review_nomination", "reviewer_id", person).await?;
        }
        AuthoredContent::Delete => {
            let given = feedback::Column::GiverId.eq(person);
            feedback::Entity::delete_many().filter(given).exec(txn).await.map_err(internal)?;
            let written = review_writing::Column::AuthorId.eq(person);
            review_writing::Entity::delete_many().filter(written).exec(txn).await.map_err(internal)?;
            delete_where(txn, "survey_reply", "author_id", person).await?;
            let reviews = review_nomination::Column::ReviewerId.eq(person);
            review_nomination::Entity::delete_many().filter(reviews).exec(txn).await.map_err(internal)?;
        }
    }
    Ok(())
}

/// Messages to the person, and messages to others that name them: the
/// outbox is a record of delivery, not of content anyone needs again.
async fn messages(
    txn: &DatabaseTransaction,
    person: &user_account::Model,
    needles: &[String],
) -> Result<(), AppError> {
    let mut naming = Condition::any();
    for needle in needles {
        let pattern = format!("%{}%", needle.replace(['%', '_'], ""));
        naming = naming
            .add(outbound_message::Column::Recipient.eq(needle.as_str()))
            .add(outbound_message::Column::Subject.like(pattern.as_str()))
            .add(outbound_message::Column::TextBody.like(pattern.as_str()))
            .add(outbound_message::Column::HtmlBody.like(pattern.as_str()));
    }
    outbound_message::Entity::delete_many()
        .filter(outbound_message::Column::OrgId.eq(person.org_id))
        .filter(naming)
        .exec(txn)
        .await
        .map_err(internal)?;
    Ok(())
}

async fn set_null(
    txn: &DatabaseTransaction,
    table: &str,
    column: &str,
    person: uuid::Uuid,
) -> Result<(), AppError> {
    let update = Query::update()
        .table(Alias::new(table))
        .value(Alias::new(column), Option::<uuid::Uuid>::None)
        .and_where(Expr::col(Alias::new(column)).eq(person))
        .to_owned();
    txn.execute(&update).await.map_err(internal)?;
    Ok(())
}

async fn delete_where(
    txn: &DatabaseTransaction,
    table: &str,
    column: &str,
    person: uuid::Uuid,
) -> Result<(), AppError> {
    let delete = Query::delete()
        .from_table(Alias::new(table))
        .and_where(Expr::col(Alias::new(column)).eq(person))
        .to_owned();
    txn.execute(&delete).await.map_err(internal)?;
    Ok(())
}

/// What identifies the person in plain text.
fn needles(person: &user_account::Model) -> Vec<String> {
    [Some(person.name.clone()), person.email.clone(), person.username.clone(), person.phone.clone()]
        .into_iter()
        .flatten()
        .map(|needle| needle.trim().to_owned())
        .filter(|needle| !needle.is_empty())
        .collect()
}

/// The throttle rows that name the person: their sign-in names and their
/// second-factor attempts.
fn throttle_keys(person: &user_account::Model) -> Vec<String> {
    let holder = Holder::User { user: person.id, org: person.org_id };
    [person.email.as_deref(), person.username.as_deref()]
        .into_iter()
        .flatten()
        .map(throttle::account_key)
        .chain([throttle::second_factor_key(holder)])
        .collect()
}

/// The rows per table of the whole database whose text holds one of
/// `needles`, ignoring case. Read one table at a time, so memory holds the
/// largest table, not the database.
pub async fn traces(db: &impl ConnectionTrait, needles: &[String]) -> Result<Vec<TraceCount>, AppError> {
    let needles: Vec<String> = needles.iter().map(|n| n.to_lowercase()).collect();
    let mut found: Vec<TraceCount> = Vec::new();
    for table in dump::tables(db).await.map_err(internal)? {
        let rows = dump::rows_of(db, &table)
            .await
            .map_err(internal)?
            .into_iter()
            .filter(|text| {
                let text = text.to_lowercase();
                needles.iter().any(|needle| text.contains(needle.as_str()))
            })
            .count();
        if rows > 0 {
            found.push(TraceCount { table, rows: u32::try_from(rows).unwrap_or(u32::MAX) });
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests;
