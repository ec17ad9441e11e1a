//! Answering a feedback request: a colleague in Koers, with the
//! visibility they choose; an external person once through their link,
//! for the requester alone. An answer is taken once, also when two arrive
//! at the same moment.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};

use super::{
    Site, account, answer_visibilities, answerable, external, org_cipher, questions_of, to_answer_view,
};
use crate::domain::AppError;
use crate::domain::dto::{AnswerForm, ExternalRequest, RequestToAnswer};
use crate::domain::feedback::FeedbackVisibility;
use crate::domain::ids::{AskedId, UserId};
use crate::domain::validation::Problem;
use crate::server::auth::OrgScope;
use crate::server::auth::token::token_hash;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::{feedback_request, feedback_request_giver as asked, organisation};
use crate::server::service::feedback::{NewFeedback, cipher, store};

/// A request waiting for the viewer's answer, to answer it.
pub async fn to_answer(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    id: AskedId,
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<RequestToAnswer, AppError> {
    let row = asked_colleague(db, scope, id).await?;
    let request = answerable(db, &row, site, now).await?;
    let cipher = cipher(db, keys, scope).await?;
    to_answer_view(db, &cipher, scope, &row, &request).await
}

/// A colleague answers: the answers become feedback to the requester, with
/// the visibility the colleague chose.
pub async fn answer(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    id: AskedId,
    form: &AnswerForm,
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let row = asked_colleague(db, scope, id).await?;
    let request = answerable(db, &row, site, now).await?;
    let cipher = cipher(db, keys, scope).await?;
    let body = form
        .as_feedback_text(&questions_of(&cipher, &request)?)
        .map_err(|errors| AppError::Invalid { errors })?;
    let choices = answer_visibilities(db, scope, UserId(request.requester_id)).await?;
    let visibility = FeedbackVisibility::from_code(form.visibility.trim())
        .filter(|v| choices.contains(v))
        .ok_or_else(|| AppError::invalid("visibility", Problem::NotAChoice))?;
    let requester = account(db, UserId(request.requester_id)).await?;
    let txn = db.begin().await.map_err(internal)?;
    let new = NewFeedback {
        giver: Some(scope.user),
        giver_name: &scope.name,
        recipient: &requester,
        visibility,
        about: (None, None, None),
        body: &body,
    };
    let feedback = store(&txn, &cipher, new, site.public_url, now).await?;
    mark_answered(&txn, row.id, feedback.0, now).await?;
    txn.commit().await.map_err(internal)
}

/// What an external person's link shows, while it works: the questions and
/// the requester's name and organisation, nothing else.
pub async fn external_request(
    db: &DatabaseConnection,
    keys: &Keyring,
    token: &str,
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<Option<ExternalRequest>, AppError> {
    let Some((row, request)) = by_token(db, token, site, now).await? else {
        return Ok(None);
    };
    let cipher = org_cipher(db, keys, &row).await?;
    let requester = account(db, UserId(request.requester_id)).await?;
    let organisation = organisation::Entity::find_by_id(row.org_id)
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::Internal)?
        .name;
    Ok(Some(ExternalRequest {
        requester: requester.name,
        organisation,
        questions: questions_of(&cipher, &request)?,
        deadline: request.deadline.to_string(),
    }))
}

/// An external person answers through their link, which then stops
/// working: the answers become feedback for the requester alone.
pub async fn answer_external(
    db: &DatabaseConnection,
    keys: &Keyring,
    token: &str,
    form: &AnswerForm,
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (row, request) = by_token(db, token, site, now).await?.ok_or(AppError::FeedbackLinkInvalid)?;
    let cipher = org_cipher(db, keys, &row).await?;
    let body = form
        .as_feedback_text(&questions_of(&cipher, &request)?)
        .map_err(|errors| AppError::Invalid { errors })?;
    let requester = account(db, UserId(request.requester_id)).await?;
    let (name, _) = external(&cipher, &row)?;
    let txn = db.begin().await.map_err(internal)?;
    let new = NewFeedback {
        giver: None,
        giver_name: &name,
        recipient: &requester,
        visibility: FeedbackVisibility::Recipient,
        about: (None, None, None),
        body: &body,
    };
    let feedback = store(&txn, &cipher, new, site.public_url, now).await?;
    mark_answered(&txn, row.id, feedback.0, now).await?;
    txn.commit().await.map_err(internal)
}

async fn by_token(
    db: &DatabaseConnection,
    token: &str,
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<Option<(asked::Model, feedback_request::Model)>, AppError> {
    let Some(row) = asked::Entity::find()
        .filter(asked::Column::TokenHash.eq(token_hash(token.trim())))
        .one(db)
        .await
        .map_err(internal)?
    else {
        return Ok(None);
    };
    match answerable(db, &row, site, now).await {
        Ok(request) => Ok(Some((row, request))),
        Err(AppError::FeedbackLinkInvalid) => Ok(None),
        Err(error) => Err(error),
    }
}

/// Marks a row answered, once: a second answer, also at the same moment,
/// finds it taken. The link stops working.
async fn mark_answered(
    txn: &impl ConnectionTrait,
    id: uuid::Uuid,
    feedback: uuid::Uuid,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let taken = asked::Entity::update_many()
        .col_expr(asked::Column::AnsweredAt, Expr::value(Some(now)))
        .col_expr(asked::Column::FeedbackId, Expr::value(Some(feedback)))
        .col_expr(asked::Column::TokenHash, Expr::value(Option::<String>::None))
        .filter(asked::Column::Id.eq(id))
        .filter(asked::Column::AnsweredAt.is_null())
        .exec(txn)
        .await
        .map_err(internal)?;
    if taken.rows_affected == 1 { Ok(()) } else { Err(AppError::FeedbackLinkInvalid) }
}

/// A row asking the viewer, in their organisation.
async fn asked_colleague(
    db: &impl ConnectionTrait,
    scope: &OrgScope,
    id: AskedId,
) -> Result<asked::Model, AppError> {
    asked::Entity::find_by_id(id.0)
        .filter(asked::Column::OrgId.eq(scope.org.0))
        .filter(asked::Column::UserId.eq(scope.user.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}
