//! Giving a review: a colleague finds the reviews asked of them in Koers;
//! someone outside uses their single-use link, without an account. Either
//! answers once, until the end of the moment's close date; the answers are
//! sealed and kept apart from who gave them.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::seal;
use crate::domain::AppError;
use crate::domain::dto::{ReviewRequest, ReviewerForm, WritingForm, check_answers};
use crate::domain::ids::{NominationId, OrgId, UserId};
use crate::domain::reviews::MomentKind;
use crate::server::auth::OrgScope;
use crate::server::auth::token::token_hash;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::{
    organisation, review_cycle as cycle, review_moment as moment, review_nomination as nomination,
    user_account,
};
use crate::server::service::names::Names;
use crate::server::service::reviews::evaluations::{Raters, questions_of};
use crate::server::service::tenant_keys;

/// The reviews asked of the viewer, approved and not given yet, while their
/// moment is open; the soonest to close first.
pub async fn requests_for(
    db: &DatabaseConnection,
    scope: &OrgScope,
    today: NaiveDate,
) -> Result<Vec<ReviewRequest>, AppError> {
    let rows = nomination::Entity::find()
        .filter(nomination::Column::OrgId.eq(scope.org.0))
        .filter(nomination::Column::ReviewerId.eq(scope.user.0))
        .filter(nomination::Column::ApprovedAt.is_not_null())
        .filter(nomination::Column::AnsweredAt.is_null())
        .all(db)
        .await
        .map_err(internal)?;
    let moments = moment::Entity::find()
        .filter(moment::Column::Id.is_in(rows.iter().map(|r| r.moment_id)))
        .all(db)
        .await
        .map_err(internal)?;
    let cycles = cycle::Entity::find()
        .filter(cycle::Column::Id.is_in(moments.iter().map(|m| m.cycle_id)))
        .all(db)
        .await
        .map_err(internal)?;
    let names = Names::of(db, rows.iter().map(|r| r.employee_id)).await?;
    let mut requests: Vec<ReviewRequest> = rows
        .iter()
        .filter_map(|row| {
            let at = moments.iter().find(|m| m.id == row.moment_id)?;
            let of_cycle = cycles.iter().find(|c| c.id == at.cycle_id)?;
            (at.opens_on <= today && today <= at.closes_on).then(|| ReviewRequest {
                nomination: NominationId(row.id),
                employee: names.person(row.employee_id),
                kind: MomentKind::from_code(&at.kind).unwrap_or(MomentKind::End),
                cycle: of_cycle.name.clone(),
                closes_on: at.closes_on.to_string(),
            })
        })
        .collect();
    requests.sort_by(|a, b| a.closes_on.cmp(&b.closes_on));
    Ok(requests)
}

/// What a colleague answers for one request of theirs.
pub async fn request(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    id: NominationId,
    today: NaiveDate,
) -> Result<ReviewerForm, AppError> {
    let row = colleagues_open(db, scope, id).await?;
    form_for(db, keys, &row, today).await?.ok_or(AppError::NotFound)
}

/// A colleague answers a review asked of them; it can be answered once.
pub async fn answer(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    id: NominationId,
    form: &WritingForm,
    (today, now): (NaiveDate, DateTime<Utc>),
) -> Result<(), AppError> {
    let row = colleagues_open(db, scope, id).await?;
    store(db, keys, &row, form, (today, now)).await?.ok_or(AppError::NotFound)
}

/// What an external person's link asks, while it works.
pub async fn external_request(
    db: &DatabaseConnection,
    keys: &Keyring,
    token: &str,
    today: NaiveDate,
) -> Result<Option<ReviewerForm>, AppError> {
    match by_token(db, token).await? {
        Some(row) => form_for(db, keys, &row, today).await,
        None => Ok(None),
    }
}

/// An external person answers through their link, which then stops working.
pub async fn answer_external(
    db: &DatabaseConnection,
    keys: &Keyring,
    token: &str,
    form: &WritingForm,
    (today, now): (NaiveDate, DateTime<Utc>),
) -> Result<(), AppError> {
    let row = by_token(db, token).await?.ok_or(AppError::FeedbackLinkInvalid)?;
    store(db, keys, &row, form, (today, now)).await?.ok_or(AppError::FeedbackLinkInvalid)
}

