//! Reviews by others — peers, reports (upward), people outside (360) — at
//! a moment whose cycle asks for them (issue 7, PRODUCT.md §3.4). The
//! employee nominates colleagues or external people; a manager approves
//! the list, which tells the colleagues and sends each external person a
//! single-use link. Answers are sealed and stored without the reviewer's
//! name beside them. The employee and their managers read them: with
//! names if the cycle says so, else only once at least the cycle's
//! threshold of reviewers answered (`domain::reviews::reviews_shown`).

mod answers;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

pub use answers::{answer, answer_external, external_request, request, requests_for};

use super::evaluations::{Place, Raters, place, questions_of};
use crate::domain::AppError;
use crate::domain::dto::{
    Answer, FunctionName, Nomination, NominationForm, PeerAnswers, PeerReviews, PersonRef, REVIEWER_NAME_MAX,
};
use crate::domain::evaluations::Party;
use crate::domain::ids::{MomentId, NominationId, OrgId, UserId};
use crate::domain::notifications::NotificationKind;
use crate::domain::reviews::{NOMINATIONS_MAX, reviews_shown};
use crate::domain::validation::{Checks, Problem};
use crate::server::auth::OrgScope;
use crate::server::auth::token::{random_token, token_hash};
use crate::server::crypto::{Keyring, Purpose, TenantCipher};
use crate::server::db::internal;
use crate::server::entity::{organisation, review_form, review_nomination as nomination, user_account};
use crate::server::messages::{ReviewAsk, external_review_mail, review_requested_mail};
use crate::server::service::names::Names;
use crate::server::service::notifications::{Notice, notify};
use crate::server::service::tenant_keys;

fn record(id: uuid::Uuid, field: &str) -> String {
    format!("review_nomination/{id}/{field}")
}

fn seal(cipher: &TenantCipher, id: uuid::Uuid, field: &str, text: &str) -> Vec<u8> {
    cipher.seal_text(Purpose::Evaluation, &record(id, field), text)
}

fn open(cipher: &TenantCipher, id: uuid::Uuid, field: &str, sealed: &[u8]) -> Result<String, AppError> {
    cipher.open_text(Purpose::Evaluation, &record(id, field), sealed).map_err(|error| {
        tracing::error!(%error, "a sealed review text does not open");
        AppError::Internal
    })
}

/// The moment's place, if it asks others for reviews; else not found.
async fn peer_place(
    db: &impl ConnectionTrait,
    scope: &OrgScope,
    at: (MomentId, UserId),
) -> Result<(Place, uuid::Uuid), AppError> {
    let found = place(db, scope, at.0, at.1).await?;
    let form = found.moment.peer_form_id.ok_or(AppError::NotFound)?;
    Ok((found, form))
}

fn is_open(place: &Place, today: chrono::NaiveDate) -> bool {
    place.moment.opens_on <= today && today <= place.moment.closes_on
}

/// The employee asks a colleague, or someone outside by name and address,
/// to review them at a moment that is open.
pub async fn nominate(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    at: (MomentId, UserId),
    form: &NominationForm,
    (today, now): (chrono::NaiveDate, DateTime<Utc>),
) -> Result<NominationId, AppError> {
    let (place, _) = peer_place(db, scope, at).await?;
    if place.party != Party::Employee {
        return Err(AppError::Forbidden);
    }
    if !is_open(&place, today) {
        return Err(AppError::invalid("reviewer", Problem::NotNow));
    }
    let existing = nominations_of(db, &place).await?;
    if existing.len() >= NOMINATIONS_MAX as usize {
        return Err(AppError::invalid("reviewer", Problem::TooMany { max: NOMINATIONS_MAX }));
    }
    let id = uuid::Uuid::now_v7();
    let mut row = nomination::ActiveModel {
        id: Set(id),
        org_id: Set(scope.org.0),
        moment_id: Set(place.moment.id),
        employee_id: Set(place.employee.id),
        reviewer_id: Set(None),
        external_name: Set(None),
        external_email: Set(None),
        token_hash: Set(None),
        approved_at: Set(None),
        approved_by: Set(None),
        answers: Set(None),
        answered_at: Set(None),
        created_at: Set(now),
    };
    if form.reviewer.trim().is_empty() {
        let mut checks = Checks::default();
        let name = checks.text("external_name", &form.external_name, REVIEWER_NAME_MAX);
        let email = checks.email("external_email", &form.external_email);
        checks.finish().map_err(|errors| AppError::Invalid { errors })?;
        let cipher = tenant_keys::content_cipher(db, keys, scope.org).await?;
        row.external_name = Set(Some(seal(&cipher, id, "external_name", &name)));
        row.external_email = Set(Some(seal(&cipher, id, "external_email", &email)));
    } else {
        let reviewer: uuid::Uuid =
            form.reviewer.trim().parse().map_err(|_| AppError::invalid("reviewer", Problem::NotAChoice))?;
        let colleague = user_account::Entity::find_by_id(reviewer)
            .filter(user_account::Column::OrgId.eq(scope.org.0))
            .filter(user_account::Column::DeactivatedAt.is_null())
            .one(db)
            .await
            .map_err(internal)?;
        let asked_already = existing.iter().any(|n| n.reviewer_id == Some(reviewer));
        if colleague.is_none() || reviewer == scope.user.0 || asked_already {
            return Err(AppError::invalid("reviewer", Problem::NotAChoice));
        }
        row.reviewer_id = Set(Some(reviewer));
    }
    row.insert(db).await.map_err(internal)?;
    Ok(NominationId(id))
}

