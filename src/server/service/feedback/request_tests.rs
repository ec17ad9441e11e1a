//! Feedback requests (issue 6): colleagues answer with a visibility the
//! organisation allows; an external person's link works once, until the
//! end of the deadline day, and not after a withdrawal or a reminder that
//! replaced it; only the requester reminds and withdraws; another
//! organisation reaches nothing; questions and externals are sealed. On
//! SQLite and PostgreSQL.

use chrono::{Duration, TimeZone, Utc};
use sea_orm::{DatabaseConnection, EntityTrait};

use super::requests::{self, Site};
use super::tests::{Noord, TZ, noord, read};
use super::*;
use crate::domain::dto::{AnswerForm, AskedState, ExternalForm, FeedbackRequestForm};
use crate::domain::ids::FeedbackRequestId;
use crate::domain::roles::Roles;
use crate::server::entity::{feedback_request, feedback_request_giver, outbound_message};
use crate::server::service::settings as cascading;
use crate::server::testing::{self, for_each_backend, test_keyring};

const SITE: Site<'static> = Site { public_url: "https://koers.example", time_zone: TZ };

/// Monday 7 December 2026, 10:00 in Amsterdam.
fn monday() -> DateTime<Utc> {
    TZ.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).single().expect("a moment").with_timezone(&Utc)
}

/// Sanne asks Kevin and a customer, answers by Friday 11 December.
fn sannes_request(noord: &Noord) -> FeedbackRequestForm {
    FeedbackRequestForm {
        questions: vec!["Wat ging goed?".into(), "Wat kan beter?".into()],
        deadline: "2026-12-11".into(),
        colleagues: vec![noord.kevin.user.to_string()],
        externals: vec![ExternalForm { name: "Els Klant".into(), email: "els@klant.example".into() }],
    }
}

fn answers(visibility: &str) -> AnswerForm {
    AnswerForm {
        answers: vec!["Rustig en duidelijk".into(), "Eerder terugbellen".into()],
        visibility: visibility.into(),
    }
}

async fn ask(db: &DatabaseConnection, noord: &Noord) -> FeedbackRequestId {
    requests::ask(db, &test_keyring(), &noord.sanne, &sannes_request(noord), SITE, monday())
        .await
        .expect("asked")
}

/// The token in the newest e-mail to `to`.
async fn link_token(db: &DatabaseConnection, to: &str) -> String {
    let mails = outbound_message::Entity::find().all(db).await.expect("queue");
    let mail = mails.iter().filter(|m| m.recipient == to).max_by_key(|m| m.created_at).expect("a mail");
    let link = mail.text_body.split_whitespace().find(|w| w.contains("/f/")).expect("a link");
    link.rsplit('/').next().expect("token").to_owned()
}

async fn asked_of_kevin(db: &DatabaseConnection, noord: &Noord) -> crate::domain::ids::AskedId {
    let shown =
        requests::overview(db, &test_keyring(), &noord.kevin, SITE, monday()).await.expect("overview");
    assert_eq!(shown.to_answer.len(), 1, "Kevin has one request to answer");
    shown.to_answer[0].asked
}