/// The viewer's approved, unanswered nomination; else not found.
async fn colleagues_open(
    db: &impl ConnectionTrait,
    scope: &OrgScope,
    id: NominationId,
) -> Result<nomination::Model, AppError> {
    nomination::Entity::find_by_id(id.0)
        .filter(nomination::Column::OrgId.eq(scope.org.0))
        .filter(nomination::Column::ReviewerId.eq(scope.user.0))
        .filter(nomination::Column::ApprovedAt.is_not_null())
        .filter(nomination::Column::AnsweredAt.is_null())
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

async fn by_token(db: &impl ConnectionTrait, token: &str) -> Result<Option<nomination::Model>, AppError> {
    nomination::Entity::find()
        .filter(nomination::Column::TokenHash.eq(token_hash(token)))
        .filter(nomination::Column::ApprovedAt.is_not_null())
        .filter(nomination::Column::AnsweredAt.is_null())
        .one(db)
        .await
        .map_err(internal)
}

/// The moment and cycle of a nomination, while the moment is open.
async fn open_moment(
    db: &impl ConnectionTrait,
    row: &nomination::Model,
    today: NaiveDate,
) -> Result<Option<(moment::Model, cycle::Model, uuid::Uuid)>, AppError> {
    let Some(at) = moment::Entity::find_by_id(row.moment_id).one(db).await.map_err(internal)? else {
        return Ok(None);
    };
    let Some(of_cycle) = cycle::Entity::find_by_id(at.cycle_id).one(db).await.map_err(internal)? else {
        return Ok(None);
    };
    let Some(form) = at.peer_form_id else { return Ok(None) };
    let open = at.opens_on <= today && today <= at.closes_on;
    Ok(open.then_some((at, of_cycle, form)))
}

async fn form_for(
    db: &impl ConnectionTrait,
    keys: &Keyring,
    row: &nomination::Model,
    today: NaiveDate,
) -> Result<Option<ReviewerForm>, AppError> {
    let Some((at, of_cycle, form)) = open_moment(db, row, today).await? else { return Ok(None) };
    let employee = user_account::Entity::find_by_id(row.employee_id).one(db).await.map_err(internal)?;
    let organisation = organisation::Entity::find_by_id(row.org_id).one(db).await.map_err(internal)?;
    let (Some(employee), Some(organisation)) = (employee, organisation) else { return Ok(None) };
    let questions = questions_of(db, keys, form, &of_cycle, UserId(employee.id), Raters::Others).await?;
    Ok(Some(ReviewerForm {
        employee: employee.name,
        organisation: organisation.name,
        kind: MomentKind::from_code(&at.kind).unwrap_or(MomentKind::End),
        closes_on: at.closes_on.to_string(),
        named: of_cycle.reviewers_named,
        questions,
    }))
}

/// Checks and seals the answers and marks the nomination answered, once:
/// `None` when the moment closed or another answer came first.
async fn store(
    db: &DatabaseConnection,
    keys: &Keyring,
    row: &nomination::Model,
    form: &WritingForm,
    (today, now): (NaiveDate, DateTime<Utc>),
) -> Result<Option<()>, AppError> {
    let Some((_, of_cycle, peer_form)) = open_moment(db, row, today).await? else { return Ok(None) };
    let questions =
        questions_of(db, keys, peer_form, &of_cycle, UserId(row.employee_id), Raters::Others).await?;
    let answers = check_answers(&questions, form, true).map_err(|errors| AppError::Invalid { errors })?;
    let answers = serde_json::to_string(&answers).map_err(|_| AppError::Internal)?;
    let cipher = tenant_keys::content_cipher(db, keys, OrgId(row.org_id)).await?;
    let sealed = seal(&cipher, row.id, "answers", &answers);
    let taken = nomination::Entity::update_many()
        .col_expr(nomination::Column::Answers, Expr::value(Some(sealed)))
        .col_expr(nomination::Column::AnsweredAt, Expr::value(Some(now)))
        .col_expr(nomination::Column::TokenHash, Expr::value(Option::<String>::None))
        .filter(nomination::Column::Id.eq(row.id))
        .filter(nomination::Column::AnsweredAt.is_null())
        .exec(db)
        .await
        .map_err(internal)?;
    Ok((taken.rows_affected == 1).then_some(()))
}
