//! The demo organisation's 1:1 history: Ahmed and Sanne meet weekly. Two
//! meetings were held, with notes; a point carried over once before it was
//! discussed, an action item is done and one is open, and the next meeting
//! is tomorrow morning with a point already on its agenda.

use chrono::{DateTime, Days, Duration, NaiveTime, TimeZone as _, Utc};
use sea_orm::DatabaseConnection;

use super::goals::scope;
use crate::domain::AppError;
use crate::domain::dto::{ActionItemForm, HeldForm, PlanOneOnOneForm, PointForm};
use crate::domain::ids::OrgId;
use crate::server::crypto::Keyring;
use crate::server::service::one_on_ones::{
    add_action, add_point, hold, plan, set_action_done, set_discussed,
};

/// The demo organisation works in the Netherlands.
const TIME_ZONE: chrono_tz::Tz = chrono_tz::Europe::Amsterdam;

pub async fn seed_one_on_ones(
    db: &DatabaseConnection,
    keys: &Keyring,
    org: OrgId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let ahmed = scope(db, org, "ahmed.elamrani@delinde.example").await?;
    let sanne = scope(db, org, "sanne.devries@delinde.example").await?;
    // Two weeks before tomorrow, 09:00.
    let tomorrow = now.with_timezone(&TIME_ZONE).date_naive() + Days::new(1);
    let first_day = tomorrow - Days::new(14);
    let first_local = first_day.and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default());
    let first =
        TIME_ZONE.from_local_datetime(&first_local).earliest().ok_or(AppError::Internal)?.with_timezone(&Utc);
    let form = PlanOneOnOneForm {
        with: sanne.user.to_string(),
        first: first_local.format("%Y-%m-%dT%H:%M").to_string(),
        cadence: "weekly".into(),
    };
    let id = plan(db, &ahmed, &form, TIME_ZONE, first - Duration::days(3)).await?;
    let point =
        |body: &str, private: bool| PointForm { body: body.into(), private: private.then(|| "on".into()) };

    // The first meeting: the roster is discussed, the course is not.
    let asked = first - Duration::days(2);
    let roster = add_point(db, keys, &sanne, id, &point("Rooster van januari", false), asked).await?;
    let course = add_point(db, keys, &sanne, id, &point("Cursus wondzorg", false), asked).await?;
    add_point(db, keys, &ahmed, id, &point("Werkdruk sinds de nieuwe cliënten", true), asked).await?;
    set_discussed(db, &ahmed, roster, true).await?;
    let swaps = ActionItemForm {
        owner: sanne.user.to_string(),
        body: "Ruilverzoeken voor januari doorsturen".into(),
        due_on: (first_day + Days::new(5)).to_string(),
    };
    let swaps = add_action(db, keys, &ahmed, id, &swaps, first).await?;
    let notes = "Rooster januari rond; de cursus wondzorg schuift door naar volgende week.";
    hold(
        db,
        keys,
        &ahmed,
        id,
        &HeldForm { notes: notes.into(), next: String::new() },
        TIME_ZONE,
        first + Duration::hours(1),
    )
    .await?;

    // The second meeting: the course, carried over, is discussed now.
    let second = first + Duration::days(7);
    set_discussed(db, &sanne, course, true).await?;
    set_action_done(db, &sanne, swaps, true, second - Duration::days(2)).await?;
    let budget = ActionItemForm {
        owner: ahmed.user.to_string(),
        body: "Opleidingsbudget voor de cursus navragen".into(),
        due_on: (tomorrow + Days::new(7)).to_string(),
    };
    add_action(db, keys, &ahmed, id, &budget, second).await?;
    let notes = "Sanne wil de cursus wondzorg in het voorjaar doen; Ahmed vraagt het budget na.";
    hold(
        db,
        keys,
        &sanne,
        id,
        &HeldForm { notes: notes.into(), next: String::new() },
        TIME_ZONE,
        second + Duration::hours(1),
    )
    .await?;

    // Tomorrow's agenda has a point already.
    add_point(db, keys, &sanne, id, &point("Inwerken van de nieuwe collega", false), now).await.map(|_| ())
}
