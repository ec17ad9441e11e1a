//! Moments as people type them: `<input type="datetime-local">` sends a
//! wall-clock time without a zone, read in the installation's time zone.

use chrono::{DateTime, NaiveDateTime, TimeZone as _, Utc};

use crate::domain::AppError;
use crate::domain::validation::Problem;

/// The format `<input type="datetime-local">` sends and takes.
const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// The UTC moment of a `YYYY-MM-DDTHH:MM` in `time_zone`; a problem is
/// reported on `field`. A time that does not exist there (the hour skipped
/// when summer time starts) is refused; one that occurs twice is taken the
/// first time.
fn local_moment(field: &str, local: &str, time_zone: chrono_tz::Tz) -> Result<DateTime<Utc>, AppError> {
    let invalid = || AppError::invalid(field, Problem::InvalidDateTime);
    let naive = NaiveDateTime::parse_from_str(local.trim().get(..16).unwrap_or(local), LOCAL_FORMAT)
        .map_err(|_| invalid())?;
    Ok(time_zone.from_local_datetime(&naive).earliest().ok_or_else(invalid)?.with_timezone(&Utc))
}

/// A moment typed in `time_zone` that must lie ahead, see `local_moment`.
pub fn future_moment(
    field: &str,
    local: &str,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, AppError> {
    let at = local_moment(field, local, time_zone)?;
    if at <= now { Err(AppError::invalid(field, Problem::InPast)) } else { Ok(at) }
}

/// A moment typed in `time_zone` that must have come already, see `local_moment`.
pub fn past_moment(
    field: &str,
    local: &str,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, AppError> {
    let at = local_moment(field, local, time_zone)?;
    if at > now { Err(AppError::invalid(field, Problem::InFuture)) } else { Ok(at) }
}

/// A moment as `<input type="datetime-local">` takes it, in `time_zone`.
pub fn as_local_input(at: DateTime<Utc>, time_zone: chrono_tz::Tz) -> String {
    at.with_timezone(&time_zone).format(LOCAL_FORMAT).to_string()
}

/// A moment as pages show it: `YYYY-MM-DD HH:MM` in `time_zone`.
pub fn shown(at: DateTime<Utc>, time_zone: chrono_tz::Tz) -> String {
    at.with_timezone(&time_zone).format("%Y-%m-%d %H:%M").to_string()
}

/// The moment `day` begins in `time_zone` (midnight, or the first moment
/// after it where summer time skips midnight).
pub fn start_of_day(day: chrono::NaiveDate, time_zone: chrono_tz::Tz) -> DateTime<Utc> {
    (0..3)
        .find_map(|hour| time_zone.from_local_datetime(&day.and_hms_opt(hour, 0, 0)?).earliest())
        .map(|at| at.with_timezone(&Utc))
        .unwrap_or_else(|| day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc())
}
