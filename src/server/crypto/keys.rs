//! Data keys and their wrapping under the key-encryption key.

use std::path::Path;

use aes_gcm::aead::{Aead, KeyInit, OsRng, Payload};
use aes_gcm::{AeadCore, Aes256Gcm, Key, Nonce};
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::domain::ids::OrgId;
use crate::server::config::KeyEncryptionKey;

const FORMAT_VERSION: u8 = 1;
const NONCE_LEN: usize = 12;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeyError {
    #[error("the organisation has no data key")]
    Missing,
    #[error("the organisation's data key was destroyed")]
    Destroyed,
    #[error("a key or ciphertext does not open with the key given")]
    Undecryptable,
}

/// An organisation's data key. Never printed, serialised or left in memory.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct DataKey(pub(super) [u8; 32]);

impl DataKey {
    pub fn generate() -> DataKey {
        let key = Aes256Gcm::generate_key(OsRng);
        DataKey(key.into())
    }
}

/// The data key, encrypted under the key-encryption key and bound to `org`.
pub fn wrap_data_key(kek: &KeyEncryptionKey, org: OrgId, key: &DataKey) -> Vec<u8> {
    seal(kek.bytes(), &wrap_context(org), &key.0)
}

pub fn unwrap_data_key(kek: &KeyEncryptionKey, org: OrgId, wrapped: &[u8]) -> Result<DataKey, KeyError> {
    let mut plain = open(kek.bytes(), &wrap_context(org), wrapped)?;
    let key = <[u8; 32]>::try_from(plain.as_slice()).map(DataKey).map_err(|_| KeyError::Undecryptable);
    plain.zeroize();
    key
}

fn wrap_context(org: OrgId) -> Vec<u8> {
    format!("koers-tenant-key-v1|{org}").into_bytes()
}

/// A secret of the platform rather than of one organisation's content (an
/// account's TOTP seed), sealed under the key-encryption key and bound to
/// `context`, which names its kind and record.
pub fn seal_under_kek(kek: &KeyEncryptionKey, context: &str, plaintext: &[u8]) -> Vec<u8> {
    seal(kek.bytes(), context.as_bytes(), plaintext)
}

pub fn open_under_kek(kek: &KeyEncryptionKey, context: &str, sealed: &[u8]) -> Result<Vec<u8>, KeyError> {
    open(kek.bytes(), context.as_bytes(), sealed)
}

/// `version ‖ nonce ‖ ciphertext+tag`, with a fresh random nonce.
pub(super) fn seal(key: &[u8; 32], associated: &[u8], plaintext: &[u8]) -> Vec<u8> {
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key));
    let nonce = Aes256Gcm::generate_nonce(OsRng);
    let mut out = Vec::with_capacity(1 + NONCE_LEN + plaintext.len() + 16);
    out.push(FORMAT_VERSION);
    out.extend_from_slice(&nonce);
    // Encryption with a valid key and nonce cannot fail for inputs below the
    // AES-GCM limit of 64 GiB; an empty result would fail to open, never leak.
    if let Ok(ciphertext) = cipher.encrypt(&nonce, Payload { msg: plaintext, aad: associated }) {
        out.extend_from_slice(&ciphertext);
    }
    out
}

pub(super) fn open(key: &[u8; 32], associated: &[u8], sealed: &[u8]) -> Result<Vec<u8>, KeyError> {
    let (&version, rest) = sealed.split_first().ok_or(KeyError::Undecryptable)?;
    if version != FORMAT_VERSION || rest.len() < NONCE_LEN + 16 {
        return Err(KeyError::Undecryptable);
    }
    let (nonce, ciphertext) = rest.split_at(NONCE_LEN);
    Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key))
        .decrypt(Nonce::from_slice(nonce), Payload { msg: ciphertext, aad: associated })
        .map_err(|_| KeyError::Undecryptable)
}

/// In development without a configured key-encryption key: one generated once
/// and kept in the data directory (readable by the owner only), so `make run`
/// needs no set-up. Production refuses to start without a configured key.
pub fn load_or_create_development_kek(data_directory: &Path) -> std::io::Result<KeyEncryptionKey> {
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;

    let path = data_directory.join("development-key-encryption-key");
    if let Ok(text) = std::fs::read_to_string(&path) {
        return KeyEncryptionKey::from_base64(&text).ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{} is not a valid key", path.display()),
            )
        });
    }
    let key = DataKey::generate();
    let text = STANDARD.encode(key.0);
    std::fs::create_dir_all(data_directory)?;
    write_private(&path, text.as_bytes())?;
    tracing::warn!(path = %path.display(), "generated a development key-encryption key");
    KeyEncryptionKey::from_base64(&text)
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidData, "generated key did not parse"))
}

/// Writes a file only its owner can read, replacing any earlier one.
#[cfg(unix)]
pub(super) fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    let mut file =
        std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(not(unix))]
pub(super) fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}