for_each_backend! {
    async fn a_colleague_answers_with_a_visibility_the_organisation_allows(db) {
        let noord = noord(&db).await;
        ask(&db, &noord).await;
        let asked = asked_of_kevin(&db, &noord).await;
        let keys = test_keyring();
        let request = requests::to_answer(&db, &keys, &noord.kevin, asked, SITE, monday()).await.expect("to answer");
        assert_eq!(request.questions, ["Wat ging goed?", "Wat kan beter?"]);
        assert!(!request.allowed.contains(&FeedbackVisibility::Praise), "praise belongs to a core value, not an answer");
        let told = crate::server::service::notifications::unread(&db, &noord.kevin).await.expect("unread");
        assert_eq!(told, 1, "Kevin is told he is asked");

        cascading::set_for_organisation(&db, &noord.femke, Setting::FeedbackVisibility, Some("recipient"), Utc::now()).await.expect("narrowed");
        let refused = requests::answer(&db, &keys, &noord.kevin, asked, &answers("recipient_and_manager"), SITE, monday()).await;
        assert!(matches!(refused, Err(AppError::Invalid { ref errors }) if errors[0].field == "visibility"));
        cascading::set_for_organisation(&db, &noord.femke, Setting::FeedbackVisibility, None, Utc::now()).await.expect("default");

        requests::answer(&db, &keys, &noord.kevin, asked, &answers("recipient_and_manager"), SITE, monday()).await.expect("answered");
        let expected = "Wat ging goed?\nRustig en duidelijk\n\nWat kan beter?\nEerder terugbellen";
        assert_eq!(read(&db, &noord.sanne, FeedbackBox::Received).await, [expected], "the requester reads it");
        assert_eq!(read(&db, &noord.ahmed, FeedbackBox::Team).await, [expected], "her manager reads it");
        assert!(read(&db, &noord.thomas, FeedbackBox::Team).await.is_empty(), "another colleague does not");
        let again = requests::answer(&db, &keys, &noord.kevin, asked, &answers("recipient"), SITE, monday()).await;
        assert_eq!(again, Err(AppError::FeedbackLinkInvalid), "answered once only");
        let mine = requests::overview(&db, &keys, &noord.sanne, SITE, monday()).await.expect("overview").mine;
        let states: Vec<AskedState> = mine[0].asked.iter().map(|a| a.state).collect();
        assert_eq!(states, [AskedState::Answered, AskedState::Waiting]);
        assert_eq!(requests::to_answer(&db, &keys, &noord.thomas, asked, SITE, monday()).await, Err(AppError::NotFound), "not Thomas's to answer");
    }

    async fn an_external_link_works_once_until_the_end_of_the_deadline(db) {
        let noord = noord(&db).await;
        ask(&db, &noord).await;
        let keys = test_keyring();
        let token = link_token(&db, "els@klant.example").await;
        let friday_night = TZ.with_ymd_and_hms(2026, 12, 11, 23, 59, 0).single().expect("a moment").with_timezone(&Utc);
        let saturday = friday_night + Duration::minutes(1);
        let shown = requests::external_request(&db, &keys, &token, SITE, friday_night).await.expect("read").expect("works");
        assert_eq!((shown.requester.as_str(), shown.organisation.as_str()), ("Sanne", "De Linde"));
        assert_eq!(requests::external_request(&db, &keys, &token, SITE, saturday).await, Ok(None), "expired after the deadline day");
        assert_eq!(requests::answer_external(&db, &keys, &token, &answers(""), SITE, saturday).await, Err(AppError::FeedbackLinkInvalid));

        let empty = AnswerForm { answers: vec![" ".into()], visibility: String::new() };
        assert!(matches!(requests::answer_external(&db, &keys, &token, &empty, SITE, monday()).await, Err(AppError::Invalid { .. })));
        requests::answer_external(&db, &keys, &token, &answers(""), SITE, monday()).await.expect("answered");
        assert_eq!(requests::external_request(&db, &keys, &token, SITE, monday()).await, Ok(None), "used");
        assert_eq!(requests::answer_external(&db, &keys, &token, &answers(""), SITE, monday()).await, Err(AppError::FeedbackLinkInvalid), "not twice");

        let received = list(&db, &keys, &noord.sanne, FeedbackBox::Received, TZ).await.expect("list");
        assert_eq!(received[0].external_giver.as_deref(), Some("Els Klant"));
        assert_eq!(received[0].visibility, FeedbackVisibility::Recipient, "for the requester alone");
        assert!(read(&db, &noord.ahmed, FeedbackBox::Team).await.is_empty());
    }

    async fn a_reminder_replaces_the_link_and_a_withdrawal_ends_it(db) {
        let noord = noord(&db).await;
        let id = ask(&db, &noord).await;
        let keys = test_keyring();
        let first = link_token(&db, "els@klant.example").await;
        assert_eq!(requests::remind(&db, &keys, &noord.sanne, id, SITE, monday()).await, Ok(0), "not right after asking");
        assert_eq!(requests::remind(&db, &keys, &noord.kevin, id, SITE, monday()).await, Err(AppError::NotFound), "only the requester reminds");

        let tuesday = monday() + Duration::days(1);
        assert_eq!(requests::remind(&db, &keys, &noord.sanne, id, SITE, tuesday).await, Ok(2), "Kevin and Els");
        let second = link_token(&db, "els@klant.example").await;
        assert_ne!(first, second);
        assert_eq!(requests::external_request(&db, &keys, &first, SITE, tuesday).await, Ok(None), "the old link is replaced");
        assert!(requests::external_request(&db, &keys, &second, SITE, tuesday).await.expect("read").is_some());
        let reminders = crate::server::service::notifications::unread(&db, &noord.kevin).await.expect("unread");
        assert_eq!(reminders, 2, "asked, then reminded");

        assert_eq!(requests::withdraw(&db, &noord.kevin, id, tuesday).await, Err(AppError::NotFound), "only the requester withdraws");
        requests::withdraw(&db, &noord.sanne, id, tuesday).await.expect("withdrawn");
        assert_eq!(requests::external_request(&db, &keys, &second, SITE, tuesday).await, Ok(None), "withdrawn");
        let shown = requests::overview(&db, &keys, &noord.kevin, SITE, tuesday).await.expect("overview");
        assert!(shown.to_answer.is_empty(), "Kevin no longer sees it");
        assert!(matches!(requests::remind(&db, &keys, &noord.sanne, id, SITE, tuesday).await, Err(AppError::Invalid { .. })), "nothing to remind of");
    }

    async fn bad_requests_are_refused_and_nothing_is_saved(db) {
        let noord = noord(&db).await;
        let keys = test_keyring();
        let past = FeedbackRequestForm { deadline: "2026-12-06".into(), ..sannes_request(&noord) };
        let refused = requests::ask(&db, &keys, &noord.sanne, &past, SITE, monday()).await;
        assert!(matches!(refused, Err(AppError::Invalid { ref errors }) if errors[0].field == "deadline"));
        let other = testing::organisation(&db, "Zorggroep Oost").await;
        let olga = testing::scope(&db, other, "Olga", Roles::default()).await;
        let stranger = FeedbackRequestForm { colleagues: vec![olga.user.to_string()], ..sannes_request(&noord) };
        let refused = requests::ask(&db, &keys, &noord.sanne, &stranger, SITE, monday()).await;
        assert!(matches!(refused, Err(AppError::Invalid { ref errors }) if errors[0].field == "colleagues"), "not of her organisation");
        assert!(feedback_request::Entity::find().all(&db).await.expect("read").is_empty());
        assert!(outbound_message::Entity::find().all(&db).await.expect("read").is_empty());
    }

    async fn another_organisation_reaches_nothing_and_texts_are_sealed(db) {
        let noord = noord(&db).await;
        let id = ask(&db, &noord).await;
        let keys = test_keyring();
        let asked = asked_of_kevin(&db, &noord).await;
        let other = testing::organisation(&db, "Zorggroep Oost").await;
        let olga = testing::scope(&db, other, "Olga", Roles { manager: true, admin: true, auditor: false }).await;
        assert_eq!(requests::to_answer(&db, &keys, &olga, asked, SITE, monday()).await, Err(AppError::NotFound));
        assert_eq!(requests::answer(&db, &keys, &olga, asked, &answers("recipient"), SITE, monday()).await, Err(AppError::NotFound));
        assert_eq!(requests::remind(&db, &keys, &olga, id, SITE, monday()).await, Err(AppError::NotFound));
        assert_eq!(requests::withdraw(&db, &olga, id, monday()).await, Err(AppError::NotFound));
        assert!(requests::overview(&db, &keys, &olga, SITE, monday()).await.expect("overview").mine.is_empty());

        let request = feedback_request::Entity::find_by_id(id.0).one(&db).await.expect("read").expect("row");
        assert!(!String::from_utf8_lossy(&request.questions).contains("ging goed"), "questions sealed");
        let rows = feedback_request_giver::Entity::find().all(&db).await.expect("read");
        let external = rows.iter().find(|r| r.user_id.is_none()).expect("Els");
        let sealed: Vec<u8> = [&external.external_name, &external.external_email].into_iter().flatten().flatten().copied().collect();
        let sealed = String::from_utf8_lossy(&sealed);
        assert!(!sealed.contains("Els") && !sealed.contains("klant"), "the external is sealed");
        assert!(external.token_hash.as_deref().is_some_and(|hash| hash.len() == 64), "only the link's hash is kept");
    }

    async fn the_register_lists_the_externals_asked_in_the_organisation_only(db) {
        let noord = noord(&db).await;
        ask(&db, &noord).await;
        let keys = test_keyring();
        let register = requests::external_register(&db, &keys, &noord.femke, SITE).await.expect("register");
        let listed: Vec<(&str, &str, &str, &str, bool)> = register
            .iter()
            .map(|p| (p.name.as_str(), p.email.as_str(), p.asked_by.as_str(), p.asked_on.as_str(), p.answered))
            .collect();
        assert_eq!(listed, [("Els Klant", "els@klant.example", "Sanne", "2026-12-07", false)], "not Kevin, a colleague");
        let other = testing::organisation(&db, "Zorggroep Oost").await;
        let olga = testing::scope(&db, other, "Olga", Roles { manager: true, admin: true, auditor: false }).await;
        assert!(requests::external_register(&db, &keys, &olga, SITE).await.expect("theirs").is_empty());
    }
}
