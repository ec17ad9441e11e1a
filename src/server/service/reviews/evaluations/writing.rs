//! Writing one's part of an evaluation: saving a draft (a draft may leave
//! questions open) and sharing it with the other party, who is told.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

use super::{Place, Stored, answers_record, place, questions_for, refused, seal};
use crate::domain::AppError;
use crate::domain::dto::{WritingForm, check_answers};
use crate::domain::evaluations::{Party, Refusal};
use crate::domain::ids::{MomentId, UserId};
use crate::domain::notifications::NotificationKind;
use crate::domain::validation::Problem;
use crate::server::auth::OrgScope;
use crate::server::auth::reach::managers_of;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::{review_evaluation as evaluation, review_writing as writing, user_account};
use crate::server::messages::evaluation_shared_mail;
use crate::server::service::notifications::{Notice, notify};
use crate::server::service::tenant_keys;

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
pub(in crate::server::service::reviews) async fn ensure_evaluation(
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
        proposed_score: Set(None),
        final_score: Set(None),
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
