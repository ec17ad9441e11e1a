//! The external people asked for feedback, as the organisation's register
//! lists them and as feedback they gave names them.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::{Site, external};
use crate::domain::AppError;
use crate::domain::dto::ExternalPerson;
use crate::server::auth::OrgScope;
use crate::server::crypto::{Keyring, TenantCipher};
use crate::server::db::internal;
use crate::server::entity::{feedback_request, feedback_request_giver as asked};
use crate::server::service::feedback::cipher;
use crate::server::service::names::Names;

/// Admins: everyone outside the organisation who was asked for feedback,
/// newest first, with name and address opened — the organisation's
/// register of their personal data (PRODUCT.md §3.3).
pub async fn external_register(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    site: Site<'_>,
) -> Result<Vec<ExternalPerson>, AppError> {
    let cipher = cipher(db, keys, scope).await?;
    let rows = asked::Entity::find()
        .filter(asked::Column::OrgId.eq(scope.org.0))
        .filter(asked::Column::UserId.is_null())
        .order_by_desc(asked::Column::AskedAt)
        .all(db)
        .await
        .map_err(internal)?;
    let requests: HashMap<uuid::Uuid, uuid::Uuid> = feedback_request::Entity::find()
        .filter(feedback_request::Column::Id.is_in(rows.iter().map(|r| r.request_id)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|r| (r.id, r.requester_id))
        .collect();
    let names = Names::of(db, requests.values().copied()).await?;
    rows.iter()
        .map(|row| {
            let (name, email) = external(&cipher, row)?;
            let requester = requests.get(&row.request_id).map(|id| names.name(*id));
            Ok(ExternalPerson {
                name,
                email,
                asked_by: requester.unwrap_or_default(),
                asked_on: row.asked_at.with_timezone(&site.time_zone).date_naive().to_string(),
                answered: row.answered_at.is_some(),
            })
        })
        .collect()
}

/// The names of the external people who gave these pieces of feedback,
/// by feedback id.
pub(in crate::server::service::feedback) async fn external_givers(
    db: &impl ConnectionTrait,
    cipher: &TenantCipher,
    feedback: impl Iterator<Item = &crate::server::entity::feedback::Model>,
) -> Result<HashMap<uuid::Uuid, String>, AppError> {
    let ids: Vec<uuid::Uuid> = feedback.map(|f| f.id).collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = asked::Entity::find()
        .filter(asked::Column::FeedbackId.is_in(ids))
        .filter(asked::Column::UserId.is_null())
        .all(db)
        .await
        .map_err(internal)?;
    let mut names = HashMap::new();
    for row in rows {
        let (name, _) = external(cipher, &row)?;
        names.insert(row.feedback_id.unwrap_or_default(), name);
    }
    Ok(names)
}