/// The employee takes back a nomination that was not answered yet; an
/// external person's link stops working with it.
pub async fn withdraw(db: &DatabaseConnection, scope: &OrgScope, id: NominationId) -> Result<(), AppError> {
    let removed = nomination::Entity::delete_many()
        .filter(nomination::Column::Id.eq(id.0))
        .filter(nomination::Column::OrgId.eq(scope.org.0))
        .filter(nomination::Column::EmployeeId.eq(scope.user.0))
        .filter(nomination::Column::AnsweredAt.is_null())
        .exec(db)
        .await
        .map_err(internal)?;
    if removed.rows_affected == 1 { Ok(()) } else { Err(AppError::NotFound) }
}

/// A manager approves the nominations waiting for it: colleagues are told,
/// external people get their link by e-mail. Says how many were approved.
pub async fn approve(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    at: (MomentId, UserId),
    (public_url, today, now): (&str, chrono::NaiveDate, DateTime<Utc>),
) -> Result<usize, AppError> {
    let (place, _) = peer_place(db, scope, at).await?;
    if place.party != Party::Manager {
        return Err(AppError::Forbidden);
    }
    if !is_open(&place, today) {
        return Err(AppError::invalid("approve", Problem::NotNow));
    }
    let waiting: Vec<nomination::Model> =
        nominations_of(db, &place).await?.into_iter().filter(|n| n.approved_at.is_none()).collect();
    let cipher = tenant_keys::content_cipher(db, keys, scope.org).await?;
    let organisation = organisation::Entity::find_by_id(scope.org.0)
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::Internal)?
        .name;
    let reviewers = user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(waiting.iter().filter_map(|n| n.reviewer_id)))
        .all(db)
        .await
        .map_err(internal)?;
    let closes_on = place.moment.closes_on.to_string();
    let mut approved = 0;
    for row in waiting {
        let token = row.reviewer_id.is_none().then(random_token);
        let taken = nomination::Entity::update_many()
            .col_expr(nomination::Column::ApprovedAt, Expr::value(Some(now)))
            .col_expr(nomination::Column::ApprovedBy, Expr::value(Some(scope.user.0)))
            .col_expr(nomination::Column::TokenHash, Expr::value(token.as_deref().map(token_hash)))
            .filter(nomination::Column::Id.eq(row.id))
            .filter(nomination::Column::ApprovedAt.is_null())
            .exec(db)
            .await
            .map_err(internal)?;
        if taken.rows_affected != 1 {
            continue;
        }
        approved += 1;
        let employee = place.employee.name.as_str();
        if let Some(reviewer) = row.reviewer_id.and_then(|r| reviewers.iter().find(|u| u.id == r)) {
            let link = format!("{public_url}/reviews");
            let notice = Notice::new(NotificationKind::ReviewRequested).about(UserId(place.employee.id));
            let mail = |lang, to: &str, name: &str| {
                review_requested_mail(lang, to, name, employee, &closes_on, &link)
            };
            notify(db, scope.org, reviewer, notice, mail, now).await?;
        } else if let (Some(token), Some(name), Some(email)) =
            (token, &row.external_name, &row.external_email)
        {
            let (name, email) = (
                open(&cipher, row.id, "external_name", name)?,
                open(&cipher, row.id, "external_email", email)?,
            );
            let ask = ReviewAsk {
                name: &name,
                person: employee,
                organisation: &organisation,
                deadline: &closes_on,
            };
            let language = crate::i18n::Lang::from_code(&place.employee.language).unwrap_or_default();
            let mail = external_review_mail(language, &email, &ask, &format!("{public_url}/r/{token}"));
            crate::server::messages::enqueue_mail(db, Some(OrgId(scope.org.0)), "external_review", mail, now)
                .await
                .map_err(internal)?;
        }
    }
    Ok(approved)
}

