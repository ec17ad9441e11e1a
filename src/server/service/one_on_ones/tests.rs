//! 1:1 conversations (issue 6): a manager and a report plan them; both add
//! to the agenda; private points stay their author's; points not discussed
//! carry over; action items have an owner; only the two of them reach any
//! of it; the texts are sealed; both are told the day before. On SQLite and
//! PostgreSQL.

use chrono::{Duration, TimeZone, Utc};
use sea_orm::{DatabaseConnection, EntityTrait};

use super::*;
use crate::domain::roles::Roles;
use crate::server::entity::{notification, one_on_one_point};
use crate::server::service::notifications::jobs::JobContext;
use crate::server::service::structure;
use crate::server::testing::{self, for_each_backend, test_keyring};

const TZ: chrono_tz::Tz = chrono_tz::Europe::Amsterdam;

/// Ahmed manages Wijkteam Noord with Sanne in it; Thomas is a colleague
/// elsewhere, Femke the admin.
struct Noord {
    femke: OrgScope,
    ahmed: OrgScope,
    sanne: OrgScope,
    thomas: OrgScope,
}

async fn noord(db: &DatabaseConnection) -> Noord {
    let org = testing::organisation(db, "De Linde").await;
    let femke = testing::scope(db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await;
    let ahmed = testing::scope(db, org, "Ahmed", Roles { manager: true, admin: false, auditor: false }).await;
    let sanne = testing::scope(db, org, "Sanne", Roles::default()).await;
    let thomas = testing::scope(db, org, "Thomas", Roles::default()).await;
    let now = Utc::now();
    let north = structure::create(db, &femke, "Wijkteam Noord", None, now).await.expect("unit");
    structure::set_manager(db, &femke, north, ahmed.user, true, now).await.expect("manager");
    structure::add_member(db, &femke, north, sanne.user, true, now).await.expect("member");
    Noord { femke, ahmed, sanne, thomas }
}

/// Monday 7 December 2026, 10:00 in Amsterdam.
fn monday() -> DateTime<Utc> {
    TZ.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).single().expect("a moment").with_timezone(&Utc)
}

fn weekly_from_tuesday(with: &OrgScope) -> PlanOneOnOneForm {
    PlanOneOnOneForm {
        with: with.user.to_string(),
        first: "2026-12-08T09:00".into(),
        cadence: "weekly".into(),
    }
}

fn point(body: &str, private: bool) -> PointForm {
    PointForm { body: body.into(), private: private.then(|| "on".into()) }
}

async fn agenda(db: &DatabaseConnection, viewer: &OrgScope, id: OneOnOneId) -> Vec<String> {
    let shown = details(db, &test_keyring(), viewer, id, TZ).await.expect("details");
    shown.upcoming.points.into_iter().map(|p| p.body).collect()
}

