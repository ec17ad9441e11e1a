//! The breach register (DPA 7): every incident logged (7.G), a notice with
//! every field of 7.A to each affected organisation inside 24 hours of
//! discovery, tracked per organisation, follow-ups to those told (7.C), and
//! nobody told but the organisation's admins and privacy contact (7.D). On
//! SQLite and PostgreSQL.

use chrono::{Duration, TimeZone};
use sea_orm::{ActiveModelTrait, PaginatorTrait};

use super::*;
use crate::domain::dto::{AffectedForm, BreachRecord, DeadlineState};
use crate::domain::notifications::NotificationKind;
use crate::domain::roles::Roles;
use crate::server::auth::OrgScope;
use crate::server::entity::{audit_event, notification, outbound_message};
use crate::server::service::site::Site;
use crate::server::testing::{self, for_each_backend};

const TZ: chrono_tz::Tz = chrono_tz::Europe::Amsterdam;
const SITE: Site<'static> = Site { public_url: "https://koers.example", time_zone: TZ };

/// Monday 7 December 2026, 10:00 in Amsterdam.
fn now() -> DateTime<Utc> {
    TZ.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).single().expect("a moment").with_timezone(&Utc)
}

fn backup_left_open() -> BreachForm {
    BreachForm {
        nature: "Een back-up stond een nacht lang open voor het internet".into(),
        discovered_at: "2026-12-07T08:30".into(),
        contact_point: "Olga de Boer, privacy@koers.example, 030 123 4567".into(),
        consequences: "Namen en doelen kunnen door derden zijn ingezien".into(),
        measures: "Toegang gesloten, sleutels vervangen, logboeken nagekeken".into(),
    }
}

fn affects(org: OrgId, people: u64) -> AffectedForm {
    AffectedForm {
        org: org.0.to_string(),
        subject_categories: "Medewerkers".into(),
        subjects_approx: people.to_string(),
        record_categories: "Doelen en feedback".into(),
        records_approx: (people * 3).to_string(),
    }
}

