//! Configuration values that must never reach a log line or the browser:
//! they print as `[redacted]` and do not implement `Serialize`.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use std::fmt;

#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: String) -> Self {
        Secret(value)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// The key-encryption key that wraps each tenant's data key (DPA Bijlage 3).
#[derive(Clone, PartialEq, Eq)]
pub struct KeyEncryptionKey([u8; 32]);

impl KeyEncryptionKey {
    /// 32 bytes, base64-encoded (`openssl rand -base64 32`).
    pub fn from_base64(text: &str) -> Option<Self> {
        let bytes = STANDARD.decode(text.trim()).ok()?;
        <[u8; 32]>::try_from(bytes.as_slice()).ok().map(KeyEncryptionKey)
    }

    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for KeyEncryptionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("KeyEncryptionKey([redacted])")
    }
}
