//! Notifications (issue 5): who is told what, in the app and by e-mail;
//! opting out per kind and channel; reading and marking read; the due-date
//! reminder and the weekly digest going out once even with two servers;
//! and the digest arriving at a real SMTP server. On SQLite and PostgreSQL.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::jobs::{JobContext, remind_of_due_goals, send_weekly_digests};
use super::*;
use crate::domain::dto::{GoalForm, NotificationSettingsForm};
use crate::domain::goals::PlanStep;
use crate::domain::roles::Roles;
use crate::domain::settings::Setting;
use crate::server::entity::outbound_message;
use crate::server::messages::deliver_due;
use crate::server::service::goals::{PlanOf, plan_step};
use crate::server::service::{settings as cascading, structure};
use crate::server::testing::{self, SmtpSink, for_each_backend, test_keyring};

const URL: &str = "https://koers.example";

/// Ahmed manages Wijkteam Noord, with Sanne and Kevin in it; Femke is the
/// admin; managers approve goal plans.
struct Team {
    ahmed: OrgScope,
    sanne: OrgScope,
    kevin: OrgScope,
}

async fn team(db: &DatabaseConnection) -> Team {
    let org = testing::organisation(db, "De Linde").await;
    let femke = testing::scope(db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await;
    let ahmed = testing::scope(db, org, "Ahmed", Roles { manager: true, admin: false, auditor: false }).await;
    let sanne = testing::scope(db, org, "Sanne", Roles::default()).await;
    let kevin = testing::scope(db, org, "Kevin", Roles::default()).await;
    let now = Utc::now();
    let north = structure::create(db, &femke, "Wijkteam Noord", None, now).await.expect("unit");
    structure::set_manager(db, &femke, north, ahmed.user, true, now).await.expect("manager");
    for member in [&ahmed, &sanne, &kevin] {
        structure::add_member(db, &femke, north, member.user, true, now).await.expect("member");
    }
    cascading::set_for_organisation(db, &femke, Setting::GoalApproval, Some("on"), now)
        .await
        .expect("approval");
    Team { ahmed, sanne, kevin }
}

async fn step(db: &DatabaseConnection, by: &OrgScope, owner: &OrgScope, step: PlanStep, comment: &str) {
    let of = PlanOf { owner: owner.user, year: 2027 };
    plan_step(db, &test_keyring(), by, of, (step, comment), URL, Utc::now()).await.expect("step");
}

async fn shown(db: &DatabaseConnection, scope: &OrgScope) -> NotificationPage {
    page(db, &test_keyring(), scope, chrono_tz::Europe::Amsterdam).await.expect("page")
}

/// The kinds of mail queued for `scope`'s address.
async fn mails_to(db: &DatabaseConnection, scope: &OrgScope) -> Vec<String> {
    let address =
        user_account::Entity::find_by_id(scope.user.0).one(db).await.expect("read").and_then(|u| u.email);
    outbound_message::Entity::find()
        .filter(outbound_message::Column::Recipient.eq(address.expect("address")))
        .all(db)
        .await
        .expect("queue")
        .into_iter()
        .map(|m| m.kind)
        .collect()
}

async fn goal_due(db: &DatabaseConnection, owner: &OrgScope, title: &str, due_on: &str) -> GoalId {
    let form = GoalForm {
        kind: "performance".into(),
        year: "2027".into(),
        title: title.into(),
        due_on: due_on.into(),
        ..Default::default()
    };
    goals::create(db, &test_keyring(), owner, &form, Utc::now()).await.expect("goal")
}

fn context() -> JobContext {
    JobContext {
        public_url: URL.into(),
        time_zone: chrono_tz::Europe::Amsterdam,
        keys: crate::server::testing::test_keyring(),
        data_directory: std::env::temp_dir(),
        storage: crate::server::testing::local_storage(),
    }
}

/// `hour`:00 on `date` in Amsterdam.
fn at(date: NaiveDate, hour: u32) -> DateTime<Utc> {
    let local = date.and_hms_opt(hour, 0, 0).expect("time");
    chrono_tz::Europe::Amsterdam.from_local_datetime(&local).unwrap().with_timezone(&Utc)
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

for_each_backend! {
    async fn a_submitted_plan_reaches_the_manager_in_the_app_and_by_mail(db) {
        let team = team(&db).await;
        goal_due(&db, &team.sanne, "Drie intakes per week", "").await;
        step(&db, &team.sanne, &team.sanne, PlanStep::Submit, "").await;

        let asked = shown(&db, &team.ahmed).await;
        assert_eq!(asked.unread, 1);
        let notice = &asked.items[0];
        assert_eq!((notice.kind, notice.about.as_ref().map(|p| p.name.as_str()), notice.year), (NotificationKind::GoalPlanSubmitted, Some("Sanne"), Some(2027)));
        assert_eq!(mails_to(&db, &team.ahmed).await, ["goal_plan_submitted"]);
        assert_eq!(shown(&db, &team.kevin).await.unread, 0, "a colleague is not told");

        // Opening it marks it read and leads to her plan; nobody else can open it.
        assert_eq!(open(&db, &team.kevin, notice.id, Utc::now()).await, Err(AppError::NotFound));
        let link = open(&db, &team.ahmed, notice.id, Utc::now()).await.expect("open");
        assert_eq!(link, format!("/goals?owner={}&year=2027", team.sanne.user));
        assert_eq!(shown(&db, &team.ahmed).await.unread, 0);

        step(&db, &team.ahmed, &team.sanne, PlanStep::Return, "Maak het meetbaar").await;
        let returned = shown(&db, &team.sanne).await;
        assert_eq!(returned.items[0].kind, NotificationKind::GoalPlanReturned);
        assert_eq!(mails_to(&db, &team.sanne).await, ["goal_plan_returned"]);
        mark_all_read(&db, &team.sanne, Utc::now()).await.expect("read");
        assert_eq!(shown(&db, &team.sanne).await.unread, 0);
    }

    async fn each_kind_can_be_turned_off_per_channel(db) {
        let team = team(&db).await;
        let everything: Vec<String> = NotificationKind::ALL.iter().map(|k| k.code().to_owned()).collect();
        let no_plan_mail = NotificationSettingsForm {
            by_email: everything.iter().filter(|k| *k != "goal_plan_submitted").cloned().collect(),
            in_app: everything.clone(),
            weekly_digest: "on".into(),
        };
        let saved = save_settings(&db, &team.ahmed, &no_plan_mail, Utc::now()).await.expect("saved");
        assert!(saved.weekly_digest);
        let submitted = saved.kinds.iter().find(|(k, _)| *k == NotificationKind::GoalPlanSubmitted).expect("kind").1;
        assert_eq!((submitted.by_email, submitted.in_app), (false, true));
        let nothing = NotificationSettingsForm::default();
        save_settings(&db, &team.sanne, &nothing, Utc::now()).await.expect("saved");

        goal_due(&db, &team.sanne, "Drie intakes per week", "").await;
        step(&db, &team.sanne, &team.sanne, PlanStep::Submit, "").await;
        assert_eq!(shown(&db, &team.ahmed).await.unread, 1, "still in the app");
        assert!(mails_to(&db, &team.ahmed).await.is_empty(), "no e-mail");
        step(&db, &team.ahmed, &team.sanne, PlanStep::Approve, "").await;
        assert_eq!(shown(&db, &team.sanne).await.unread, 0, "she turned everything off");
        assert!(mails_to(&db, &team.sanne).await.is_empty());

        let unknown = NotificationSettingsForm { by_email: vec!["gossip".into()], ..Default::default() };
        assert!(matches!(save_settings(&db, &team.sanne, &unknown, Utc::now()).await, Err(AppError::Invalid { ref errors }) if errors[0].field == "by_email"));
        assert!(settings(&db, &team.sanne).await.expect("kept").kinds.iter().all(|(_, c)| !c.by_email && !c.in_app), "bad input changes nothing");
    }

    async fn a_goal_due_within_a_week_is_reminded_once_per_due_date_even_by_two_servers(db) {
        let team = team(&db).await;
        let today = date("2027-03-01");
        let soon = goal_due(&db, &team.sanne, "Wondzorgcursus", "2027-03-05").await;
        goal_due(&db, &team.sanne, "Later", "2027-04-30").await;
        let done = goal_due(&db, &team.kevin, "Al klaar", "2027-03-03").await;
        goals::check_in(&db, &test_keyring(), &team.kevin, done, &crate::domain::dto::CheckInForm { status: "done".into(), ..Default::default() }, Utc::now()).await.expect("done");

        let now = at(today, 9);
        let context = context();
        let (first, second) = tokio::join!(remind_of_due_goals(&db, &context, now), remind_of_due_goals(&db, &context, now));
        assert_eq!(first.expect("one") + second.expect("other"), 1, "one reminder, not two");
        assert_eq!(remind_of_due_goals(&db, &context, now + Duration::hours(1)).await.expect("later"), 0);
        let reminded = shown(&db, &team.sanne).await;
        assert_eq!(reminded.items.len(), 1);
        assert_eq!(reminded.items[0].goal.as_ref().map(|g| (g.id, g.title.as_str())), Some((soon, "Wondzorgcursus")));
        assert_eq!(reminded.items[0].due_on.as_deref(), Some("2027-03-05"));
        assert_eq!(mails_to(&db, &team.sanne).await, ["goal_due_soon"]);
        assert!(shown(&db, &team.kevin).await.items.is_empty(), "a done goal is not reminded of");

        // A new due date is a new reminder.
        let moved = GoalForm { kind: "performance".into(), year: "2027".into(), title: "Wondzorgcursus".into(), due_on: "2027-03-07".into(), ..Default::default() };
        goals::update(&db, &test_keyring(), &team.sanne, soon, &moved, Utc::now()).await.expect("moved");
        assert_eq!(remind_of_due_goals(&db, &context, now).await.expect("moved"), 1);
    }

    async fn the_weekly_digest_goes_out_on_monday_once_to_subscribers_with_news(db) {
        let team = team(&db).await;
        let subscribe = NotificationSettingsForm {
            by_email: NotificationKind::ALL.iter().map(|k| k.code().to_owned()).collect(),
            in_app: NotificationKind::ALL.iter().map(|k| k.code().to_owned()).collect(),
            weekly_digest: "on".into(),
        };
        for scope in [&team.sanne, &team.kevin] {
            save_settings(&db, scope, &subscribe, Utc::now()).await.expect("subscribed");
        }
        // Ahmed wants the digest and nothing else by e-mail.
        let digest_only = NotificationSettingsForm { by_email: Vec::new(), ..subscribe.clone() };
        save_settings(&db, &team.ahmed, &digest_only, Utc::now()).await.expect("subscribed");
        goal_due(&db, &team.sanne, "Wondzorgcursus", "2027-03-10").await;
        step(&db, &team.sanne, &team.sanne, PlanStep::Submit, "").await;

        let context = context();
        let monday = at(date("2027-03-01"), 8);
        assert_eq!(send_weekly_digests(&db, &context, monday - Duration::hours(2)).await.expect("early"), 0, "not before 07:00");
        let (first, second) = tokio::join!(send_weekly_digests(&db, &context, monday), send_weekly_digests(&db, &context, monday));
        assert_eq!(first.expect("one") + second.expect("other"), 2, "Sanne's and Ahmed's, once; Kevin has nothing to hear");
        let sunday = at(date("2027-03-07"), 20);
        assert_eq!(send_weekly_digests(&db, &context, sunday).await.expect("sunday"), 0, "once a week");
        assert_eq!(mails_to(&db, &team.sanne).await, ["weekly_digest"]);
        assert_eq!(mails_to(&db, &team.ahmed).await, ["weekly_digest"]);
        assert!(mails_to(&db, &team.kevin).await.is_empty());
        assert_eq!(send_weekly_digests(&db, &context, monday + Duration::days(7)).await.expect("next week"), 2);

        // It reaches a real mail server, in her language, with counts and no goal titles.
        let sink = SmtpSink::start().await;
        deliver_due(&db, &sink.transports(), monday + Duration::days(8)).await.expect("delivered");
        let received = sink.received();
        let digest = received.iter().find(|m| m.contains("Doelen die binnen twee weken")).expect("Sanne's digest");
        assert!(digest.contains("Subject: Je week in Koers"), "{digest}");
        assert!(digest.contains("Doelen die binnen twee weken af moeten zijn: 1"), "{digest}");
        assert!(!digest.contains("Wondzorgcursus"), "the content stays in Koers");
        let managers = received.iter().find(|m| m.contains("op je goedkeuring wachten: 1")).expect("Ahmed's digest");
        assert!(managers.contains("Ongelezen meldingen: 1"), "{managers}");
    }
}
