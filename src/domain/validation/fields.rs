//! Field-by-field input errors: which field, and what is wrong with it.
//! Forms show each message beside its field.

use serde::{Deserialize, Serialize};

use crate::i18n::{Key, Lang, format, text};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    Required,
    TooLong {
        max: u32,
    },
    InvalidEmail,
    InvalidKvkNumber,
    InvalidDate,
    NoLanguage,
    /// Someone in this organisation already uses this e-mail address.
    AlreadyInUse,
    /// Someone in this organisation already has this username.
    UsernameInUse,
    InvalidPhone,
    InvalidUsername,
    InvalidDateTime,
    /// A moment that has passed already, where a future one is needed.
    InPast,
    /// A date that must lie after the one set now.
    NotLater,
    /// A moment still to come, where one that has passed is needed.
    InFuture,
    /// A unit cannot move into itself or below itself.
    WouldCreateCycle,
    /// A unit with sub-units or members cannot be deleted.
    UnitNotEmpty,
    /// The HR reader right is for admins only.
    NotAnAdmin,
    /// The current password, asked to confirm a change, is not right.
    WrongPassword,
    /// A value that is not one of those offered.
    NotAChoice,
    InvalidYear,
    InvalidNumber,
    TooMany {
        max: u32,
    },
    /// Not possible in the state the thing is in now.
    NotNow,
    /// A required question left unanswered where an answer is needed now.
    Unanswered,
    /// A date that must lie at least this many days ahead (DPA 4.C).
    TooSoon {
        days: u32,
    },
    /// A confirmation that does not repeat the name shown.
    NameMismatch,
    /// A year of birth outside the years a working person is born in.
    BirthYearOutOfRange {
        from: u32,
        to: u32,
    },
    /// A file whose content is not one of the kinds Koers keeps.
    FileTypeNotAllowed,
    /// A file larger than the installation allows.
    FileTooLarge {
        max_megabytes: u64,
    },
    EmptyFile,
    /// A file whose upload broke off before it was whole.
    UploadInterrupted,
}

impl Problem {
    pub fn message(self, lang: Lang) -> String {
        match self {
            Problem::Required => text(lang, Key::ValidationRequired).to_owned(),
            Problem::TooLong { max } => format(lang, Key::ValidationTooLong, &[("max", &max.to_string())]),
            Problem::InvalidEmail => text(lang, Key::ValidationInvalidEmail).to_owned(),
            Problem::InvalidKvkNumber => text(lang, Key::ValidationInvalidKvkNumber).to_owned(),
            Problem::InvalidDate => text(lang, Key::ValidationInvalidDate).to_owned(),
            Problem::NoLanguage => text(lang, Key::ValidationNoLanguage).to_owned(),
            Problem::AlreadyInUse => text(lang, Key::ValidationAlreadyInUse).to_owned(),
            Problem::UsernameInUse => text(lang, Key::ValidationUsernameInUse).to_owned(),
            Problem::InvalidPhone => text(lang, Key::ValidationInvalidPhone).to_owned(),
            Problem::InvalidUsername => text(lang, Key::ValidationInvalidUsername).to_owned(),
            Problem::InvalidDateTime => text(lang, Key::ValidationInvalidDateTime).to_owned(),
            Problem::InPast => text(lang, Key::ValidationInPast).to_owned(),
            Problem::InFuture => text(lang, Key::ValidationInFuture).to_owned(),
            Problem::NotLater => text(lang, Key::ValidationNotLater).to_owned(),
            Problem::WouldCreateCycle => text(lang, Key::ValidationWouldCreateCycle).to_owned(),
            Problem::UnitNotEmpty => text(lang, Key::ValidationUnitNotEmpty).to_owned(),
            Problem::NotAnAdmin => text(lang, Key::ValidationNotAnAdmin).to_owned(),
            Problem::WrongPassword => text(lang, Key::ValidationWrongPassword).to_owned(),
            Problem::NotAChoice => text(lang, Key::ValidationNotAChoice).to_owned(),
            Problem::InvalidYear => text(lang, Key::ValidationInvalidYear).to_owned(),
            Problem::InvalidNumber => text(lang, Key::ValidationInvalidNumber).to_owned(),
            Problem::TooMany { max } => format(lang, Key::ValidationTooMany, &[("max", &max.to_string())]),
            Problem::NotNow => text(lang, Key::ValidationNotNow).to_owned(),
            Problem::Unanswered => text(lang, Key::ValidationUnanswered).to_owned(),
            Problem::TooSoon { days } => format(lang, Key::ValidationTooSoon, &[("days", &days.to_string())]),
            Problem::NameMismatch => text(lang, Key::ValidationNameMismatch).to_owned(),
            Problem::BirthYearOutOfRange { from, to } => format(
                lang,
                Key::ValidationBirthYearOutOfRange,
                &[("from", &from.to_string()), ("to", &to.to_string())],
            ),
            Problem::FileTypeNotAllowed => text(lang, Key::ValidationFileTypeNotAllowed).to_owned(),
            Problem::FileTooLarge { max_megabytes } => {
                format(lang, Key::ValidationFileTooLarge, &[("max", &max_megabytes.to_string())])
            }
            Problem::EmptyFile => text(lang, Key::ValidationEmptyFile).to_owned(),
            Problem::UploadInterrupted => text(lang, Key::ValidationUploadInterrupted).to_owned(),
        }
    }
}

