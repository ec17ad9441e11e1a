//! Secrets handed out in cookies and links (256 random bits, URL-safe) and
//! codes that people type (Crockford's Base32); the database keeps only
//! their SHA-256, so a copy of it opens nothing.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    aes_gcm::aead::rand_core::RngCore::fill_bytes(&mut aes_gcm::aead::OsRng, &mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Crockford's Base32: no i, l, o or u, so nothing looks like something else.
const CROCKFORD: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// A code for a person to type: `groups` groups of `length` random
/// characters (5 bits each), joined by dashes.
pub fn random_code(groups: usize, length: usize) -> String {
    let mut bytes = vec![0u8; groups * length];
    aes_gcm::aead::rand_core::RngCore::fill_bytes(&mut aes_gcm::aead::OsRng, &mut bytes);
    let letters: Vec<String> = bytes
        .chunks(length)
        .map(|group| group.iter().map(|b| char::from(CROCKFORD[usize::from(b & 31)])).collect())
        .collect();
    letters.join("-")
}

/// A typed code as it is compared: without spaces, dashes or case; a typed
/// `o` counts as zero, `i` and `l` as one.
pub fn normalise_code(given: &str) -> String {
    given
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| match c.to_ascii_lowercase() {
            'o' => '0',
            'i' | 'l' => '1',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_come_in_groups_and_match_however_they_are_typed() {
        let code = random_code(3, 4);
        assert_eq!(code.len(), 14);
        assert_eq!(code.matches('-').count(), 2);
        assert_eq!(normalise_code(&code.to_uppercase().replace('-', " ")), code.replace('-', ""));
        assert_eq!(normalise_code("lO-ab"), "10ab", "look-alikes read as digits");
    }
}
