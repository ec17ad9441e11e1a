//! Recovery codes: ten single-use codes shown once when the second factor is
//! set up, for the day the phone is lost. Each has 50 random bits, written
//! in an alphabet without look-alike characters, as `xxxxx-xxxxx`.

use super::super::token::token_hash;

pub use crate::domain::dto::RECOVERY_CODE_COUNT as COUNT;
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
const GROUP: usize = 5;

/// A fresh set of codes, to show once.
pub fn generate() -> Vec<String> {
    (0..COUNT).map(|_| generate_one()).collect()
}

fn generate_one() -> String {
    let mut bytes = [0u8; 2 * GROUP];
    aes_gcm::aead::rand_core::RngCore::fill_bytes(&mut aes_gcm::aead::OsRng, &mut bytes);
    let letters: String = bytes.iter().map(|b| char::from(ALPHABET[usize::from(b & 31)])).collect();
    format!("{}-{}", &letters[..GROUP], &letters[GROUP..])
}

/// Codes are compared as typed without spaces, dashes or case.
pub fn normalise(given: &str) -> String {
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

/// What the database keeps of a code.
pub fn hash(code: &str) -> String {
    token_hash(&normalise(code))
}

/// Whether `given` has the shape of a recovery code rather than an app's six digits.
pub fn looks_like_recovery_code(given: &str) -> bool {
    normalise(given).len() == 2 * GROUP
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_has_ten_distinct_codes_of_two_groups() {
        let codes = generate();
        assert_eq!(codes.len(), COUNT);
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), COUNT);
        for code in &codes {
            assert_eq!(code.len(), 11, "{code}");
            assert_eq!(code.chars().nth(5), Some('-'));
            assert!(looks_like_recovery_code(code));
        }
    }

    #[test]
    fn codes_match_however_they_are_typed() {
        assert_eq!(hash("abcde-fghjk"), hash(" ABCDE FGHJK "));
        assert_eq!(hash("10abc-defgh"), hash("lOabc-defgh"), "look-alikes read as digits");
        assert_ne!(hash("abcde-fghjk"), hash("abcde-fghjm"));
        assert!(!looks_like_recovery_code("123456"));
    }
}