/// A problem with one field, named as in the form (`admin_email`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    #[serde(flatten)]
    pub problem: Problem,
}

/// Collects the problems of one form.
#[derive(Debug, Default)]
pub struct Checks(Vec<FieldError>);

impl Checks {
    pub fn fail(&mut self, field: &str, problem: Problem) {
        self.0.push(FieldError { field: field.to_owned(), problem });
    }

    /// Trimmed text, required, at most `max` characters.
    pub fn text(&mut self, field: &str, value: &str, max: u32) -> String {
        let value = value.trim();
        if value.is_empty() {
            self.fail(field, Problem::Required);
        } else if value.chars().count() > max as usize {
            self.fail(field, Problem::TooLong { max });
        }
        value.to_owned()
    }

    /// Trimmed text that may be empty, at most `max` characters.
    pub fn optional_text(&mut self, field: &str, value: &str, max: u32) -> String {
        let value = value.trim();
        if value.chars().count() > max as usize {
            self.fail(field, Problem::TooLong { max });
        }
        value.to_owned()
    }

    /// A plausible e-mail address, lower-cased: one `@`, a dot in the domain,
    /// no spaces. Whether it exists only the mail server can tell.
    pub fn email(&mut self, field: &str, value: &str) -> String {
        let value = value.trim().to_lowercase();
        if value.is_empty() {
            self.fail(field, Problem::Required);
            return value;
        }
        let plausible = value.len() <= 254
            && !value.chars().any(char::is_whitespace)
            && value.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
            });
        if !plausible {
            self.fail(field, Problem::InvalidEmail);
        }
        value
    }

    /// A Dutch Chamber of Commerce (KvK) number: eight digits.
    pub fn kvk_number(&mut self, field: &str, value: &str) -> String {
        let value: String = value.chars().filter(|c| !c.is_whitespace()).collect();
        if value.is_empty() {
            self.fail(field, Problem::Required);
        } else if value.len() != 8 || !value.chars().all(|c| c.is_ascii_digit()) {
            self.fail(field, Problem::InvalidKvkNumber);
        }
        value
    }

    /// A date as `YYYY-MM-DD` (what `<input type="date">` sends).
    pub fn date(&mut self, field: &str, value: &str) -> String {
        let value = value.trim();
        if value.is_empty() {
            self.fail(field, Problem::Required);
        } else if !is_calendar_date(value) {
            self.fail(field, Problem::InvalidDate);
        }
        value.to_owned()
    }

    /// A mobile number in international form (E.164, `+31612345678`). Spaces,
    /// dashes, dots and brackets are dropped; `00` counts as `+`, and a
    /// number starting with one `0` is taken as Dutch.
    pub fn phone(&mut self, field: &str, value: &str) -> String {
        let compact: String = value.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')')).collect();
        if compact.is_empty() {
            self.fail(field, Problem::Required);
            return compact;
        }
        let international = if let Some(rest) = compact.strip_prefix("00") {
            format!("+{rest}")
        } else if let Some(rest) = compact.strip_prefix('0') {
            format!("+31{rest}")
        } else {
            compact
        };
        let digits = international.strip_prefix('+').unwrap_or_default();
        let valid = (8..=15).contains(&digits.len())
            && digits.chars().all(|c| c.is_ascii_digit())
            && !digits.starts_with('0');
        if !valid {
            self.fail(field, Problem::InvalidPhone);
        }
        international
    }

    /// A username for signing in without e-mail, lower-cased: 3 to 64 of
    /// letters, digits, `.`, `-` and `_`, starting with a letter or digit.
    pub fn username(&mut self, field: &str, value: &str) -> String {
        let value = value.trim().to_lowercase();
        if value.is_empty() {
            self.fail(field, Problem::Required);
            return value;
        }
        let valid = (3..=64).contains(&value.chars().count())
            && value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
            && value.starts_with(|c: char| c.is_ascii_alphanumeric());
        if !valid {
            self.fail(field, Problem::InvalidUsername);
        }
        value
    }

    /// An optional date and time as `<input type="datetime-local">` sends it
    /// (`2026-12-01T09:00`); `None` when left empty.
    pub fn optional_local_date_time(&mut self, field: &str, value: &str) -> Option<String> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        let valid = value.split_once('T').is_some_and(|(date, time)| {
            let time = time.get(..5).unwrap_or(time);
            is_calendar_date(date) && is_clock_time(time)
        });
        if !valid {
            self.fail(field, Problem::InvalidDateTime);
        }
        Some(value.to_owned())
    }

    /// An optional calendar date, as `<input type="date">` sends it
    /// (`2026-12-01`) or as a Dutch spreadsheet shows it (`1-12-2026`,
    /// `1/12/2026`, `1.12.2026`, day first); `None` when left empty, else
    /// the date as `YYYY-MM-DD`.
    pub fn optional_date(&mut self, field: &str, value: &str) -> Option<String> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        let iso = day_first_as_iso(value).unwrap_or_else(|| value.to_owned());
        if !is_calendar_date(&iso) {
            self.fail(field, Problem::InvalidDate);
        }
        Some(iso)
    }

    /// An optional year of birth of someone of working age in `this_year`
    /// (between 14 and 100 years before it); `None` when left empty.
    pub fn optional_birth_year(&mut self, field: &str, value: &str, this_year: u32) -> Option<u32> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        let (from, to) = (this_year.saturating_sub(100), this_year.saturating_sub(14));
        match value.parse::<u32>() {
            Ok(year) if (from..=to).contains(&year) => Some(year),
            _ => {
                self.fail(field, Problem::BirthYearOutOfRange { from, to });
                None
            }
        }
    }

    pub fn at_least_one(&mut self, field: &str, any: bool) {
        if !any {
            self.fail(field, Problem::NoLanguage);
        }
    }

    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.0.is_empty() { Ok(()) } else { Err(self.0) }
    }
}

