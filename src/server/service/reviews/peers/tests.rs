//! Reviews by others (issue 7): the employee nominates, a manager approves
//! and the reviewers are asked; anonymous answers show only from the
//! cycle's threshold, named ones at once; a review is given once, by the
//! one asked; an external link works once, until the moment closes; and
//! only the right party nominates or approves. On SQLite and PostgreSQL.

use chrono::Utc;
use sea_orm::{DatabaseConnection, EntityTrait, QueryFilter};

use super::*;
use crate::domain::dto::{BilingualForm, CycleForm, MomentForm, QuestionForm, ReviewAnswerForm, WritingForm};
use crate::domain::ids::QuestionId;
use crate::domain::roles::Roles;
use crate::server::entity::{notification, outbound_message, review_nomination};
use crate::server::service::reviews::test_fixture::{Noord, during, end_moment, noord};
use crate::server::service::reviews::{cycles, evaluations, forms};
use crate::server::testing::{self, for_each_backend, test_keyring};

const SITE: &str = "https://koers.example";

fn day(text: &str) -> chrono::NaiveDate {
    text.parse().expect("a date")
}

/// Noord's end evaluation asks others one required open question; returns it.
async fn with_peer_form(db: &DatabaseConnection, noord: &Noord) -> QuestionId {
    let named = BilingualForm { name_nl: "360 graden".into(), ..Default::default() };
    let form = forms::create(db, &noord.femke, &named, Utc::now()).await.expect("form");
    let question = QuestionForm {
        kind: "open".into(),
        text_nl: "Wat doet Sanne goed?".into(),
        required: Some("on".into()),
        ..Default::default()
    };
    forms::add_question(db, &noord.femke, form, &question).await.expect("question");
    let moment = MomentForm { peer_form: form.to_string(), ..end_moment(noord.form) };
    cycles::update_moment(db, &noord.femke, noord.end, &moment).await.expect("peer form");
    forms::details(db, &noord.femke, form).await.expect("form").questions[0].id
}

fn reply(question: QuestionId, text: &str) -> WritingForm {
    WritingForm {
        answers: vec![ReviewAnswerForm {
            question: question.to_string(),
            text: text.into(),
            ..Default::default()
        }],
    }
}

fn colleague(person: &OrgScope) -> NominationForm {
    NominationForm { reviewer: person.user.to_string(), ..Default::default() }
}

async fn colleagues(db: &DatabaseConnection, noord: &Noord, names: &[&str]) -> Vec<OrgScope> {
    let mut people = Vec::new();
    for name in names {
        people.push(testing::scope(db, noord.femke.org, name, Roles::default()).await);
    }
    people
}

async fn peers_as(db: &DatabaseConnection, viewer: &OrgScope, noord: &Noord) -> PeerReviews {
    let shown = evaluations::details(
        db,
        &test_keyring(),
        viewer,
        (noord.end, noord.sanne.user),
        chrono_tz::UTC,
        during(),
    )
    .await
    .expect("evaluation");
    shown.peers.expect("the moment asks others")
}

const TODAY: (&str, &str) = ("2027-11-10", "2027-11-10T10:00:00Z");

fn today() -> (chrono::NaiveDate, DateTime<Utc>) {
    (day(TODAY.0), TODAY.1.parse().expect("a moment"))
}

