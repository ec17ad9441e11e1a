//! Where the organisations' wrapped data keys live: in a directory of their
//! own, outside the database (DPA 8: crypto-shredding). A backup of the
//! database then holds sealed content but no key to it, so destroying an
//! organisation's key also makes the copies of its content in every
//! database backup unreadable. Keep this directory out of the database's
//! backups; back it up, if at all, for no longer than content may live.

use std::path::PathBuf;

use super::keys::{DataKey, KeyError, unwrap_data_key, wrap_data_key, write_private};
use crate::domain::ids::OrgId;
use crate::server::config::KeyEncryptionKey;

/// The key-encryption key and the store of wrapped tenant keys it opens.
#[derive(Clone, Debug)]
pub struct Keyring {
    pub kek: KeyEncryptionKey,
    pub store: KeyStore,
}

/// A directory with one file per organisation: its data key, wrapped by the
/// key-encryption key (readable by the owner only).
#[derive(Clone, Debug)]
pub struct KeyStore {
    directory: PathBuf,
}

impl KeyStore {
    pub fn new(directory: impl Into<PathBuf>) -> KeyStore {
        KeyStore { directory: directory.into() }
    }

    fn path_of(&self, org: OrgId) -> PathBuf {
        self.directory.join(format!("{org}.key"))
    }

    /// Stores a new key for `org`, written whole or not at all.
    pub fn put(&self, kek: &KeyEncryptionKey, org: OrgId, key: &DataKey) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.directory)?;
        self.put_wrapped(org, &wrap_data_key(kek, org, key))
    }

    /// Stores an already wrapped key (moving keys out of the database).
    pub fn put_wrapped(&self, org: OrgId, wrapped: &[u8]) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.directory)?;
        let partial = self.directory.join(format!("{org}.key.partial"));
        write_private(&partial, wrapped)?;
        std::fs::rename(&partial, self.path_of(org))
    }

    /// The data key of `org`; `Missing` when there is none (never made, or destroyed).
    pub fn get(&self, kek: &KeyEncryptionKey, org: OrgId) -> Result<DataKey, KeyError> {
        let wrapped = std::fs::read(self.path_of(org)).map_err(|_| KeyError::Missing)?;
        unwrap_data_key(kek, org, &wrapped)
    }

    /// A public identifier of `org`'s key: the first 16 hex digits of the
    /// SHA-256 of its wrapped form. It names the key in the declaration of
    /// destruction and reveals nothing of it. `None` without a key.
    pub fn fingerprint(&self, org: OrgId) -> Option<String> {
        use sha2::{Digest, Sha256};
        let wrapped = std::fs::read(self.path_of(org)).ok()?;
        Some(hex::encode(Sha256::digest(&wrapped)).chars().take(16).collect())
    }

    pub fn contains(&self, org: OrgId) -> bool {
        self.path_of(org).exists()
    }

    /// Overwrites the key file and removes it. Idempotent.
    pub fn destroy(&self, org: OrgId) -> std::io::Result<()> {
        let path = self.path_of(org);
        match std::fs::metadata(&path) {
            Ok(metadata) => {
                let length = usize::try_from(metadata.len()).unwrap_or(0);
                std::fs::write(&path, vec![0u8; length])?;
                std::fs::remove_file(&path)
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(error) => Err(error),
        }
    }
}
