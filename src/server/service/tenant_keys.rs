//! Each organisation's data key: created with the organisation, opened to
//! seal or read its content, destroyed at the end of the contract (DPA 8).
//! The key itself lives wrapped in the key store, outside the database; the
//! `tenant_key` row records when it was made and destroyed.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set,
};

use crate::domain::audit::AuditAction;
use crate::domain::ids::OrgId;
use crate::server::audit::{self, AuditEntry};
use crate::server::crypto::{DataKey, KeyError, Keyring, TenantCipher};
use crate::server::entity::tenant_key;

#[derive(Debug, thiserror::Error)]
pub enum TenantKeyError {
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("key store: {0}")]
    Store(#[from] std::io::Error),
}

/// Creates the data key of a new organisation: into the key store, and its
/// record inside the caller's transaction (see `organisations::create`).
pub async fn insert(
    db: &impl ConnectionTrait,
    keys: &Keyring,
    org: OrgId,
    now: DateTime<Utc>,
) -> Result<(), TenantKeyError> {
    keys.store.put(&keys.kek, org, &DataKey::generate())?;
    tenant_key::ActiveModel {
        org_id: Set(org.0),
        wrapped_key: Set(None),
        created_at: Set(now),
        destroyed_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The cipher for an organisation's content; fails once its key is destroyed.
pub async fn cipher(
    db: &impl ConnectionTrait,
    keys: &Keyring,
    org: OrgId,
) -> Result<TenantCipher, TenantKeyError> {
    let row = tenant_key::Entity::find_by_id(org.0).one(db).await?.ok_or(KeyError::Missing)?;
    if row.destroyed_at.is_some() {
        return Err(KeyError::Destroyed.into());
    }
    Ok(TenantCipher::new(org, keys.store.get(&keys.kek, org)?))
}

/// The cipher of an organisation's content for a service: a key that
/// cannot be opened is logged and reaches the caller as `internal`.
pub async fn content_cipher(
    db: &impl ConnectionTrait,
    keys: &Keyring,
    org: OrgId,
) -> Result<TenantCipher, crate::domain::AppError> {
    cipher(db, keys, org).await.map_err(|error| {
        tracing::error!(%error, "the organisation's data key cannot be opened");
        crate::domain::AppError::Internal
    })
}

/// Destroys an organisation's data key: everything sealed under it is
/// unreadable from now on (DPA 8.A–G), also in database backups, which
/// never held the key. The row stays as the record of when that happened.
pub async fn destroy(
    db: &DatabaseConnection,
    keys: &Keyring,
    org: OrgId,
    now: DateTime<Utc>,
) -> Result<(), TenantKeyError> {
    keys.store.destroy(org)?;
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
    .await?;
    Ok(())
}

/// Moves keys that earlier versions kept in the database into the key
/// store, and removes them from the database. Run at every start-up; does
/// nothing once they are moved.
pub async fn move_keys_out_of_database(
    db: &DatabaseConnection,
    keys: &Keyring,
) -> Result<u64, TenantKeyError> {
    let in_database =
        tenant_key::Entity::find().filter(tenant_key::Column::WrappedKey.is_not_null()).all(db).await?;
    let mut moved = 0;
    for row in in_database {
        let org = OrgId(row.org_id);
        if let Some(wrapped) = &row.wrapped_key {
            if !keys.store.contains(org) {
                keys.store.put_wrapped(org, wrapped)?;
            }
            keys.store.get(&keys.kek, org)?;
        }
        tenant_key::ActiveModel { org_id: Set(row.org_id), wrapped_key: Set(None), ..Default::default() }
            .update(db)
            .await?;
        moved += 1;
    }
    Ok(moved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::crypto::Purpose;
    use crate::server::testing::for_each_backend;

    fn keys() -> Keyring {
        crate::server::testing::test_keyring()
    }

    async fn organisation(db: &DatabaseConnection) -> OrgId {
        crate::server::service::organisations::create(db, &keys(), "Testorganisatie", Utc::now())
            .await
            .expect("organisation")
    }

    for_each_backend! {
        async fn content_sealed_under_the_tenant_key_opens_again(db) {
            let org = organisation(&db).await;
            let sealed = cipher(&db, &keys(), org).await.expect("cipher").seal_text(Purpose::PrivateNote, "note-1", "Gesprek ging goed");
            let reopened = cipher(&db, &keys(), org).await.expect("cipher");
            assert_eq!(reopened.open_text(Purpose::PrivateNote, "note-1", &sealed), Ok("Gesprek ging goed".into()));
        }

        async fn content_under_a_destroyed_key_can_no_longer_be_read(db) {
            let org = organisation(&db).await;
            let sealed = cipher(&db, &keys(), org).await.expect("cipher").seal_text(Purpose::Feedback, "f-1", "Sterk verhaal");
            destroy(&db, &keys(), org, Utc::now()).await.expect("destroyed");
            assert!(matches!(cipher(&db, &keys(), org).await, Err(TenantKeyError::Key(KeyError::Destroyed))));
            let row = tenant_key::Entity::find_by_id(org.0).one(&db).await.expect("row").expect("kept for the record");
            assert!(row.destroyed_at.is_some());
            assert!(!keys().store.contains(org), "the key file is gone");
            // Nothing in the database can open the sealed content any more.
            assert!(!sealed.windows(5).any(|w| w == b"Sterk"));
            let report = audit::verify_chain(&db, &org.to_string()).await.expect("audit");
            assert!(matches!(report, Some(audit::ChainReport::Intact { entries: 3, .. })), "{report:?}");
        }

        async fn a_database_backup_holds_no_key_so_destruction_reaches_it_too(db) {
            let org = organisation(&db).await;
            let sealed = cipher(&db, &keys(), org).await.expect("cipher").seal_text(Purpose::PrivateNote, "n-1", "Vertrouwelijk");
            // What a backup of the database holds of the key: its record, no key.
            let backup = tenant_key::Entity::find_by_id(org.0).one(&db).await.expect("row").expect("record");
            assert_eq!(backup.wrapped_key, None);

            destroy(&db, &keys(), org, Utc::now()).await.expect("destroyed");
            // The backup is restored: the record says the key was never destroyed …
            tenant_key::ActiveModel { org_id: Set(org.0), destroyed_at: Set(None), ..Default::default() }
                .update(&db)
                .await
                .expect("restored");
            // … yet nothing opens the content again.
            let restored = cipher(&db, &keys(), org).await;
            assert!(matches!(restored, Err(TenantKeyError::Key(KeyError::Missing))), "the key stays gone");
            assert!(!sealed.windows(5).any(|w| w == b"Vertr"));
        }

        async fn keys_kept_in_the_database_by_earlier_versions_move_to_the_key_store(db) {
            let org = organisation(&db).await;
            let sealed = cipher(&db, &keys(), org).await.expect("cipher").seal_text(Purpose::Feedback, "f-2", "Top");
            // As an earlier version stored it: wrapped, in the row; not in the store.
            let key = keys().store.get(&keys().kek, org).expect("key");
            let wrapped = crate::server::crypto::wrap_data_key(&keys().kek, org, &key);
            keys().store.destroy(org).expect("out of the store");
            tenant_key::ActiveModel { org_id: Set(org.0), wrapped_key: Set(Some(wrapped)), ..Default::default() }
                .update(&db)
                .await
                .expect("old layout");

            assert_eq!(move_keys_out_of_database(&db, &keys()).await.expect("moved"), 1);
            let row = tenant_key::Entity::find_by_id(org.0).one(&db).await.expect("row").expect("record");
            assert_eq!(row.wrapped_key, None, "no key left in the database");
            let reopened = cipher(&db, &keys(), org).await.expect("cipher");
            assert_eq!(reopened.open_text(Purpose::Feedback, "f-2", &sealed), Ok("Top".into()));
            assert_eq!(move_keys_out_of_database(&db, &keys()).await.expect("again"), 0);
        }

        async fn one_tenants_key_does_not_open_anothers_content(db) {
            let (a, b) = (organisation(&db).await, organisation(&db).await);
            let sealed = cipher(&db, &keys(), a).await.expect("cipher").seal_text(Purpose::Evaluation, "e-1", "Goed");
            let other = cipher(&db, &keys(), b).await.expect("cipher");
            assert_eq!(other.open_text(Purpose::Evaluation, "e-1", &sealed), Err(KeyError::Undecryptable));
        }
    }
}
