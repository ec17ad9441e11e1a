//! Feedback and private notes (issue 6): who reads what for every
//! visibility and role, what the organisation allows, praise on the wall,
//! notes for their author's eyes only, isolation between organisations, and
//! ciphertext in the database. On SQLite and PostgreSQL.

use chrono::Utc;
use sea_orm::{DatabaseConnection, EntityTrait};

use super::*;
use crate::domain::dto::{GoalForm, NoteForm};
use crate::domain::roles::Roles;
use crate::server::entity::private_note;
use crate::server::service::settings as cascading;
use crate::server::service::{core_values, notes, structure};
use crate::server::testing::{self, for_each_backend, test_keyring};

pub(super) const TZ: chrono_tz::Tz = chrono_tz::Europe::Amsterdam;

/// Ahmed manages Wijkteam Noord (Sanne, Kevin); Thomas is elsewhere; Femke
/// is an admin with the HR reader right on Noord.
pub(super) struct Noord {
    pub femke: OrgScope,
    pub ahmed: OrgScope,
    pub sanne: OrgScope,
    pub kevin: OrgScope,
    pub thomas: OrgScope,
    pub involved: String,
}

pub(super) async fn noord(db: &DatabaseConnection) -> Noord {
    let org = testing::organisation(db, "De Linde").await;
    let femke = testing::scope(db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await;
    let ahmed = testing::scope(db, org, "Ahmed", Roles { manager: true, admin: false, auditor: false }).await;
    let sanne = testing::scope(db, org, "Sanne", Roles::default()).await;
    let kevin = testing::scope(db, org, "Kevin", Roles::default()).await;
    let thomas = testing::scope(db, org, "Thomas", Roles::default()).await;
    let now = Utc::now();
    let north = structure::create(db, &femke, "Wijkteam Noord", None, now).await.expect("unit");
    structure::set_manager(db, &femke, north, ahmed.user, true, now).await.expect("manager");
    for member in [&ahmed, &sanne, &kevin] {
        structure::add_member(db, &femke, north, member.user, true, now).await.expect("member");
    }
    structure::set_hr_reader(db, &femke, north, femke.user, true, now).await.expect("hr reader");
    let value = crate::domain::dto::BilingualForm {
        name_nl: "Betrokken".into(),
        name_en: "Involved".into(),
        ..Default::default()
    };
    let involved = core_values::create(db, &femke, &value, now).await.expect("value").to_string();
    Noord { femke, ahmed, sanne, kevin, thomas, involved }
}

fn to(recipient: &OrgScope, visibility: &str, body: &str) -> FeedbackForm {
    FeedbackForm {
        recipient: recipient.user.to_string(),
        visibility: visibility.into(),
        about: String::new(),
        body: body.into(),
    }
}

async fn give_as(
    db: &DatabaseConnection,
    giver: &OrgScope,
    form: FeedbackForm,
) -> Result<FeedbackId, AppError> {
    give(db, &test_keyring(), giver, &form, "https://koers.example", Utc::now()).await
}

pub(super) async fn read(
    db: &DatabaseConnection,
    viewer: &OrgScope,
    feedback_box: FeedbackBox,
) -> Vec<String> {
    list(db, &test_keyring(), viewer, feedback_box, TZ)
        .await
        .expect("list")
        .into_iter()
        .map(|f| f.body)
        .collect()
}

for_each_backend! {
    async fn each_visibility_reaches_exactly_its_readers(db) {
        let noord = noord(&db).await;
        cascading::set_for_organisation(&db, &noord.femke, Setting::FeedbackVisibility, Some("praise"), Utc::now()).await.expect("praise allowed");
        give_as(&db, &noord.kevin, to(&noord.sanne, "recipient", "alleen voor Sanne")).await.expect("given");
        give_as(&db, &noord.kevin, to(&noord.sanne, "recipient_and_manager", "voor Sanne en Ahmed")).await.expect("given");
        give_as(&db, &noord.kevin, to(&noord.sanne, "manager", "alleen voor Ahmed")).await.expect("given");
        let praise = FeedbackForm { about: format!("value:{}", noord.involved), ..to(&noord.sanne, "praise", "een pluim") };
        give_as(&db, &noord.kevin, praise).await.expect("given");

        assert_eq!(read(&db, &noord.sanne, FeedbackBox::Received).await, ["een pluim", "voor Sanne en Ahmed", "alleen voor Sanne"], "the recipient, not the managers' only");
        assert_eq!(read(&db, &noord.ahmed, FeedbackBox::Team).await, ["een pluim", "alleen voor Ahmed", "voor Sanne en Ahmed"], "her manager");
        assert_eq!(read(&db, &noord.kevin, FeedbackBox::Given).await.len(), 4, "the giver reads all he gave");
        assert!(read(&db, &noord.kevin, FeedbackBox::Team).await.is_empty(), "a colleague reads none of hers");
        assert_eq!(read(&db, &noord.thomas, FeedbackBox::Praise).await, ["een pluim"], "everyone reads praise");
        assert!(read(&db, &noord.femke, FeedbackBox::Team).await.is_empty(), "administering gives no reading");
        assert!(read(&db, &noord.femke, FeedbackBox::Received).await.is_empty());
    }

    async fn the_organisation_bounds_what_a_giver_may_choose(db) {
        let noord = noord(&db).await;
        // By default the widest audience is praise; narrowed to the recipient only:
        cascading::set_for_organisation(&db, &noord.femke, Setting::FeedbackVisibility, Some("recipient"), Utc::now()).await.expect("narrowed");
        let refused = give_as(&db, &noord.kevin, to(&noord.sanne, "recipient_and_manager", "te breed")).await;
        assert!(matches!(refused, Err(AppError::Invalid { ref errors }) if errors[0].field == "visibility"));
        assert!(read(&db, &noord.sanne, FeedbackBox::Received).await.is_empty(), "nothing saved");
        let shown = preview(&db, &test_keyring(), &noord.kevin, noord.sanne.user, FeedbackVisibility::Recipient).await.expect("preview");
        assert_eq!((shown.readers, shown.allowed), (vec!["Sanne".to_owned()], vec![FeedbackVisibility::Recipient]));

        cascading::set_for_organisation(&db, &noord.femke, Setting::FeedbackVisibility, None, Utc::now()).await.expect("default");
        let shown = preview(&db, &test_keyring(), &noord.kevin, noord.sanne.user, FeedbackVisibility::Manager).await.expect("preview");
        assert_eq!(shown.readers, ["Ahmed"], "the preview names who will read it");
        assert_eq!(give_as(&db, &noord.kevin, to(&noord.kevin, "recipient", "zelf")).await.err().map(|e| matches!(e, AppError::Invalid { .. })), Some(true), "not to oneself");
    }

    async fn the_recipient_is_told_and_may_tie_it_to_a_goal_of_theirs(db) {
        let noord = noord(&db).await;
        let id = give_as(&db, &noord.kevin, to(&noord.sanne, "recipient", "goed gedaan")).await.expect("given");
        let told = crate::server::service::notifications::unread(&db, &noord.sanne).await.expect("unread");
        assert_eq!(told, 1);
        let hers = GoalForm { kind: "performance".into(), year: "2027".into(), title: "Intakes".into(), ..Default::default() };
        let goal = goals::create(&db, &test_keyring(), &noord.sanne, &hers, Utc::now()).await.expect("goal");
        assert_eq!(link_goal(&db, &noord.kevin, id, Some(goal)).await, Err(AppError::NotFound), "only the recipient");
        link_goal(&db, &noord.sanne, id, Some(goal)).await.expect("linked");
        let shown = list(&db, &test_keyring(), &noord.sanne, FeedbackBox::Received, TZ).await.expect("list");
        assert_eq!(shown[0].goal.as_ref().map(|g| g.title.as_str()), Some("Intakes"));
        let his = GoalForm { kind: "performance".into(), year: "2027".into(), title: "Van Kevin".into(), visibility: "organisation".into(), ..Default::default() };
        let other = goals::create(&db, &test_keyring(), &noord.kevin, &his, Utc::now()).await.expect("goal");
        assert!(matches!(link_goal(&db, &noord.sanne, id, Some(other)).await, Err(AppError::Invalid { .. })), "her own goals only");
    }

    async fn a_note_is_for_its_authors_eyes_only(db) {
        let noord = noord(&db).await;
        let keys = test_keyring();
        let about_sanne = NoteForm { subject: noord.sanne.user.to_string(), body: "Wil graag de wondzorgcursus".into() };
        let id = notes::add(&db, &keys, &noord.ahmed, &about_sanne, Utc::now()).await.expect("his report");
        assert!(matches!(notes::add(&db, &keys, &noord.kevin, &about_sanne, Utc::now()).await, Err(AppError::Invalid { .. })), "not about a colleague");
        notes::add(&db, &keys, &noord.femke, &about_sanne, Utc::now()).await.expect("an admin may note anyone");

        let mine = notes::list(&db, &keys, &noord.ahmed, None, TZ).await.expect("his");
        assert_eq!(mine.iter().map(|n| n.body.as_str()).collect::<Vec<_>>(), ["Wil graag de wondzorgcursus"]);
        assert_eq!(notes::list(&db, &keys, &noord.femke, None, TZ).await.expect("hers").len(), 1, "the admin sees her own note, not his");
        assert!(notes::list(&db, &keys, &noord.sanne, None, TZ).await.expect("hers").is_empty(), "not the person it is about");
        let change = NoteForm { body: "Gevraagd".into(), ..Default::default() };
        assert_eq!(notes::update(&db, &keys, &noord.femke, id, &change, Utc::now()).await, Err(AppError::NotFound), "an admin cannot change it");
        assert_eq!(notes::delete(&db, &noord.femke, id).await, Err(AppError::NotFound), "nor delete it");
        assert_eq!(notes::count_about(&db, noord.femke.org, noord.sanne.user).await.expect("count"), 2, "the export counts notes about her");

        let row = private_note::Entity::find_by_id(id.0).one(&db).await.expect("read").expect("row");
        assert!(!String::from_utf8_lossy(&row.body).contains("wondzorg"), "sealed");
    }

    async fn another_organisation_sees_nothing_and_texts_are_sealed(db) {
        let noord = noord(&db).await;
        let id = give_as(&db, &noord.kevin, to(&noord.sanne, "recipient", "heel behulpzaam")).await.expect("given");
        let other = testing::organisation(&db, "Zorggroep Oost").await;
        let olga = testing::scope(&db, other, "Olga", Roles { manager: true, admin: true, auditor: false }).await;
        assert!(read(&db, &olga, FeedbackBox::Praise).await.is_empty());
        assert!(matches!(give_as(&db, &olga, to(&noord.sanne, "recipient", "hoi")).await, Err(AppError::Invalid { .. })), "not one of theirs");
        assert_eq!(link_goal(&db, &olga, id, None).await, Err(AppError::NotFound));
        let row = feedback::Entity::find_by_id(id.0).one(&db).await.expect("read").expect("row");
        assert!(!String::from_utf8_lossy(&row.body).contains("behulpzaam"), "sealed");
    }
}
