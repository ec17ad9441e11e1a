//! Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1 of the
//! 30-second time step, six digits — what every authenticator app speaks.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha1::Sha1;
use zeroize::{Zeroize, ZeroizeOnDrop};

pub const STEP_SECONDS: i64 = 30;
pub const DIGITS: u32 = 6;
/// Steps either side of now that are still accepted, for clocks that drift.
const DRIFT_STEPS: i64 = 1;
/// 160 bits, the key length RFC 4226 recommends for HMAC-SHA1.
const SECRET_BYTES: usize = 20;

/// The secret shared with the authenticator app. Never printed or logged.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct TotpSecret(Vec<u8>);

impl TotpSecret {
    pub fn generate() -> TotpSecret {
        let mut bytes = vec![0u8; SECRET_BYTES];
        aes_gcm::aead::rand_core::RngCore::fill_bytes(&mut aes_gcm::aead::OsRng, &mut bytes);
        TotpSecret(bytes)
    }

    pub fn from_bytes(bytes: Vec<u8>) -> TotpSecret {
        TotpSecret(bytes)
    }

    /// Reads the Base32 form a person may type into an app (spaces and case ignored).
    pub fn from_base32(text: &str) -> Option<TotpSecret> {
        base32_decode(text).filter(|bytes| !bytes.is_empty()).map(TotpSecret)
    }

    pub fn bytes(&self) -> &[u8] {
        &self.0
    }

    /// Base32 without padding, as authenticator apps expect.
    pub fn to_base32(&self) -> String {
        base32_encode(&self.0)
    }

    /// The `otpauth://` address a QR code carries: the app shows `issuer` and `account`.
    pub fn provisioning_uri(&self, issuer: &str, account: &str) -> String {
        let label = format!("{issuer}:{account}");
        format!(
            "otpauth://totp/{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
            percent_encode(&label),
            self.to_base32(),
            percent_encode(issuer),
        )
    }

    /// The code for one time step, zero-padded to six digits.
    pub fn code_at_step(&self, step: i64) -> String {
        // HMAC accepts keys of any length; the error case cannot occur.
        let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(&self.0) else { return String::new() };
        mac.update(&step.to_be_bytes());
        let digest = mac.finalize().into_bytes();
        let offset = usize::from(digest[digest.len() - 1] & 0x0f);
        let truncated =
            u32::from_be_bytes([digest[offset], digest[offset + 1], digest[offset + 2], digest[offset + 3]])
                & 0x7fff_ffff;
        format!("{:0width$}", truncated % 10u32.pow(DIGITS), width = DIGITS as usize)
    }

    /// The time step a code was valid for, if `given` is the code of a step
    /// near `now` that is newer than `last_used_step` (so no code works twice).
    pub fn verify(&self, given: &str, now: DateTime<Utc>, last_used_step: i64) -> Option<i64> {
        let given: String = given.chars().filter(|c| !c.is_whitespace()).collect();
        if given.len() != DIGITS as usize || !given.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let current = step_of(now);
        (current - DRIFT_STEPS..=current + DRIFT_STEPS)
            .filter(|step| *step > last_used_step)
            .find(|step| constant_time_eq(self.code_at_step(*step).as_bytes(), given.as_bytes()))
    }
}

impl std::fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TotpSecret([redacted])")
    }
}

pub fn step_of(at: DateTime<Utc>) -> i64 {
    at.timestamp().div_euclid(STEP_SECONDS)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

const BASE32_ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

fn base32_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(BASE32_ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(BASE32_ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

fn base32_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let value = BASE32_ALPHABET.iter().position(|&a| char::from(a) == c.to_ascii_uppercase())?;
        buffer = (buffer << 5) | value as u32;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xff) as u8);
        }
    }
    Some(out)
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    /// The SHA-1 secret of RFC 6238's test vectors.
    fn rfc_secret() -> TotpSecret {
        TotpSecret::from_bytes(b"12345678901234567890".to_vec())
    }

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(seconds, 0).single().expect("valid time")
    }

    #[test]
    fn codes_match_the_test_vectors_of_rfc_6238() {
        // RFC 6238 appendix B gives eight digits; apps use the last six.
        for (seconds, expected) in
            [(59, "287082"), (1_111_111_109, "081804"), (1_234_567_890, "005924"), (2_000_000_000, "279037")]
        {
            assert_eq!(rfc_secret().code_at_step(step_of(at(seconds))), expected, "at {seconds}");
        }
    }

    #[test]
    fn a_code_from_a_neighbouring_step_is_accepted_once() {
        let secret = rfc_secret();
        let now = at(1_234_567_890);
        let previous = secret.code_at_step(step_of(now) - 1);
        let step = secret.verify(&previous, now, 0).expect("accepted");
        assert_eq!(step, step_of(now) - 1);
        assert_eq!(secret.verify(&previous, now, step), None, "the same code twice");
    }

    #[test]
    fn codes_far_from_now_and_malformed_ones_are_refused() {
        let secret = rfc_secret();
        let now = at(1_234_567_890);
        assert_eq!(secret.verify(&secret.code_at_step(step_of(now) - 2), now, 0), None);
        assert_eq!(secret.verify(&secret.code_at_step(step_of(now) + 2), now, 0), None);
        for given in ["", "12345", "1234567", "abcdef", "00592４"] {
            assert_eq!(secret.verify(given, now, 0), None, "{given:?}");
        }
        assert!(secret.verify(" 005 924 ", now, 0).is_some(), "spaces as apps show them are fine");
    }

    #[test]
    fn base32_round_trips_and_reads_what_people_type() {
        assert_eq!(rfc_secret().to_base32(), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        let typed = TotpSecret::from_base32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").expect("valid");
        assert_eq!(typed, rfc_secret());
        assert_eq!(TotpSecret::from_base32("not base32!"), None);
    }

    #[test]
    fn the_provisioning_uri_names_the_issuer_and_account() {
        let uri = rfc_secret().provisioning_uri("Koers", "femke@example.org");
        assert_eq!(
            uri,
            "otpauth://totp/Koers%3Afemke%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\
             &issuer=Koers&algorithm=SHA1&digits=6&period=30"
        );
    }
}
