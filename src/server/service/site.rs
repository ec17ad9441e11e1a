//! Where messages and pages are written for: the installation's public
//! address, for links, and its time zone, in which people type and read
//! moments and in which a day begins and ends.

use chrono::{DateTime, NaiveDate, Utc};

use crate::server::config::SiteConfig;

#[derive(Clone, Copy, Debug)]
pub struct Site<'a> {
    pub public_url: &'a str,
    pub time_zone: chrono_tz::Tz,
}

impl<'a> Site<'a> {
    pub fn of(config: &'a SiteConfig) -> Site<'a> {
        Site { public_url: config.public_url.as_str(), time_zone: config.time_zone }
    }
}

impl Site<'_> {
    /// The local day of `now`.
    pub fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&self.time_zone).date_naive()
    }
}