/// `HH:MM` on a 24-hour clock.
fn is_clock_time(value: &str) -> bool {
    let Some((hours, minutes)) = value.split_once(':') else { return false };
    hours.len() == 2
        && minutes.len() == 2
        && hours.parse::<u32>().is_ok_and(|h| h < 24)
        && minutes.parse::<u32>().is_ok_and(|m| m < 60)
}

/// `D-M-YYYY` (or with `/` or `.`) as `YYYY-MM-DD`; `None` for anything else.
fn day_first_as_iso(value: &str) -> Option<String> {
    let parts: Vec<&str> = value.split(['-', '/', '.']).collect();
    let [day, month, year] = parts.as_slice() else { return None };
    let short = |part: &str| (1..=2).contains(&part.len());
    (short(day) && short(month) && year.len() == 4).then(|| format!("{year}-{month:0>2}-{day:0>2}"))
}

fn is_calendar_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let [year, month, day] = parts.as_slice() else { return false };
    let (Ok(year), Ok(month), Ok(day)) = (year.parse::<u32>(), month.parse::<u32>(), day.parse::<u32>())
    else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2999).contains(&year) && (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(check: impl FnOnce(&mut Checks)) -> Vec<Problem> {
        let mut checks = Checks::default();
        check(&mut checks);
        checks.finish().err().unwrap_or_default().into_iter().map(|e| e.problem).collect()
    }

    #[test]
    fn texts_are_trimmed_required_and_bounded() {
        assert_eq!(problems(|c| assert_eq!(c.text("name", "  De Linde ", 10), "De Linde")), []);
        assert_eq!(problems(|c| _ = c.text("name", "   ", 10)), [Problem::Required]);
        assert_eq!(
            problems(|c| _ = c.text("name", "Zorggroep De Linde", 10)),
            [Problem::TooLong { max: 10 }]
        );
    }

    #[test]
    fn email_addresses_are_checked_for_plausibility() {
        assert_eq!(
            problems(|c| assert_eq!(c.email("e", " Femke@DeLinde.example "), "femke@delinde.example")),
            []
        );
        for bad in
            ["femke", "femke@", "@delinde.example", "femke@delinde", "fem ke@delinde.example", "a@b@c.nl"]
        {
            assert_eq!(problems(|c| _ = c.email("e", bad)), [Problem::InvalidEmail], "{bad}");
        }
    }

    #[test]
    fn kvk_numbers_have_eight_digits() {
        assert_eq!(problems(|c| assert_eq!(c.kvk_number("k", "8451 0722"), "84510722")), []);
        assert_eq!(problems(|c| _ = c.kvk_number("k", "845107")), [Problem::InvalidKvkNumber]);
        assert_eq!(problems(|c| _ = c.kvk_number("k", "8451072a")), [Problem::InvalidKvkNumber]);
    }

    #[test]
    fn dates_must_exist_in_the_calendar() {
        assert_eq!(problems(|c| _ = c.date("d", "2024-02-29")), []);
        for bad in ["2023-02-29", "2026-13-01", "2026-04-31", "1-1-2026", "gisteren"] {
            assert_eq!(problems(|c| _ = c.date("d", bad)), [Problem::InvalidDate], "{bad}");
        }
    }

    #[test]
    fn phone_numbers_become_international() {
        for (typed, stored) in [
            ("06-1234 5678", "+31612345678"),
            ("+31 6 12345678", "+31612345678"),
            ("0032 470 12 34 56", "+32470123456"),
            ("(06) 12.34.56.78", "+31612345678"),
        ] {
            assert_eq!(problems(|c| assert_eq!(c.phone("p", typed), stored)), [], "{typed}");
        }
        for bad in ["0612", "+31 6 1234 5678 9012 34", "06-abcdefgh", "+0612345678"] {
            assert_eq!(problems(|c| _ = c.phone("p", bad)), [Problem::InvalidPhone], "{bad}");
        }
    }

    #[test]
    fn usernames_are_short_plain_and_lower_case() {
        assert_eq!(problems(|c| assert_eq!(c.username("u", " Jan.de-Vries_2 "), "jan.de-vries_2")), []);
        for bad in ["jo", "jan de vries", "jan@delinde", ".jan", "jöran"] {
            assert_eq!(problems(|c| _ = c.username("u", bad)), [Problem::InvalidUsername], "{bad}");
        }
    }

    #[test]
    fn a_local_date_time_is_optional_but_must_exist() {
        assert_eq!(problems(|c| assert_eq!(c.optional_local_date_time("t", " "), None)), []);
        assert_eq!(problems(|c| _ = c.optional_local_date_time("t", "2026-12-01T09:30")), []);
        for bad in ["2026-12-01", "2026-02-30T09:00", "2026-12-01T24:00", "morgen"] {
            assert_eq!(
                problems(|c| _ = c.optional_local_date_time("t", bad)),
                [Problem::InvalidDateTime],
                "{bad}"
            );
        }
    }

    #[test]
    fn an_optional_date_is_written_year_first_or_day_first() {
        assert_eq!(problems(|c| assert_eq!(c.optional_date("d", " "), None)), []);
        for (typed, stored) in [
            ("2024-03-01", "2024-03-01"),
            ("1-3-2024", "2024-03-01"),
            ("01/03/2024", "2024-03-01"),
            ("1.3.2024", "2024-03-01"),
        ] {
            assert_eq!(
                problems(|c| assert_eq!(c.optional_date("d", typed).as_deref(), Some(stored))),
                [],
                "{typed}"
            );
        }
        for bad in ["2024-02-30", "30-2-2024", "maart 2024", "3/1/24"] {
            assert_eq!(problems(|c| _ = c.optional_date("d", bad)), [Problem::InvalidDate], "{bad}");
        }
    }

    #[test]
    fn a_birth_year_is_of_someone_of_working_age() {
        assert_eq!(problems(|c| assert_eq!(c.optional_birth_year("b", "", 2026), None)), []);
        assert_eq!(problems(|c| assert_eq!(c.optional_birth_year("b", " 1980 ", 2026), Some(1980))), []);
        for bad in ["2020", "1890", "tachtig", "80"] {
            assert_eq!(
                problems(|c| _ = c.optional_birth_year("b", bad, 2026)),
                [Problem::BirthYearOutOfRange { from: 1926, to: 2012 }],
                "{bad}"
            );
        }
    }

    #[test]
    fn field_errors_travel_with_their_field_and_problem() {
        let error = FieldError { field: "name".into(), problem: Problem::TooLong { max: 200 } };
        let json = serde_json::to_string(&error).unwrap_or_default();
        assert_eq!(json, r#"{"field":"name","problem":"too_long","max":200}"#);
    }
}
