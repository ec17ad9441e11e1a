//! Passwords: argon2id hashes (Bijlage 3), and a strength rule that refuses
//! common and breached passwords using the lists bundled with zxcvbn.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};

use crate::domain::AppError;

/// Hashes a password with argon2id and a random salt (PHC string format).
pub fn hash(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|hash| hash.to_string()).map_err(
        |error| {
            tracing::error!(%error, "password hashing failed");
            AppError::Internal
        },
    )
}

/// True when `password` matches `stored`; any malformed hash is a mismatch.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false)
}

/// Spends the time of one verification, so that an unknown account answers
/// as slowly as a wrong password and timing reveals nothing.
pub fn verify_against_nothing(password: &str) {
    static DUMMY: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    if let Some(dummy) = DUMMY.get_or_init(|| hash("koers-dummy-password-for-timing").ok()) {
        verify(password, dummy);
    }
}

/// The rule for a new password: long enough, and not common, breached or
/// easy to guess — zxcvbn knows the 30 000 most common passwords from
/// breaches, keyboard patterns, dates, and the person's own name and address
/// (`personal`).
pub fn check_strength(password: &str, personal: &[&str]) -> Result<(), AppError> {
    crate::domain::validation::check_password_length(password)?;
    let words = personal_words(personal);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    if zxcvbn::zxcvbn(password, &words).score() < zxcvbn::Score::Three {
        return Err(AppError::PasswordTooWeak);
    }
    Ok(())
}

/// "Anna de Vries", "anna.devries@delinde.example" → anna, de, vries,
/// annadevries, delinde, …: the pieces people build passwords from.
fn personal_words(personal: &[&str]) -> Vec<String> {
    let mut words = Vec::new();
    for text in personal {
        let lower = text.to_lowercase();
        let parts: Vec<&str> =
            lower.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()).collect();
        words.push(parts.concat());
        words.extend(parts.iter().filter(|p| p.len() >= 3).map(|p| (*p).to_owned()));
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_only_its_own_password() {
        let stored = hash("paarse olifant op de fiets").expect("hashed");
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("paarse olifant op de fiets", &stored));
        assert!(!verify("paarse olifant op de fiets!", &stored));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn common_breached_and_personal_passwords_are_refused() {
        for weak in ["password123", "qwertyuiop", "iloveyou123", "1234567890", "letmein2024"] {
            assert_eq!(check_strength(weak, &[]), Err(AppError::PasswordTooWeak), "{weak}");
        }
        assert_eq!(
            check_strength("annadevries1990", &["Anna de Vries", "anna.devries@delinde.example"]),
            Err(AppError::PasswordTooWeak)
        );
        assert_eq!(check_strength("kort", &[]), Err(AppError::PasswordTooShort { min: 10 }));
        assert_eq!(check_strength("paarse olifant op de fiets", &[]), Ok(()));
    }
}