async fn nominations_of(
    db: &impl ConnectionTrait,
    place: &Place,
) -> Result<Vec<nomination::Model>, AppError> {
    nomination::Entity::find()
        .filter(nomination::Column::MomentId.eq(place.moment.id))
        .filter(nomination::Column::EmployeeId.eq(place.employee.id))
        .order_by_asc(nomination::Column::CreatedAt)
        .all(db)
        .await
        .map_err(internal)
}

/// The reviews by others of an evaluation, for its two parties; `None`
/// when the moment asks nobody else.
pub async fn for_evaluation(
    db: &DatabaseConnection,
    keys: &Keyring,
    place: &Place,
    today: chrono::NaiveDate,
) -> Result<Option<PeerReviews>, AppError> {
    let Some(form) = place.moment.peer_form_id else { return Ok(None) };
    let cipher = tenant_keys::content_cipher(db, keys, OrgId(place.cycle.org_id)).await?;
    let rows = nominations_of(db, place).await?;
    let names = Names::of(db, rows.iter().filter_map(|r| r.reviewer_id)).await?;
    let who = |row: &nomination::Model| -> Result<String, AppError> {
        match (row.reviewer_id, &row.external_name) {
            (Some(reviewer), _) => Ok(names.name(reviewer)),
            (None, Some(sealed)) => open(&cipher, row.id, "external_name", sealed),
            (None, None) => Ok(String::new()),
        }
    };
    let nominations = rows
        .iter()
        .map(|row| {
            Ok(Nomination {
                id: NominationId(row.id),
                who: who(row)?,
                external: row.reviewer_id.is_none(),
                approved: row.approved_at.is_some(),
                answered: row.answered_at.is_some(),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let answered: Vec<&nomination::Model> = rows.iter().filter(|r| r.answered_at.is_some()).collect();
    let count = u32::try_from(answered.len()).unwrap_or(u32::MAX);
    let threshold = u32::try_from(place.cycle.anonymity_threshold).unwrap_or(u32::MAX);
    let named = place.cycle.reviewers_named;
    let results = if reviews_shown(named, count, threshold) {
        let mut sets = answered
            .iter()
            .map(|row| {
                let sealed = row.answers.as_deref().unwrap_or_default();
                let answers: Vec<Answer> = serde_json::from_str(&open(&cipher, row.id, "answers", sealed)?)
                    .map_err(|_| AppError::Internal)?;
                Ok(PeerAnswers { reviewer: named.then(|| who(row)).transpose()?, answers })
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        // Anonymous answers in an order that says nothing of who gave them.
        if !named {
            sets.sort_by(|a, b| format!("{:?}", a.answers).cmp(&format!("{:?}", b.answers)));
        }
        Some(sets)
    } else {
        None
    };
    let employee = UserId(place.employee.id);
    let questions = questions_of(db, keys, form, &place.cycle, employee, Raters::Others).await?;
    let form_name = review_form::Entity::find_by_id(form)
        .one(db)
        .await
        .map_err(internal)?
        .map(|f| FunctionName { nl: f.name_nl, en: f.name_en })
        .unwrap_or(FunctionName { nl: String::new(), en: String::new() });
    let open_now = is_open(place, today);
    let colleagues = if place.party == Party::Employee && open_now {
        colleagues_of(db, place, &rows).await?
    } else {
        Vec::new()
    };
    Ok(Some(PeerReviews {
        form: form_name,
        named,
        threshold,
        answered: count,
        results,
        questions,
        may_nominate: place.party == Party::Employee && open_now,
        may_approve: place.party == Party::Manager && open_now && nominations.iter().any(|n| !n.approved),
        nominations,
        colleagues,
    }))
}

/// The active colleagues the employee has not asked yet, by name.
async fn colleagues_of(
    db: &impl ConnectionTrait,
    place: &Place,
    asked: &[nomination::Model],
) -> Result<Vec<PersonRef>, AppError> {
    Ok(user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(place.cycle.org_id))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .filter(user_account::Column::Id.ne(place.employee.id))
        .order_by_asc(user_account::Column::Name)
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|person| !asked.iter().any(|n| n.reviewer_id == Some(person.id)))
        .map(|person| PersonRef { id: UserId(person.id), name: person.name })
        .collect())
}

#[cfg(test)]
mod tests;
