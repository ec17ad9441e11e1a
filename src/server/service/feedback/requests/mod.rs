//! Feedback requests (issue 6, PRODUCT.md §3.3): a person asks colleagues
//! and external people (customers, suppliers) for feedback with their own
//! questions and a deadline. Colleagues answer in Koers and choose who may
//! read the answer, within what the organisation allows. An external person
//! gets an e-mail with a link that works once, until the end of the
//! deadline, without an account; only its hash is kept, and every reminder
//! replaces it. Their name and address are the organisation's personal data
//! and sealed under its key. The requester can remind or withdraw. Answers
//! become feedback to the requester; an external's is for the requester
//! alone.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};

use super::{allowed_for, cipher};
use crate::domain::AppError;
use crate::domain::dto::{
    Asked, AskedState, FeedbackRequest, FeedbackRequestForm, FeedbackRequests, PersonRef, RequestToAnswer,
};
use crate::domain::feedback::FeedbackVisibility;
use crate::domain::ids::{AskedId, FeedbackRequestId, UserId};
use crate::domain::notifications::NotificationKind;
use crate::domain::validation::Problem;
use crate::i18n::Lang;
use crate::server::auth::OrgScope;
use crate::server::auth::token::{random_token, token_hash};
use crate::server::crypto::{Keyring, Purpose, TenantCipher};
use crate::server::db::internal;
use crate::server::entity::{feedback_request, feedback_request_giver as asked, organisation, user_account};
use crate::server::messages::{ExternalAsk, enqueue_mail, external_feedback_mail, feedback_requested_mail};
use crate::server::service::local_time::shown;
use crate::server::service::names::Names;
use crate::server::service::notifications::{Notice, notify};
use crate::server::service::tenant_keys;

mod answers;
mod register;

pub use answers::{answer, answer_external, external_request, to_answer};
pub(in crate::server::service::feedback) use register::external_givers;
pub use register::external_register;

/// The requests a person's page shows, newest first.
const LIST_SIZE: u64 = 50;
/// What the outbox calls a request's e-mail to an external person.
const EXTERNAL_MAIL: &str = "external_feedback";
/// A person is reminded at most once in this many hours.
const REMINDER_PAUSE_HOURS: i64 = 20;

pub use crate::server::service::site::Site;

/// The dates and links of feedback requests.
impl Site<'_> {
    /// The first moment after the deadline day.
    fn closes_at(&self, deadline: NaiveDate) -> DateTime<Utc> {
        let next_day = deadline.succ_opt().unwrap_or(deadline).and_hms_opt(0, 0, 0).unwrap_or_default();
        next_day
            .and_local_timezone(self.time_zone)
            .earliest()
            .map_or_else(|| next_day.and_utc(), |moment| moment.with_timezone(&Utc))
    }

    /// The page where an external person answers, without an account.
    fn answer_link(&self, token: &str) -> String {
        format!("{}/f/{token}", self.public_url)
    }

    fn moment(&self, at: DateTime<Utc>) -> String {
        shown(at, self.time_zone)
    }
}

fn questions_record(id: uuid::Uuid) -> String {
    format!("feedback_request/{id}/questions")
}

fn external_record(id: uuid::Uuid, field: &str) -> String {
    format!("feedback_request_giver/{id}/{field}")
}