for_each_backend! {
    async fn the_employee_nominates_a_manager_approves_and_the_reviewers_are_asked(db) {
        let noord = noord(&db).await;
        with_peer_form(&db, &noord).await;
        let keys = test_keyring();
        let at = (noord.end, noord.sanne.user);
        nominate(&db, &keys, &noord.sanne, at, &colleague(&noord.thomas), today()).await.expect("Thomas");
        let outside = NominationForm { external_name: "Els Klant".into(), external_email: "els@klant.example".into(), ..Default::default() };
        nominate(&db, &keys, &noord.sanne, at, &outside, today()).await.expect("Els");
        assert!(matches!(nominate(&db, &keys, &noord.sanne, at, &colleague(&noord.thomas), today()).await,
            Err(AppError::Invalid { ref errors }) if errors[0].field == "reviewer"), "once each");
        let bad = NominationForm { external_name: "Piet".into(), external_email: "geen-adres".into(), ..Default::default() };
        assert!(matches!(nominate(&db, &keys, &noord.sanne, at, &bad, today()).await,
            Err(AppError::Invalid { ref errors }) if errors[0].field == "external_email"));

        let before = peers_as(&db, &noord.ahmed, &noord).await;
        assert_eq!(before.nominations.iter().map(|n| (n.who.as_str(), n.approved)).collect::<Vec<_>>(), [("Thomas", false), ("Els Klant", false)]);
        assert!(before.may_approve);
        assert!(requests_for(&db, &noord.thomas, day(TODAY.0)).await.expect("his").is_empty(), "not asked before approval");

        assert_eq!(approve(&db, &keys, &noord.ahmed, at, (SITE, today().0, today().1)).await, Ok(2));
        let asked = requests_for(&db, &noord.thomas, day(TODAY.0)).await.expect("his");
        assert_eq!(asked.iter().map(|r| r.employee.name.as_str()).collect::<Vec<_>>(), ["Sanne"]);
        let told = notification::Entity::find().filter(notification::Column::UserId.eq(noord.thomas.user.0)).all(&db).await.expect("read");
        assert_eq!(told.iter().map(|n| n.kind.as_str()).collect::<Vec<_>>(), ["review_requested"]);
        let mail = outbound_message::Entity::find().filter(outbound_message::Column::Kind.eq("external_review")).one(&db).await.expect("read").expect("a mail to Els");
        assert_eq!(mail.recipient, "els@klant.example");
        assert!(mail.text_body.contains("https://koers.example/r/"));
        let stored = review_nomination::Entity::find().all(&db).await.expect("read");
        assert!(stored.iter().all(|n| n.external_email.as_ref().is_none_or(|e| !String::from_utf8_lossy(e).contains("klant"))), "sealed");
        assert!(!peers_as(&db, &noord.ahmed, &noord).await.may_approve, "nothing waits any more");
    }

    async fn anonymous_answers_show_only_once_the_threshold_answered(db) {
        let noord = noord(&db).await;
        let question = with_peer_form(&db, &noord).await;
        let keys = test_keyring();
        let at = (noord.end, noord.sanne.user);
        let reviewers = colleagues(&db, &noord, &["Kim", "Ruud", "Iris"]).await;
        for reviewer in &reviewers {
            nominate(&db, &keys, &noord.sanne, at, &colleague(reviewer), today()).await.expect("nominated");
        }
        approve(&db, &keys, &noord.ahmed, at, (SITE, today().0, today().1)).await.expect("approved");
        for (n, reviewer) in reviewers.iter().enumerate() {
            let asked = requests_for(&db, reviewer, today().0).await.expect("asked")[0].nomination;
            answer_review(&db, reviewer, asked, question, &format!("Antwoord {n}")).await;
            let hers = peers_as(&db, &noord.sanne, &noord).await;
            assert_eq!(hers.answered, u32::try_from(n + 1).expect("small"));
            if n + 1 < 3 {
                assert_eq!(hers.results, None, "{} of 3 answered: hidden", n + 1);
            }
        }
        let results = peers_as(&db, &noord.ahmed, &noord).await.results.expect("three answered");
        assert_eq!(results.len(), 3);
        assert!(results.iter().all(|r| r.reviewer.is_none()), "anonymous");
        assert_eq!(peers_as(&db, &noord.sanne, &noord).await.results.map(|r| r.len()), Some(3), "both parties read them");
    }

    async fn named_answers_show_at_once_with_the_reviewers_name(db) {
        let noord = noord(&db).await;
        let question = with_peer_form(&db, &noord).await;
        let named = CycleForm {
            name: "Gesprekscyclus 2027".into(),
            starts_on: "2027-01-01".into(),
            ends_on: "2027-12-31".into(),
            reviewers_named: Some("on".into()),
            ..Default::default()
        };
        cycles::update(&db, &noord.femke, noord.cycle, &named).await.expect("named");
        let keys = test_keyring();
        let at = (noord.end, noord.sanne.user);
        nominate(&db, &keys, &noord.sanne, at, &colleague(&noord.thomas), today()).await.expect("nominated");
        approve(&db, &keys, &noord.ahmed, at, (SITE, today().0, today().1)).await.expect("approved");
        let asked = requests_for(&db, &noord.thomas, today().0).await.expect("asked")[0].nomination;
        answer_review(&db, &noord.thomas, asked, question, "Heldere overdrachten.").await;
        let results = peers_as(&db, &noord.sanne, &noord).await.results.expect("named: shown at once");
        assert_eq!(results[0].reviewer.as_deref(), Some("Thomas"));
        assert_eq!(results[0].answers[0].text, "Heldere overdrachten.");
    }

    async fn a_review_is_given_once_and_only_by_the_one_asked(db) {
        let noord = noord(&db).await;
        let question = with_peer_form(&db, &noord).await;
        let keys = test_keyring();
        let at = (noord.end, noord.sanne.user);
        let id = nominate(&db, &keys, &noord.sanne, at, &colleague(&noord.thomas), today()).await.expect("nominated");
        assert_eq!(request(&db, &keys, &noord.thomas, id, today().0).await, Err(AppError::NotFound), "not approved yet");
        approve(&db, &keys, &noord.ahmed, at, (SITE, today().0, today().1)).await.expect("approved");
        assert_eq!(request(&db, &keys, &noord.femke, id, today().0).await, Err(AppError::NotFound), "not asked of her");
        let shown = request(&db, &keys, &noord.thomas, id, today().0).await.expect("his");
        assert_eq!((shown.employee.as_str(), shown.questions.len(), shown.named), ("Sanne", 1, false));
        let empty = answer(&db, &keys, &noord.thomas, id, &WritingForm::default(), today()).await;
        assert!(matches!(empty, Err(AppError::Invalid { ref errors }) if errors[0].problem == crate::domain::validation::Problem::Unanswered));
        answer_review(&db, &noord.thomas, id, question, "Goed.").await;
        assert_eq!(answer(&db, &keys, &noord.thomas, id, &reply(question, "Nog eens."), today()).await, Err(AppError::NotFound), "once");
        assert_eq!(withdraw(&db, &noord.sanne, id).await, Err(AppError::NotFound), "an answered review stays");
    }

    async fn an_external_link_works_once_until_the_moment_closes(db) {
        let noord = noord(&db).await;
        let question = with_peer_form(&db, &noord).await;
        let keys = test_keyring();
        let at = (noord.end, noord.sanne.user);
        for (name, email) in [("Els Klant", "els@klant.example"), ("Jan Klant", "jan@klant.example")] {
            let outside = NominationForm { external_name: name.into(), external_email: email.into(), ..Default::default() };
            nominate(&db, &keys, &noord.sanne, at, &outside, today()).await.expect("nominated");
        }
        approve(&db, &keys, &noord.ahmed, at, (SITE, today().0, today().1)).await.expect("approved");
        let token = |email: &str| {
            let db = db.clone();
            let email = email.to_owned();
            async move {
                let mail = outbound_message::Entity::find().filter(outbound_message::Column::Recipient.eq(email)).one(&db).await.expect("read").expect("mailed");
                let link = mail.text_body.split_whitespace().find(|w| w.contains("/r/")).expect("a link").to_owned();
                link.rsplit('/').next().expect("a token").to_owned()
            }
        };
        let els = token("els@klant.example").await;
        let shown = external_request(&db, &keys, &els, today().0).await.expect("read").expect("works");
        assert_eq!(shown.organisation, "De Linde");
        answer_external(&db, &keys, &els, &reply(question, "Altijd bereikbaar."), today()).await.expect("answered");
        assert_eq!(external_request(&db, &keys, &els, today().0).await, Ok(None), "once");
        assert_eq!(answer_external(&db, &keys, &els, &reply(question, "Nog eens."), today()).await, Err(AppError::FeedbackLinkInvalid));
        let jan = token("jan@klant.example").await;
        assert_eq!(external_request(&db, &keys, &jan, day("2027-12-16")).await, Ok(None), "closed with the moment");
        assert_eq!(external_request(&db, &keys, "geraden", today().0).await, Ok(None));
    }

    async fn only_the_employee_nominates_and_only_a_manager_approves(db) {
        let noord = noord(&db).await;
        with_peer_form(&db, &noord).await;
        let keys = test_keyring();
        let at = (noord.end, noord.sanne.user);
        assert_eq!(nominate(&db, &keys, &noord.ahmed, at, &colleague(&noord.thomas), today()).await, Err(AppError::Forbidden));
        assert_eq!(nominate(&db, &keys, &noord.thomas, at, &colleague(&noord.ahmed), today()).await, Err(AppError::NotFound));
        let id = nominate(&db, &keys, &noord.sanne, at, &colleague(&noord.thomas), today()).await.expect("nominated");
        assert_eq!(approve(&db, &keys, &noord.sanne, at, (SITE, today().0, today().1)).await, Err(AppError::Forbidden));
        assert_eq!(approve(&db, &keys, &noord.femke, at, (SITE, today().0, today().1)).await, Err(AppError::NotFound), "an admin is no party");
        let closed = (day("2027-12-16"), today().1);
        assert!(matches!(nominate(&db, &keys, &noord.sanne, at, &colleague(&noord.femke), closed).await, Err(AppError::Invalid { .. })), "closed");
        let org = testing::organisation(&db, "Zorggroep Oost").await;
        let olga = testing::scope(&db, org, "Olga", Roles { manager: true, admin: true, auditor: false }).await;
        assert_eq!(withdraw(&db, &olga, id).await, Err(AppError::NotFound));
        assert_eq!(approve(&db, &keys, &olga, at, (SITE, today().0, today().1)).await, Err(AppError::NotFound));
        withdraw(&db, &noord.sanne, id).await.expect("withdrawn");
        assert!(peers_as(&db, &noord.sanne, &noord).await.nominations.is_empty());
    }
}

async fn answer_review(
    db: &DatabaseConnection,
    reviewer: &OrgScope,
    id: NominationId,
    question: QuestionId,
    text: &str,
) {
    answer(db, &test_keyring(), reviewer, id, &reply(question, text), today()).await.expect("answered");
}