for_each_backend! {
    async fn a_report_plans_with_her_manager_and_each_sees_it_from_their_side(db) {
        let noord = noord(&db).await;
        let before = overview(&db, &noord.sanne, TZ).await.expect("overview");
        assert_eq!(before.partners.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Ahmed"], "only her manager");
        let id = plan(&db, &noord.sanne, &weekly_from_tuesday(&noord.ahmed), TZ, monday()).await.expect("planned");

        let hers = overview(&db, &noord.sanne, TZ).await.expect("overview");
        assert!(hers.partners.is_empty(), "planned already");
        assert_eq!((hers.series[0].with.name.as_str(), hers.series[0].managing, hers.series[0].next.as_str()), ("Ahmed", false, "2026-12-08 09:00"));
        let his = overview(&db, &noord.ahmed, TZ).await.expect("overview");
        assert_eq!((his.series[0].id, his.series[0].managing), (id, true));

        let again = plan(&db, &noord.ahmed, &weekly_from_tuesday(&noord.sanne), TZ, monday()).await;
        assert!(matches!(again, Err(AppError::Invalid { ref errors }) if errors[0].field == "with"), "one 1:1 per pair");
        let stranger = plan(&db, &noord.thomas, &weekly_from_tuesday(&noord.sanne), TZ, monday()).await;
        assert!(matches!(stranger, Err(AppError::Invalid { ref errors }) if errors[0].field == "with"), "not his report");
        let past = PlanOneOnOneForm { first: "2026-12-01T09:00".into(), ..weekly_from_tuesday(&noord.sanne) };
        let past = plan(&db, &noord.thomas, &past, TZ, monday()).await;
        assert!(matches!(past, Err(AppError::Invalid { ref errors }) if errors[0].problem == Problem::InPast));
    }

    async fn points_not_discussed_carry_over_and_private_ones_stay_private(db) {
        let noord = noord(&db).await;
        let keys = test_keyring();
        let id = plan(&db, &noord.ahmed, &weekly_from_tuesday(&noord.sanne), TZ, monday()).await.expect("planned");
        let rooster = add_point(&db, &keys, &noord.sanne, id, &point("Rooster januari", false), monday()).await.expect("point");
        add_point(&db, &keys, &noord.sanne, id, &point("Cursus wondzorg", false), monday()).await.expect("point");
        add_point(&db, &keys, &noord.ahmed, id, &point("Let op werkdruk", true), monday()).await.expect("private point");
        assert_eq!(agenda(&db, &noord.sanne, id).await, ["Rooster januari", "Cursus wondzorg"], "not his private point");
        assert_eq!(agenda(&db, &noord.ahmed, id).await, ["Rooster januari", "Cursus wondzorg", "Let op werkdruk"]);
        assert_eq!(delete_point(&db, &noord.ahmed, rooster).await, Err(AppError::Forbidden), "only its author removes it");

        set_discussed(&db, &noord.ahmed, rooster, true).await.expect("discussed");
        let owner = ActionItemForm { owner: noord.sanne.user.to_string(), body: "Rooster doorsturen".into(), due_on: "2026-12-11".into() };
        add_action(&db, &keys, &noord.ahmed, id, &owner, monday()).await.expect("action");
        let thomas_owns = ActionItemForm { owner: noord.thomas.user.to_string(), ..owner.clone() };
        assert!(matches!(add_action(&db, &keys, &noord.ahmed, id, &thomas_owns, monday()).await, Err(AppError::Invalid { .. })), "one of the two owns it");
        let tuesday_noon = monday() + Duration::hours(26);
        let held = HeldForm { notes: "Rooster besproken; cursus volgende keer.".into(), next: String::new() };
        hold(&db, &keys, &noord.sanne, id, &held, TZ, tuesday_noon).await.expect("held");

        let shown = details(&db, &keys, &noord.ahmed, id, TZ).await.expect("details");
        assert_eq!(shown.upcoming.at, "2026-12-15 09:00", "a week on");
        let carried: Vec<(String, u32)> = shown.upcoming.points.iter().map(|p| (p.body.clone(), p.carried_over)).collect();
        assert_eq!(carried, [("Cursus wondzorg".to_owned(), 1), ("Let op werkdruk".to_owned(), 1)], "carried over, his private one too");
        assert_eq!(shown.history[0].notes.as_deref(), Some("Rooster besproken; cursus volgende keer."));
        assert_eq!(shown.history[0].points.iter().map(|p| p.body.as_str()).collect::<Vec<_>>(), ["Rooster januari"]);
        assert_eq!((shown.actions[0].owner.name.as_str(), shown.actions[0].due_on.as_deref()), ("Sanne", Some("2026-12-11")));
        set_action_done(&db, &noord.sanne, shown.actions[0].id, true, tuesday_noon).await.expect("done");
        assert!(details(&db, &keys, &noord.sanne, id, TZ).await.expect("details").actions[0].done);
        assert!(matches!(set_discussed(&db, &noord.sanne, rooster, false).await, Err(AppError::Invalid { .. })), "a held meeting's points stay as they were");
    }

    async fn nobody_but_the_two_reaches_it_and_texts_are_sealed(db) {
        let noord = noord(&db).await;
        let keys = test_keyring();
        let id = plan(&db, &noord.ahmed, &weekly_from_tuesday(&noord.sanne), TZ, monday()).await.expect("planned");
        let secret = add_point(&db, &keys, &noord.sanne, id, &point("Ik zoek ander werk", true), monday()).await.expect("point");
        for outsider in [&noord.femke, &noord.thomas] {
            assert_eq!(details(&db, &keys, outsider, id, TZ).await, Err(AppError::NotFound));
            assert!(matches!(add_point(&db, &keys, outsider, id, &point("hoi", false), monday()).await, Err(AppError::NotFound)));
            assert_eq!(hold(&db, &keys, outsider, id, &HeldForm::default(), TZ, monday()).await, Err(AppError::NotFound));
        }
        assert_eq!(set_discussed(&db, &noord.ahmed, secret, true).await, Err(AppError::NotFound), "her private point is not his");
        let other = testing::organisation(&db, "Zorggroep Oost").await;
        let olga = testing::scope(&db, other, "Olga", Roles { manager: true, admin: true, auditor: false }).await;
        assert_eq!(details(&db, &keys, &olga, id, TZ).await, Err(AppError::NotFound));
        let row = one_on_one_point::Entity::find_by_id(secret.0).one(&db).await.expect("read").expect("row");
        assert!(!String::from_utf8_lossy(&row.body).contains("ander werk"), "sealed");
    }

    async fn both_are_told_the_day_before_once(db) {
        let noord = noord(&db).await;
        plan(&db, &noord.ahmed, &weekly_from_tuesday(&noord.sanne), TZ, monday()).await.expect("planned");
        let context = JobContext { public_url: "https://koers.example".into(), time_zone: TZ, keys: crate::server::testing::test_keyring(), data_directory: std::env::temp_dir(), storage: crate::server::testing::local_storage() };
        assert_eq!(remind_of_upcoming(&db, &context, monday() - Duration::days(1)).await, Ok(0), "two days ahead: not yet");
        assert_eq!(remind_of_upcoming(&db, &context, monday()).await, Ok(1));
        assert_eq!(remind_of_upcoming(&db, &context, monday() + Duration::hours(1)).await, Ok(0), "once");
        let told = notification::Entity::find().all(&db).await.expect("read");
        let mut people: Vec<uuid::Uuid> = told.iter().map(|n| n.user_id).collect();
        people.sort();
        let mut expected = vec![noord.ahmed.user.0, noord.sanne.user.0];
        expected.sort();
        assert_eq!(people, expected);
    }
}