/// Asks the colleagues and external people of `form` for feedback; each
/// colleague is notified, each external gets their own link by e-mail.
pub async fn ask(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    form: &FeedbackRequestForm,
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<FeedbackRequestId, AppError> {
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let deadline: NaiveDate =
        checked.deadline.parse().map_err(|_| AppError::invalid("deadline", Problem::InvalidDate))?;
    if deadline < site.today(now) {
        return Err(AppError::invalid("deadline", Problem::InPast));
    }
    let colleagues = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(scope.org.0))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .filter(user_account::Column::Id.is_in(checked.colleagues.iter().copied()))
        .filter(user_account::Column::Id.ne(scope.user.0))
        .all(db)
        .await
        .map_err(internal)?;
    if colleagues.len() != checked.colleagues.len() {
        return Err(AppError::invalid("colleagues", Problem::NotAChoice));
    }
    let cipher = cipher(db, keys, scope).await?;
    let organisation = organisation_name(db, scope).await?;
    let language = requester_language(db, scope).await?;
    let id = uuid::Uuid::now_v7();
    let questions = serde_json::to_string(&checked.questions).map_err(|_| AppError::Internal)?;
    let txn = db.begin().await.map_err(internal)?;
    feedback_request::ActiveModel {
        id: Set(id),
        org_id: Set(scope.org.0),
        requester_id: Set(scope.user.0),
        questions: Set(cipher.seal_text(Purpose::FeedbackRequest, &questions_record(id), &questions)),
        deadline: Set(deadline),
        created_at: Set(now),
        withdrawn_at: Set(None),
    }
    .insert(&txn)
    .await
    .map_err(internal)?;
    let deadline_text = deadline.to_string();
    for colleague in &colleagues {
        let asked_id = uuid::Uuid::now_v7();
        asked::ActiveModel {
            id: Set(asked_id),
            org_id: Set(scope.org.0),
            request_id: Set(id),
            user_id: Set(Some(colleague.id)),
            external_name: Set(None),
            external_email: Set(None),
            token_hash: Set(None),
            asked_at: Set(now),
            reminded_at: Set(None),
            answered_at: Set(None),
            feedback_id: Set(None),
        }
        .insert(&txn)
        .await
        .map_err(internal)?;
        tell_colleague(&txn, scope, colleague, &deadline_text, false, site, now).await?;
    }
    for (name, email) in &checked.externals {
        let asked_id = uuid::Uuid::now_v7();
        let token = random_token();
        asked::ActiveModel {
            id: Set(asked_id),
            org_id: Set(scope.org.0),
            request_id: Set(id),
            user_id: Set(None),
            external_name: Set(Some(cipher.seal_text(
                Purpose::FeedbackRequest,
                &external_record(asked_id, "name"),
                name,
            ))),
            external_email: Set(Some(cipher.seal_text(
                Purpose::FeedbackRequest,
                &external_record(asked_id, "email"),
                email,
            ))),
            token_hash: Set(Some(token_hash(&token))),
            asked_at: Set(now),
            reminded_at: Set(None),
            answered_at: Set(None),
            feedback_id: Set(None),
        }
        .insert(&txn)
        .await
        .map_err(internal)?;
        let ask = ExternalAsk {
            name,
            requester: &scope.name,
            organisation: &organisation,
            deadline: &deadline_text,
            reminder: false,
        };
        let mail = external_feedback_mail(language, email, &ask, &site.answer_link(&token));
        enqueue_mail(&txn, Some(scope.org), EXTERNAL_MAIL, mail, now).await.map_err(internal)?;
    }
    txn.commit().await.map_err(internal)?;
    Ok(FeedbackRequestId(id))
}

