//! Onboarding surveys at the service level (issue 9): each newcomer is
//! asked once, their set number of days after their start date, in the
//! quarter's round, and reminded their set number of days after that. On
//! SQLite and PostgreSQL.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use super::test_fixture::{TZ, job_context};
use super::{builder, rounds};
use crate::domain::dto::surveys::SurveyForm;
use crate::domain::ids::{SurveyId, SurveyRoundId};
use crate::domain::roles::Roles;
use crate::server::auth::OrgScope;
use crate::server::entity::{notification, survey_participant, user_account};
use crate::server::service::structure;
use crate::server::testing::{self, for_each_backend};

fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("a time")
}

struct Newcomers {
    femke: OrgScope,
    survey: SurveyId,
    first_round: SurveyRoundId,
}

/// Team Zorg with people who started on the given days, and an onboarding
/// survey for it, asking thirty days after the start, opened at `now`.
async fn newcomers(
    db: &DatabaseConnection,
    started: &[(&str, &str)],
    remind_after_days: &str,
    now: DateTime<Utc>,
) -> Newcomers {
    let org = testing::organisation(db, "De Linde").await;
    let femke = testing::scope(db, org, "Femke", Roles { admin: true, ..Roles::default() }).await;
    let zorg = structure::create(db, &femke, "Zorg", None, now).await.expect("unit");
    for (name, day) in started {
        let person = testing::scope(db, org, name, Roles::default()).await;
        structure::add_member(db, &femke, zorg, person.user, true, now).await.expect("member");
        let mut change: user_account::ActiveModel = user_account::Entity::find_by_id(person.user.0)
            .one(db)
            .await
            .expect("read")
            .expect("there")
            .into();
        change.started_on = Set(Some(day.parse().expect("a day")));
        change.update(db).await.expect("started");
    }
    let form = SurveyForm {
        title_nl: "Eerste maand".into(),
        kind: "onboarding".into(),
        onboarding_days: "30".into(),
        open_days: "14".into(),
        remind_after_days: remind_after_days.into(),
        ..Default::default()
    };
    let survey = builder::create(db, &femke, &form, now).await.expect("survey");
    builder::set_units(db, &femke, survey, &[zorg]).await.expect("units");
    let first_round = builder::schedule(db, &femke, survey, "", TZ, now).await.expect("opened");
    Newcomers { femke, survey, first_round }
}

/// The names of those who got a notification of `kind`, in order.
async fn notified(db: &DatabaseConnection, kind: &str) -> Vec<String> {
    let mut names = Vec::new();
    for told in
        notification::Entity::find().filter(notification::Column::Kind.eq(kind)).all(db).await.expect("read")
    {
        let person =
            user_account::Entity::find_by_id(told.user_id).one(db).await.expect("read").expect("there");
        names.push(person.name);
    }
    names.sort();
    names
}

for_each_backend! {
    async fn newcomers_are_asked_once_their_day_comes_and_each_round_lasts_a_quarter(db) {
        let now = at("2026-11-27T10:00:00Z");
        // Long here, started thirty days ago, starting in ten days.
        let started = [("Oud", "2020-03-01"), ("Nieuw", "2026-10-28"), ("Straks", "2026-12-07")];
        let Newcomers { femke, survey, first_round } = newcomers(&db, &started, "", now).await;
        let asked = || {
            let db = db.clone();
            async move {
                let mut names = Vec::new();
                for participant in survey_participant::Entity::find().all(&db).await.expect("participants") {
                    let person = user_account::Entity::find_by_id(participant.user_id).one(&db).await.expect("read").expect("there");
                    names.push((person.name, participant.round_id));
                }
                names.sort();
                names
            }
        };
        let context = job_context();
        rounds::run(&db, &context, now).await.expect("ran");
        rounds::run(&db, &context, now + Duration::hours(1)).await.expect("ran again");
        assert_eq!(asked().await, [("Nieuw".to_owned(), first_round.0)], "only whose thirtieth day has come, once");
        assert_eq!(notified(&db, "survey_opened").await, ["Nieuw"]);

        // The round ends with the quarter; the next gathers the next quarter's newcomers.
        let later = at("2027-01-06T10:00:00Z");
        rounds::run(&db, &context, later).await.expect("closed and planned");
        rounds::run(&db, &context, later + Duration::minutes(5)).await.expect("opened and asked");
        let details = builder::details(&db, &femke, survey, TZ).await.expect("details");
        let spans: Vec<(String, String)> = details.rounds.iter().map(|r| (r.opens_on.clone(), r.closes_on.clone())).collect();
        assert!(spans.contains(&("2026-11-27".to_owned(), "2027-01-01".to_owned())), "{spans:?}");
        assert!(spans.contains(&("2027-01-01".to_owned(), "2027-04-01".to_owned())), "{spans:?}");
        let second = details.rounds.iter().find(|r| r.opens_on == "2027-01-01").expect("the next round").id;
        assert_eq!(asked().await, [("Nieuw".to_owned(), first_round.0), ("Straks".to_owned(), second.0)]);
    }

    async fn each_newcomer_is_reminded_the_set_number_of_days_after_they_were_asked(db) {
        // Eerst is asked today and Later a week on, in the same round; with
        // a reminder after seven days, each is reminded on their own day.
        let now = at("2026-11-27T10:00:00Z");
        newcomers(&db, &[("Eerst", "2026-10-28"), ("Later", "2026-11-04")], "7", now).await;
        let context = job_context();
        rounds::run(&db, &context, now).await.expect("Eerst asked");
        rounds::run(&db, &context, at("2026-12-03T10:00:00Z")).await.expect("a day early");
        assert!(notified(&db, "survey_reminder").await.is_empty(), "nobody's seventh day has come");

        rounds::run(&db, &context, at("2026-12-04T10:00:00Z")).await.expect("Eerst reminded, Later asked");
        assert_eq!(notified(&db, "survey_opened").await, ["Eerst", "Later"]);
        assert_eq!(notified(&db, "survey_reminder").await, ["Eerst"], "Later was asked only today");

        rounds::run(&db, &context, at("2026-12-11T10:00:00Z")).await.expect("Later reminded");
        rounds::run(&db, &context, at("2026-12-12T10:00:00Z")).await.expect("nobody again");
        assert_eq!(notified(&db, "survey_reminder").await, ["Eerst", "Later"], "each once");
    }
}