/// An organisation with an admin, an employee and a privacy contact who
/// is not a user.
async fn organisation(db: &DatabaseConnection, name: &str) -> (OrgId, OrgScope, OrgScope) {
    let org = testing::organisation(db, name).await;
    let admin = testing::scope(db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await;
    let employee = testing::scope(db, org, "Sanne", Roles::default()).await;
    organisation::ActiveModel {
        id: Set(org.0),
        privacy_contact_name: Set("Pieter Privacy".into()),
        privacy_contact_email: Set(format!("privacy@{}.example", org.0.simple())),
        ..Default::default()
    }
    .update(db)
    .await
    .expect("contact");
    (org, admin, employee)
}

async fn mails_of(db: &DatabaseConnection, kind: NotificationKind) -> Vec<outbound_message::Model> {
    outbound_message::Entity::find()
        .filter(outbound_message::Column::Kind.eq(kind.code()))
        .all(db)
        .await
        .expect("read")
}

async fn told(db: &DatabaseConnection, kind: NotificationKind) -> Vec<uuid::Uuid> {
    let rows = notification::Entity::find().filter(notification::Column::Kind.eq(kind.code())).all(db).await;
    rows.expect("read").into_iter().map(|n| n.user_id).collect()
}

for_each_backend! {
    async fn dpa_7g_every_incident_is_logged_also_without_affected_organisations(db) {
        let olga = testing::operator(&db).await;
        let future = BreachForm { discovered_at: "2026-12-08T09:00".into(), ..backup_left_open() };
        let refused = record_incident(&db, &olga, &future, TZ, now()).await;
        assert_eq!(refused, Err(AppError::invalid("discovered_at", Problem::InFuture)));
        let id = record_incident(&db, &olga, &backup_left_open(), TZ, now()).await.expect("recorded");
        let shown = register(&db, &olga, TZ, now()).await.expect("register");
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].facts.id, id);
        assert_eq!(shown[0].facts.discovered_at, "2026-12-07 08:30");
        assert_eq!(shown[0].recorded_by, "Olga");
        assert!(shown[0].affected.is_empty(), "an incident without a notice");
        let logged = audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq(AuditAction::BreachRecorded.code()))
            .count(&db)
            .await
            .expect("audit");
        assert_eq!(logged, 1);
    }

    async fn dpa_7a_the_notice_carries_every_field_and_reaches_admins_and_privacy_contact(db) {
        let olga = testing::operator(&db).await;
        let (linde, femke, _) = organisation(&db, "De Linde").await;
        let id = record_incident(&db, &olga, &backup_left_open(), TZ, now()).await.expect("recorded");
        add_affected(&db, &olga, id, &affects(linde, 40)).await.expect("affected");
        assert_eq!(notices(&db, &femke, TZ).await.expect("notices"), [], "nothing before the notice is sent");

        notify_organisation(&db, &olga, (id, linde), SITE, now()).await.expect("sent");
        let read = notices(&db, &femke, TZ).await.expect("notices");
        assert_eq!(read.len(), 1);
        let notice = &read[0];
        assert_eq!(notice.facts.nature, backup_left_open().nature);
        assert_eq!(notice.facts.contact_point, backup_left_open().contact_point);
        assert_eq!(notice.facts.consequences, backup_left_open().consequences);
        assert_eq!(notice.facts.measures, backup_left_open().measures);
        assert_eq!((notice.data.subjects_approx, notice.data.records_approx), (40, 120));
        assert_eq!(notice.data.subject_categories, "Medewerkers");
        assert_eq!((notice.notified_at.as_str(), notice.on_time), ("2026-12-07 10:00", true));

        assert_eq!(told(&db, NotificationKind::BreachNotified).await, [femke.user.0]);
        let mails = mails_of(&db, NotificationKind::BreachNotified).await;
        let mut to: Vec<&str> = mails.iter().map(|m| m.recipient.as_str()).collect();
        to.sort_unstable();
        assert_eq!(to.len(), 2, "the admin and the privacy contact: {to:?}");
        assert!(to.iter().any(|r| r.starts_with("privacy@")));
        assert!(mails.iter().all(|m| m.text_body.contains("Medewerkers (ongeveer 40)")));

        let again = notify_organisation(&db, &olga, (id, linde), SITE, now()).await;
        assert_eq!(again, Err(AppError::invalid("notice", Problem::NotNow)), "a notice goes once");
        assert_eq!(mails_of(&db, NotificationKind::BreachNotified).await.len(), 2);
    }

    async fn dpa_7a_the_register_tracks_24_hours_from_discovery_per_organisation(db) {
        let olga = testing::operator(&db).await;
        let (linde, _, _) = organisation(&db, "De Linde").await;
        let (oost, oost_admin, _) = organisation(&db, "Zorggroep Oost").await;
        let (west, _, _) = organisation(&db, "Zorggroep West").await;
        let id = record_incident(&db, &olga, &backup_left_open(), TZ, now()).await.expect("recorded");
        for org in [linde, oost, west] {
            add_affected(&db, &olga, id, &affects(org, 10)).await.expect("affected");
        }
        let twice = add_affected(&db, &olga, id, &affects(west, 5)).await;
        assert_eq!(twice, Err(AppError::invalid("org", Problem::AlreadyInUse)));
        notify_organisation(&db, &olga, (id, linde), SITE, now()).await.expect("in time");
        let late = now() + Duration::hours(23);
        notify_organisation(&db, &olga, (id, oost), SITE, late).await.expect("after 24 hours");

        let state = |record: &BreachRecord, org: OrgId| {
            record.affected.iter().find(|a| a.org == org).map(|a| a.notice.clone()).expect("affected")
        };
        let shown = record(&db, &olga, id, TZ, now() + Duration::hours(1)).await.expect("record");
        assert_eq!(shown.facts.notice_due, "2026-12-08 08:30");
        assert_eq!(state(&shown, linde), DeadlineState::Sent { at: "2026-12-07 10:00".into(), on_time: true });
        assert_eq!(state(&shown, oost), DeadlineState::Sent { at: "2026-12-08 09:00".into(), on_time: false });
        assert_eq!(state(&shown, west), DeadlineState::Due);
        let later = record(&db, &olga, id, TZ, now() + Duration::hours(23)).await.expect("record");
        assert_eq!(state(&later, west), DeadlineState::Overdue);
        assert!(!notices(&db, &oost_admin, TZ).await.expect("notices")[0].on_time, "the organisation sees it was late");
    }

    async fn dpa_7c_follow_ups_reach_every_organisation_told_and_no_other(db) {
        let olga = testing::operator(&db).await;
        let (linde, femke, _) = organisation(&db, "De Linde").await;
        let (oost, oost_admin, _) = organisation(&db, "Zorggroep Oost").await;
        let id = record_incident(&db, &olga, &backup_left_open(), TZ, now()).await.expect("recorded");
        add_affected(&db, &olga, id, &affects(linde, 40)).await.expect("affected");
        add_affected(&db, &olga, id, &affects(oost, 4)).await.expect("affected");
        notify_organisation(&db, &olga, (id, linde), SITE, now()).await.expect("sent");

        let empty = add_update(&db, &olga, id, " ", SITE, now()).await;
        assert!(matches!(empty, Err(AppError::Invalid { ref errors }) if errors[0].field == "body"));
        let news = "Het lek is gedicht; er zijn geen aanwijzingen dat iemand de back-up heeft gedownload.";
        add_update(&db, &olga, id, news, SITE, now() + Duration::hours(5)).await.expect("update");
        assert_eq!(told(&db, NotificationKind::BreachUpdated).await, [femke.user.0], "only those told before");
        let read = notices(&db, &femke, TZ).await.expect("notices");
        assert_eq!(read[0].facts.updates.len(), 1);
        assert_eq!((read[0].facts.updates[0].at.as_str(), read[0].facts.updates[0].body.as_str()), ("2026-12-07 15:00", news));
        assert_eq!(notices(&db, &oost_admin, TZ).await.expect("notices"), [], "not told yet, so nothing to read");
        let logged = audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq(AuditAction::BreachUpdated.code()))
            .filter(audit_event::Column::OrgId.eq(linde.0))
            .count(&db)
            .await
            .expect("audit");
        assert_eq!(logged, 1, "in the organisation's own audit log");
    }

    async fn dpa_7d_the_processor_never_tells_the_data_subjects(db) {
        let olga = testing::operator(&db).await;
        let (linde, femke, sanne) = organisation(&db, "De Linde").await;
        let id = record_incident(&db, &olga, &backup_left_open(), TZ, now()).await.expect("recorded");
        add_affected(&db, &olga, id, &affects(linde, 40)).await.expect("affected");
        notify_organisation(&db, &olga, (id, linde), SITE, now()).await.expect("sent");
        add_update(&db, &olga, id, "Nieuws", SITE, now()).await.expect("update");
        let everyone_told = notification::Entity::find().all(&db).await.expect("read");
        assert!(everyone_told.iter().all(|n| n.user_id == femke.user.0), "not {}, a data subject", sanne.name);
        let sanne_email = crate::server::entity::user_account::Entity::find_by_id(sanne.user.0)
            .one(&db)
            .await
            .expect("read")
            .and_then(|u| u.email)
            .expect("an address");
        let mails = outbound_message::Entity::find().all(&db).await.expect("read");
        assert!(mails.iter().all(|m| m.recipient != sanne_email));
    }

    async fn dpa_7_an_organisation_reads_only_its_own_notices(db) {
        let olga = testing::operator(&db).await;
        let (linde, _, _) = organisation(&db, "De Linde").await;
        let (_, oost_admin, _) = organisation(&db, "Zorggroep Oost").await;
        let id = record_incident(&db, &olga, &backup_left_open(), TZ, now()).await.expect("recorded");
        add_affected(&db, &olga, id, &affects(linde, 40)).await.expect("affected");
        notify_organisation(&db, &olga, (id, linde), SITE, now()).await.expect("sent");
        assert_eq!(notices(&db, &oost_admin, TZ).await.expect("notices"), []);
        let unknown = notify_organisation(&db, &olga, (id, oost_admin.org), SITE, now()).await;
        assert_eq!(unknown, Err(AppError::NotFound), "an organisation not on the incident");
    }
}