/// The viewer's own requests with where each person asked stands, and the
/// open requests waiting for the viewer's answer.
pub async fn overview(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<FeedbackRequests, AppError> {
    let cipher = cipher(db, keys, scope).await?;
    let requests = feedback_request::Entity::find()
        .filter(feedback_request::Column::OrgId.eq(scope.org.0))
        .filter(feedback_request::Column::RequesterId.eq(scope.user.0))
        .order_by_desc(feedback_request::Column::CreatedAt)
        .limit(LIST_SIZE)
        .all(db)
        .await
        .map_err(internal)?;
    let rows = asked::Entity::find()
        .filter(asked::Column::RequestId.is_in(requests.iter().map(|r| r.id)))
        .order_by_asc(asked::Column::AskedAt)
        .order_by_asc(asked::Column::Id)
        .all(db)
        .await
        .map_err(internal)?;
    let names = Names::of(db, rows.iter().filter_map(|r| r.user_id)).await?;
    let mut by_request: HashMap<uuid::Uuid, Vec<Asked>> = HashMap::new();
    for row in rows {
        let request = requests.iter().find(|r| r.id == row.request_id).ok_or(AppError::Internal)?;
        let open = is_open(request, site, now);
        let person = match row.user_id {
            Some(colleague) => (names.name(colleague), None),
            None => external(&cipher, &row).map(|(name, email)| (name, Some(email)))?,
        };
        by_request.entry(row.request_id).or_default().push(Asked {
            id: AskedId(row.id),
            name: person.0,
            email: person.1,
            state: match (row.answered_at, open) {
                (Some(_), _) => AskedState::Answered,
                (None, true) => AskedState::Waiting,
                (None, false) => AskedState::Closed,
            },
            reminded: row.reminded_at.map(|at| site.moment(at)),
        });
    }
    let mut mine = Vec::with_capacity(requests.len());
    for request in &requests {
        mine.push(FeedbackRequest {
            id: FeedbackRequestId(request.id),
            questions: questions_of(&cipher, request)?,
            deadline: request.deadline.to_string(),
            asked_at: site.moment(request.created_at),
            withdrawn: request.withdrawn_at.is_some(),
            open: is_open(request, site, now),
            asked: by_request.remove(&request.id).unwrap_or_default(),
        });
    }
    let waiting = asked::Entity::find()
        .filter(asked::Column::OrgId.eq(scope.org.0))
        .filter(asked::Column::UserId.eq(scope.user.0))
        .filter(asked::Column::AnsweredAt.is_null())
        .order_by_asc(asked::Column::AskedAt)
        .all(db)
        .await
        .map_err(internal)?;
    // Their requests in one query; withdrawn or past their deadline, they are not shown.
    let open: HashMap<uuid::Uuid, feedback_request::Model> = feedback_request::Entity::find()
        .filter(feedback_request::Column::Id.is_in(waiting.iter().map(|row| row.request_id)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|request| is_open(request, site, now))
        .map(|request| (request.id, request))
        .collect();
    let mut to_answer = Vec::new();
    for row in &waiting {
        if let Some(request) = open.get(&row.request_id) {
            to_answer.push(to_answer_view(db, &cipher, scope, row, request).await?);
        }
    }
    Ok(FeedbackRequests { mine, to_answer })
}

/// Reminds everyone of an open request of the viewer's who has not answered
/// and was not reminded in the last hours; an external gets a new link
/// that replaces the old one. Returns how many were reminded.
pub async fn remind(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    id: FeedbackRequestId,
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<u32, AppError> {
    let request = own_request(db, scope, id).await?;
    if !is_open(&request, site, now) {
        return Err(AppError::invalid("request", Problem::NotNow));
    }
    let cipher = cipher(db, keys, scope).await?;
    let organisation = organisation_name(db, scope).await?;
    let language = requester_language(db, scope).await?;
    let recently = now - Duration::hours(REMINDER_PAUSE_HOURS);
    let waiting: Vec<asked::Model> = asked::Entity::find()
        .filter(asked::Column::RequestId.eq(request.id))
        .filter(asked::Column::AnsweredAt.is_null())
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|row| row.reminded_at.is_none_or(|at| at < recently) && row.asked_at < recently)
        .collect();
    let deadline = request.deadline.to_string();
    let txn = db.begin().await.map_err(internal)?;
    let mut reminded = 0;
    for row in &waiting {
        let mut update =
            asked::ActiveModel { id: Set(row.id), reminded_at: Set(Some(now)), ..Default::default() };
        match row.user_id {
            Some(colleague) => {
                let colleague = account(&txn, UserId(colleague)).await?;
                tell_colleague(&txn, scope, &colleague, &deadline, true, site, now).await?;
            }
            None => {
                let (name, email) = external(&cipher, row)?;
                let token = random_token();
                update.token_hash = Set(Some(token_hash(&token)));
                let ask = ExternalAsk {
                    name: &name,
                    requester: &scope.name,
                    organisation: &organisation,
                    deadline: &deadline,
                    reminder: true,
                };
                let mail = external_feedback_mail(language, &email, &ask, &site.answer_link(&token));
                enqueue_mail(&txn, Some(scope.org), EXTERNAL_MAIL, mail, now).await.map_err(internal)?;
            }
        }
        update.update(&txn).await.map_err(internal)?;
        reminded += 1;
    }
    txn.commit().await.map_err(internal)?;
    Ok(reminded)
}

/// Withdraws an open request of the viewer's: links stop working and
/// colleagues no longer see it. Answers given stay.
pub async fn withdraw(
    db: &DatabaseConnection,
    scope: &OrgScope,
    id: FeedbackRequestId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let request = own_request(db, scope, id).await?;
    if request.withdrawn_at.is_some() {
        return Ok(());
    }
    let txn = db.begin().await.map_err(internal)?;
    feedback_request::ActiveModel { id: Set(request.id), withdrawn_at: Set(Some(now)), ..Default::default() }
        .update(&txn)
        .await
        .map_err(internal)?;
    asked::Entity::update_many()
        .col_expr(asked::Column::TokenHash, Expr::value(Option::<String>::None))
        .filter(asked::Column::RequestId.eq(request.id))
        .exec(&txn)
        .await
        .map_err(internal)?;
    txn.commit().await.map_err(internal)
}

fn is_open(request: &feedback_request::Model, site: Site<'_>, now: DateTime<Utc>) -> bool {
    request.withdrawn_at.is_none() && now < site.closes_at(request.deadline)
}

/// The request of a row that can still be answered.
async fn answerable(
    db: &impl ConnectionTrait,
    row: &asked::Model,
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<feedback_request::Model, AppError> {
    if row.answered_at.is_some() {
        return Err(AppError::FeedbackLinkInvalid);
    }
    feedback_request::Entity::find_by_id(row.request_id)
        .one(db)
        .await
        .map_err(internal)?
        .filter(|request| is_open(request, site, now))
        .ok_or(AppError::FeedbackLinkInvalid)
}

async fn own_request(
    db: &impl ConnectionTrait,
    scope: &OrgScope,
    id: FeedbackRequestId,
) -> Result<feedback_request::Model, AppError> {
    feedback_request::Entity::find_by_id(id.0)
        .filter(feedback_request::Column::OrgId.eq(scope.org.0))
        .filter(feedback_request::Column::RequesterId.eq(scope.user.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

async fn to_answer_view(
    db: &impl ConnectionTrait,
    cipher: &TenantCipher,
    scope: &OrgScope,
    row: &asked::Model,
    request: &feedback_request::Model,
) -> Result<RequestToAnswer, AppError> {
    let requester = account(db, UserId(request.requester_id)).await?;
    let allowed = answer_visibilities(db, scope, UserId(requester.id)).await?;
    Ok(RequestToAnswer {
        asked: AskedId(row.id),
        requester: PersonRef { id: UserId(requester.id), name: requester.name },
        questions: questions_of(cipher, request)?,
        deadline: request.deadline.to_string(),
        allowed,
    })
}

/// Who may read an answer to `requester`: what the organisation allows for
/// them, but praise, which belongs to a core value.
async fn answer_visibilities(
    db: &impl ConnectionTrait,
    scope: &OrgScope,
    requester: UserId,
) -> Result<Vec<FeedbackVisibility>, AppError> {
    let allowed = allowed_for(db, scope, requester).await?;
    Ok(allowed.into_iter().filter(|v| *v != FeedbackVisibility::Praise).collect())
}

fn questions_of(cipher: &TenantCipher, request: &feedback_request::Model) -> Result<Vec<String>, AppError> {
    let json = cipher
        .open_text(Purpose::FeedbackRequest, &questions_record(request.id), &request.questions)
        .map_err(|error| {
            tracing::error!(%error, "sealed questions do not open");
            AppError::Internal
        })?;
    serde_json::from_str(&json).map_err(|_| AppError::Internal)
}

/// An external person's opened name and e-mail address.
fn external(cipher: &TenantCipher, row: &asked::Model) -> Result<(String, String), AppError> {
    let open = |field: &str, sealed: &Option<Vec<u8>>| {
        let record = external_record(row.id, field);
        cipher.open_text(Purpose::FeedbackRequest, &record, sealed.as_deref().unwrap_or_default()).map_err(
            |error| {
                tracing::error!(%error, "a sealed external person does not open");
                AppError::Internal
            },
        )
    };
    Ok((open("name", &row.external_name)?, open("email", &row.external_email)?))
}

async fn account(db: &impl ConnectionTrait, id: UserId) -> Result<user_account::Model, AppError> {
    user_account::Entity::find_by_id(id.0).one(db).await.map_err(internal)?.ok_or(AppError::NotFound)
}

async fn org_cipher(
    db: &impl ConnectionTrait,
    keys: &Keyring,
    row: &asked::Model,
) -> Result<TenantCipher, AppError> {
    tenant_keys::content_cipher(db, keys, crate::domain::ids::OrgId(row.org_id)).await
}

async fn organisation_name(db: &impl ConnectionTrait, scope: &OrgScope) -> Result<String, AppError> {
    let found = organisation::Entity::find_by_id(scope.org.0).one(db).await.map_err(internal)?;
    found.map(|o| o.name).ok_or(AppError::Internal)
}

/// Externals are written to in the requester's language: the questions are
/// in it too.
async fn requester_language(db: &impl ConnectionTrait, scope: &OrgScope) -> Result<Lang, AppError> {
    let requester = account(db, scope.user).await?;
    Ok(Lang::from_code(&requester.language).unwrap_or_default())
}

async fn tell_colleague(
    txn: &impl ConnectionTrait,
    scope: &OrgScope,
    colleague: &user_account::Model,
    deadline: &str,
    reminder: bool,
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let kind = if reminder {
        NotificationKind::FeedbackRequestReminder
    } else {
        NotificationKind::FeedbackRequested
    };
    let link = format!("{}/feedback/requests", site.public_url);
    let mail = |lang, to: &str, name: &str| {
        feedback_requested_mail(lang, to, name, &scope.name, deadline, reminder, &link)
    };
    notify(txn, scope.org, colleague, Notice::new(kind).about(scope.user), mail, now).await
}
