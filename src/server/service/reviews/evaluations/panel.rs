//! The side panel of an evaluation: what the writer would otherwise look
//! up — the employee's goals of the cycle's years with their latest
//! check-ins, the feedback they received in the period, and the writer's
//! own private notes about them. Each part follows its own reading rules,
//! so the panel never shows the writer more than they could read elsewhere.

use chrono::{DateTime, Datelike, Duration, Utc};
use sea_orm::DatabaseConnection;

use super::Place;
use crate::domain::AppError;
use crate::domain::dto::SidePanel;
use crate::domain::goals::GoalStatus;
use crate::domain::ids::UserId;
use crate::server::auth::OrgScope;
use crate::server::crypto::Keyring;
use crate::server::service::goals::{self, GoalQuery};
use crate::server::service::local_time::start_of_day;
use crate::server::service::{feedback, notes};

/// Check-ins shown per goal, newest first.
const CHECK_INS_PER_GOAL: usize = 3;

pub(super) async fn load(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    place: &Place,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<SidePanel, AppError> {
    let employee = UserId(place.employee.id);
    let mut panel = SidePanel::default();
    let mut shown = Vec::new();
    for year in place.cycle.starts_on.year()..=place.cycle.ends_on.year() {
        let query = GoalQuery { year: Some(year), owner: Some(employee), status: None };
        shown.extend(
            goals::list(db, keys, scope, &query, now)
                .await?
                .into_iter()
                .filter(|g| g.status != GoalStatus::Cancelled),
        );
    }
    let ids: Vec<_> = shown.iter().map(|g| g.id).collect();
    let check_ins =
        goals::recent_check_ins(db, keys, scope.org, &ids, (CHECK_INS_PER_GOAL, time_zone)).await?;
    panel.goals = shown.into_iter().zip(check_ins).collect();
    let period = (
        start_of_day(place.cycle.starts_on, time_zone),
        start_of_day(place.cycle.ends_on + Duration::days(1), time_zone),
    );
    panel.feedback = feedback::received_by_in_period(db, keys, scope, employee, period, time_zone).await?;
    panel.notes = notes::list(db, keys, scope, Some(employee), time_zone).await?;
    Ok(panel)
}
