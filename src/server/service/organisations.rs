//! Organisations (tenants, the controllers under the processing agreement).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, DbErr, Set, TransactionTrait};

use super::tenant_keys;
use crate::domain::audit::AuditAction;
use crate::domain::ids::OrgId;
use crate::server::audit::{self, AuditEntry};
use crate::server::config::KeyEncryptionKey;
use crate::server::entity::organisation;

/// Creates an organisation together with its data key, so no content of it
/// can ever be stored unencrypted.
pub async fn create(
    db: &DatabaseConnection,
    kek: &KeyEncryptionKey,
    name: &str,
    now: DateTime<Utc>,
) -> Result<OrgId, DbErr> {
    let org = OrgId(uuid::Uuid::now_v7());
    let txn = db.begin().await?;
    organisation::ActiveModel {
        id: Set(org.0),
        name: Set(name.to_owned()),
        default_language: Set("nl".to_owned()),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    tenant_keys::insert(&txn, kek, org, now).await?;
    txn.commit().await?;
    for action in [AuditAction::OrganisationCreated, AuditAction::TenantKeyCreated] {
        audit::record(db, AuditEntry::system(Some(org), action).on("organisation", org), now).await?;
    }
    Ok(org)
}
