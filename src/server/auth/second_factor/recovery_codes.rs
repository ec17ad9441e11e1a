//! Recovery codes: ten single-use codes shown once when the second factor is
//! set up, for the day the phone is lost. Each has 50 random bits, written
//! in an alphabet without look-alike characters, as `xxxxx-xxxxx`.

use super::super::token::{normalise_code, random_code, token_hash};

pub use crate::domain::dto::RECOVERY_CODE_COUNT as COUNT;
const GROUP: usize = 5;

/// A fresh set of codes, to show once.
pub fn generate() -> Vec<String> {
    (0..COUNT).map(|_| generate_one()).collect()
}

fn generate_one() -> String {
    random_code(2, GROUP)
}

/// What the database keeps of a code.
pub fn hash(code: &str) -> String {
    token_hash(&normalise_code(code))
}

/// Whether `given` has the shape of a recovery code rather than an app's six digits.
pub fn looks_like_recovery_code(given: &str) -> bool {
    normalise_code(given).len() == 2 * GROUP
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
        assert_ne!(hash("abcde-fghjk"), hash("abcde-fghjm"));
        assert!(!looks_like_recovery_code("123456"));
    }
}
