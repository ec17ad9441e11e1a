//! When the next meeting of a 1:1 falls: a step of its cadence on from the
//! last one, at the same wall-clock time in the installation's time zone
//! (summer time or not), and never in the past.

use chrono::{DateTime, Days, Months, NaiveDateTime, TimeZone as _, Utc};

use crate::domain::one_on_ones::Cadence;

/// The first moment a whole number of cadence steps after `last` that
/// lies after `now`.
pub fn next_after(
    last: DateTime<Utc>,
    cadence: Cadence,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    let mut local = last.with_timezone(&time_zone).naive_local();
    loop {
        local = step(local, cadence);
        // A wall-clock time skipped by summer time is taken an hour later.
        let at = time_zone
            .from_local_datetime(&local)
            .earliest()
            .or_else(|| time_zone.from_local_datetime(&(local + chrono::Duration::hours(1))).earliest())
            .map_or_else(|| local.and_utc(), |at| at.with_timezone(&Utc));
        if at > now {
            return at;
        }
    }
}

fn step(local: NaiveDateTime, cadence: Cadence) -> NaiveDateTime {
    let stepped = match cadence {
        Cadence::Weekly => local.checked_add_days(Days::new(7)),
        Cadence::Fortnightly => local.checked_add_days(Days::new(14)),
        // The same day next month, or that month's last day.
        Cadence::Monthly => local.checked_add_months(Months::new(1)),
    };
    stepped.unwrap_or(local + chrono::Duration::days(7))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Amsterdam;

    fn local(text: &str) -> DateTime<Utc> {
        let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("a moment");
        Amsterdam.from_local_datetime(&naive).single().expect("exists").with_timezone(&Utc)
    }

    fn shown(at: DateTime<Utc>) -> String {
        at.with_timezone(&Amsterdam).format("%Y-%m-%d %H:%M").to_string()
    }

    #[test]
    fn the_wall_clock_time_stays_across_summer_time() {
        let last = local("2027-03-22 09:00");
        assert_eq!(shown(next_after(last, Cadence::Weekly, Amsterdam, last)), "2027-03-29 09:00");
        assert_eq!(shown(next_after(last, Cadence::Fortnightly, Amsterdam, last)), "2027-04-05 09:00");
    }

    #[test]
    fn a_month_on_is_the_same_day_or_the_months_last() {
        let last = local("2027-01-31 14:30");
        assert_eq!(shown(next_after(last, Cadence::Monthly, Amsterdam, last)), "2027-02-28 14:30");
    }

    #[test]
    fn a_meeting_held_late_is_followed_by_one_ahead() {
        let last = local("2027-01-04 09:00");
        let now = local("2027-01-20 12:00");
        assert_eq!(shown(next_after(last, Cadence::Weekly, Amsterdam, now)), "2027-01-25 09:00");
    }
}
