//! Each organisation's data key: created with the organisation, opened to
//! seal or read its content, destroyed at the end of the contract (DPA 8).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, Set};

use crate::domain::audit::AuditAction;
use crate::domain::ids::OrgId;
use crate::server::audit::{self, AuditEntry};
use crate::server::config::KeyEncryptionKey;
use crate::server::crypto::{DataKey, KeyError, TenantCipher, unwrap_data_key, wrap_data_key};
use crate::server::entity::tenant_key;

#[derive(Debug, thiserror::Error)]
pub enum TenantKeyError {
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Creates the data key of a new organisation, inside the caller's
/// transaction (see `organisations::create`).
pub async fn insert(
    db: &impl ConnectionTrait,
    kek: &KeyEncryptionKey,
    org: OrgId,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    tenant_key::ActiveModel {
        org_id: Set(org.0),
        wrapped_key: Set(Some(wrap_data_key(kek, org, &DataKey::generate()))),
        created_at: Set(now),
        destroyed_at: Set(None),
    }
    .insert(db)
    .await
    .map(|_| ())
}

/// The cipher for an organisation's content; fails once its key is destroyed.
pub async fn cipher(
    db: &impl ConnectionTrait,
    kek: &KeyEncryptionKey,
    org: OrgId,
) -> Result<TenantCipher, TenantKeyError> {
    let row = tenant_key::Entity::find_by_id(org.0).one(db).await?.ok_or(KeyError::Missing)?;
    let wrapped = row.wrapped_key.ok_or(KeyError::Destroyed)?;
    Ok(TenantCipher::new(org, unwrap_data_key(kek, org, &wrapped)?))
}

/// Destroys an organisation's data key: everything sealed under it is
/// unreadable from now on (DPA 8.A–G). The row stays, without the key, as
/// the record of when that happened.
pub async fn destroy(db: &DatabaseConnection, org: OrgId, now: DateTime<Utc>) -> Result<(), DbErr> {
    tenant_key::ActiveModel {
        org_id: Set(org.0),
        wrapped_key: Set(None),
        destroyed_at: Set(Some(now)),
        ..Default::default()
    }
    .update(db)
    .await?;
    audit::record(
        db,
        AuditEntry::system(Some(org), AuditAction::TenantKeyDestroyed).on("organisation", org),
        now,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::crypto::Purpose;
    use crate::server::testing::for_each_backend;

    fn kek() -> KeyEncryptionKey {
        crate::server::testing::test_kek()
    }

    async fn organisation(db: &DatabaseConnection) -> OrgId {
        crate::server::service::organisations::create(db, &kek(), "Testorganisatie", Utc::now())
            .await
            .expect("organisation")
    }

    for_each_backend! {
        async fn content_sealed_under_the_tenant_key_opens_again(db) {
            let org = organisation(&db).await;
            let sealed = cipher(&db, &kek(), org).await.expect("cipher").seal_text(Purpose::PrivateNote, "note-1", "Gesprek ging goed");
            let reopened = cipher(&db, &kek(), org).await.expect("cipher");
            assert_eq!(reopened.open_text(Purpose::PrivateNote, "note-1", &sealed), Ok("Gesprek ging goed".into()));
        }

        async fn content_under_a_destroyed_key_can_no_longer_be_read(db) {
            let org = organisation(&db).await;
            let sealed = cipher(&db, &kek(), org).await.expect("cipher").seal_text(Purpose::Feedback, "f-1", "Sterk verhaal");
            destroy(&db, org, Utc::now()).await.expect("destroyed");
            assert!(matches!(cipher(&db, &kek(), org).await, Err(TenantKeyError::Key(KeyError::Destroyed))));
            let row = tenant_key::Entity::find_by_id(org.0).one(&db).await.expect("row").expect("kept for the record");
            assert!(row.wrapped_key.is_none() && row.destroyed_at.is_some());
            // Nothing in the database can open the sealed content any more.
            assert!(!sealed.windows(5).any(|w| w == b"Sterk"));
            let report = audit::verify_chain(&db, &org.to_string()).await.expect("audit");
            assert!(matches!(report, Some(audit::ChainReport::Intact { entries: 3, .. })), "{report:?}");
        }

        async fn one_tenants_key_does_not_open_anothers_content(db) {
            let (a, b) = (organisation(&db).await, organisation(&db).await);
            let sealed = cipher(&db, &kek(), a).await.expect("cipher").seal_text(Purpose::Evaluation, "e-1", "Goed");
            let other = cipher(&db, &kek(), b).await.expect("cipher");
            assert_eq!(other.open_text(Purpose::Evaluation, "e-1", &sealed), Err(KeyError::Undecryptable));
        }
    }
}
