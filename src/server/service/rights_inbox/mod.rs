//! The processor's inbox of rights requests (issue 8, DPA 3.G, 8.C). A data
//! subject who asks the processor to see, correct or erase their data is
//! not helped by the processor — the organisation decides — so its staff
//! record the request and forward it to the organisation's privacy contact
//! and admins within five working days; the inbox counts them down. No
//! action exists to act on the request itself.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};

use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{DeadlineState, RightsRequestForm, RightsRequestView};
use crate::domain::ids::{OrgId, RightsRequestId};
use crate::domain::notifications::NotificationKind;
use crate::domain::rights::RightsRequestKind;
use crate::domain::validation::Problem;
use crate::i18n::text;
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::{OperatorScope, OrgScope};
use crate::server::db::internal;
use crate::server::entity::{organisation, rights_request};
use crate::server::messages::rights_request_mail;
use crate::server::service::local_time::shown;
use crate::server::service::notifications::tell_organisation;
use crate::server::service::site::Site;

/// DPA 8.C: a request is forwarded within this many working days.
pub const FORWARD_WORKING_DAYS: u32 = 5;

/// The last day to forward a request received on `received`: five working
/// days (Monday to Friday) later.
pub fn forward_by(received: NaiveDate) -> NaiveDate {
    let mut day = received;
    let mut left = FORWARD_WORKING_DAYS;
    while left > 0 {
        day = day + Days::new(1);
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    day
}

/// Records a request that reached the processor; it must not be dated in
/// the future.
pub async fn record(
    db: &DatabaseConnection,
    operator: &OperatorScope,
    form: &RightsRequestForm,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<RightsRequestId, AppError> {
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let received_on: NaiveDate =
        checked.received_on.parse().map_err(|_| AppError::invalid("received_on", Problem::InvalidDate))?;
    if received_on > today {
        return Err(AppError::invalid("received_on", Problem::InFuture));
    }
    if organisation::Entity::find_by_id(checked.org.0).one(db).await.map_err(internal)?.is_none() {
        return Err(AppError::invalid("org", Problem::NotAChoice));
    }
    let id = uuid::Uuid::now_v7();
    rights_request::ActiveModel {
        id: Set(id),
        org_id: Set(checked.org.0),
        kind: Set(checked.kind.code().to_owned()),
        requester: Set(checked.requester),
        summary: Set(checked.summary),
        received_on: Set(received_on),
        recorded_by: Set(Some(operator.operator.0)),
        recorded_at: Set(now),
        forwarded_at: Set(None),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    Ok(RightsRequestId(id))
}

/// Forwards a request to its organisation's privacy contact and admins,
/// once; the claim and the messages commit together.
pub async fn forward(
    db: &DatabaseConnection,
    operator: &OperatorScope,
    id: RightsRequestId,
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let request = rights_request::Entity::find_by_id(id.0)
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let txn = db.begin().await.map_err(internal)?;
    let claimed = rights_request::Entity::update_many()
        .col_expr(rights_request::Column::ForwardedAt, Expr::value(Some(now)))
        .filter(rights_request::Column::Id.eq(request.id))
        .filter(rights_request::Column::ForwardedAt.is_null())
        .exec(&txn)
        .await
        .map_err(internal)?;
    if claimed.rows_affected == 0 {
        return Err(AppError::invalid("forward", Problem::NotNow));
    }
    let kind = RightsRequestKind::from_code(&request.kind).unwrap_or(RightsRequestKind::Other);
    let received = request.received_on.to_string();
    let link = format!("{}/privacy/rights-requests", site.public_url);
    let mail = |lang, to: &str, name: &str| {
        let facts = (text(lang, kind.label_key()), request.requester.as_str(), request.summary.as_str());
        rights_request_mail(lang, to, name, (&received, facts), &link)
    };
    let org = OrgId(request.org_id);
    tell_organisation(&txn, org, NotificationKind::RightsRequestForwarded, &mail, now).await?;
    txn.commit().await.map_err(internal)?;
    let entry = AuditEntry::by_operator(Some(org), operator.operator, AuditAction::RightsRequestForwarded);
    audit::record(db, entry.on("rights_request", id), now).await.map_err(internal)
}

/// The processor's inbox: every request, newest first, with its deadline.
pub async fn inbox(
    db: &DatabaseConnection,
    _operator: &OperatorScope,
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<Vec<RightsRequestView>, AppError> {
    let rows = rights_request::Entity::find()
        .order_by_desc(rights_request::Column::ReceivedOn)
        .order_by_desc(rights_request::Column::RecordedAt)
        .all(db)
        .await
        .map_err(internal)?;
    views(db, rows, site, now).await
}

/// The requests forwarded to the reader's organisation, newest first.
pub async fn forwarded_to(
    db: &DatabaseConnection,
    reader: &OrgScope,
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<Vec<RightsRequestView>, AppError> {
    let rows = rights_request::Entity::find()
        .filter(rights_request::Column::OrgId.eq(reader.org.0))
        .filter(rights_request::Column::ForwardedAt.is_not_null())
        .order_by_desc(rights_request::Column::ReceivedOn)
        .all(db)
        .await
        .map_err(internal)?;
    views(db, rows, site, now).await
}

async fn views(
    db: &DatabaseConnection,
    rows: Vec<rights_request::Model>,
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<Vec<RightsRequestView>, AppError> {
    let names: std::collections::HashMap<uuid::Uuid, String> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(rows.iter().map(|row| row.org_id)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|org| (org.id, org.name))
        .collect();
    let today = site.today(now);
    Ok(rows
        .into_iter()
        .map(|row| {
            let by = forward_by(row.received_on);
            let forwarding = match row.forwarded_at {
                Some(at) => DeadlineState::Sent {
                    at: shown(at, site.time_zone),
                    on_time: at.with_timezone(&site.time_zone).date_naive() <= by,
                },
                None if today <= by => DeadlineState::Due,
                None => DeadlineState::Overdue,
            };
            RightsRequestView {
                id: RightsRequestId(row.id),
                org: OrgId(row.org_id),
                organisation: names.get(&row.org_id).cloned().unwrap_or_default(),
                kind: RightsRequestKind::from_code(&row.kind).unwrap_or(RightsRequestKind::Other),
                requester: row.requester,
                summary: row.summary,
                received_on: row.received_on.to_string(),
                forward_by: by.to_string(),
                forwarding,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests;
