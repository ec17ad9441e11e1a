//! The length rule for new passwords, checked in the browser as you type and
//! again on the server, which also refuses common and breached passwords.

use crate::domain::AppError;

pub const PASSWORD_MIN_CHARS: u32 = 10;
/// Long enough for any passphrase, short enough that hashing stays cheap.
pub const PASSWORD_MAX_CHARS: u32 = 128;

pub fn check_password_length(password: &str) -> Result<(), AppError> {
    let length = u32::try_from(password.chars().count()).unwrap_or(u32::MAX);
    if length < PASSWORD_MIN_CHARS {
        Err(AppError::PasswordTooShort { min: PASSWORD_MIN_CHARS })
    } else if length > PASSWORD_MAX_CHARS {
        Err(AppError::PasswordTooLong { max: PASSWORD_MAX_CHARS })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_is_counted_in_characters() {
        assert_eq!(check_password_length("kort"), Err(AppError::PasswordTooShort { min: 10 }));
        assert_eq!(check_password_length("ëëëëëëëëëë"), Ok(()));
        assert_eq!(check_password_length(&"x".repeat(129)), Err(AppError::PasswordTooLong { max: 128 }));
    }
}
