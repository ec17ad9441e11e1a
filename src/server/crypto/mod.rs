//! Encryption at rest with a key per organisation (DPA 5.A, Bijlage 3).
//!
//! Every organisation has a random 256-bit data key. It is stored only
//! wrapped (AES-256-GCM) by the key-encryption key of the configuration, in
//! a key store outside the database (so database backups hold no key);
//! free-text personal content is sealed with AES-256-GCM under the data key.
//! Each sealed value is bound to its organisation, its kind and its record
//! (the associated data), so a ciphertext copied to another row or tenant
//! does not open. Destroying the data key makes all of it unreadable.

pub mod file_stream;
mod key_store;
mod keys;
mod tenant_cipher;

pub use key_store::{KeyStore, Keyring};
pub use keys::{
    DataKey, KeyError, load_or_create_development_kek, open_under_kek, seal_under_kek, unwrap_data_key,
    wrap_data_key,
};
pub use tenant_cipher::{Purpose, TenantCipher};

#[cfg(test)]
mod tests;
