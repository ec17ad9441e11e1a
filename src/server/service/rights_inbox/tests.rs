//! The rights-request inbox (DPA 3.G, 8.C): a request that reaches the
//! processor is forwarded to the organisation within five working days,
//! the inbox counts them down, and the processor never acts on it itself.
//! On SQLite and PostgreSQL.

use chrono::{Duration, TimeZone};
use sea_orm::PaginatorTrait;

use super::*;
use crate::domain::roles::Roles;
use crate::server::entity::{notification, outbound_message, user_account};
use crate::server::testing::{self, for_each_backend};

const TZ: chrono_tz::Tz = chrono_tz::Europe::Amsterdam;
const SITE: Site<'static> = Site { public_url: "https://koers.example", time_zone: TZ };

/// Monday 7 December 2026, 10:00 in Amsterdam.
fn now() -> DateTime<Utc> {
    TZ.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).single().expect("a moment").with_timezone(&Utc)
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

fn erase_me(org: OrgId, received_on: &str) -> RightsRequestForm {
    RightsRequestForm {
        org: org.0.to_string(),
        kind: "erasure".into(),
        requester: "Bram Visser, bram@voorbeeld.example".into(),
        summary: "Ik ben uit dienst en wil dat al mijn gegevens gewist worden.".into(),
        received_on: received_on.into(),
    }
}

#[test]
fn dpa_8c_five_working_days_skip_the_weekend() {
    assert_eq!(forward_by(day("2026-12-07")), day("2026-12-14"), "Monday to Monday");
    assert_eq!(forward_by(day("2026-12-10")), day("2026-12-17"), "Thursday to Thursday");
    assert_eq!(forward_by(day("2026-12-12")), day("2026-12-18"), "Saturday to Friday");
}

for_each_backend! {
    async fn dpa_8c_a_request_is_forwarded_to_the_organisation_and_tracked_against_five_working_days(db) {
        let olga = testing::operator(&db).await;
        let org = testing::organisation(&db, "De Linde").await;
        let femke = testing::scope(&db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await;
        let future = record(&db, &olga, &erase_me(org, "2026-12-08"), day("2026-12-07"), now()).await;
        assert_eq!(future, Err(AppError::invalid("received_on", Problem::InFuture)));
        let id = record(&db, &olga, &erase_me(org, "2026-12-07"), day("2026-12-07"), now()).await.expect("recorded");
        let late = record(&db, &olga, &erase_me(org, "2026-11-27"), day("2026-12-07"), now()).await.expect("recorded");

        let shown = inbox(&db, &olga, SITE, now()).await.expect("inbox");
        let of = |id: RightsRequestId| shown.iter().find(|r| r.id == id).cloned().expect("listed");
        assert_eq!((of(id).forward_by.as_str(), of(id).forwarding.clone()), ("2026-12-14", DeadlineState::Due));
        assert_eq!(of(late).forwarding, DeadlineState::Overdue, "received on a Friday: due the Friday after");
        assert_eq!(forwarded_to(&db, &femke, SITE, now()).await.expect("read"), [], "nothing forwarded yet");

        forward(&db, &olga, id, SITE, now() + Duration::hours(2)).await.expect("forwarded");
        let again = forward(&db, &olga, id, SITE, now()).await;
        assert_eq!(again, Err(AppError::invalid("forward", Problem::NotNow)), "once");
        let theirs = forwarded_to(&db, &femke, SITE, now()).await.expect("read");
        assert_eq!(theirs.len(), 1);
        assert_eq!(theirs[0].forwarding, DeadlineState::Sent { at: "2026-12-07 12:00".into(), on_time: true });
        assert_eq!(theirs[0].kind, RightsRequestKind::Erasure);
        let told = notification::Entity::find()
            .filter(notification::Column::Kind.eq(NotificationKind::RightsRequestForwarded.code()))
            .count(&db)
            .await
            .expect("read");
        assert_eq!(told, 1);
        let mail = outbound_message::Entity::find()
            .filter(outbound_message::Column::Kind.eq(NotificationKind::RightsRequestForwarded.code()))
            .one(&db)
            .await
            .expect("read")
            .expect("mailed");
        assert!(mail.text_body.contains("Wissen") && mail.text_body.contains("bram@voorbeeld.example"));
    }

    async fn dpa_3g_the_processor_forwards_and_never_acts_on_the_request(db) {
        let olga = testing::operator(&db).await;
        let org = testing::organisation(&db, "De Linde").await;
        let (bram, _) = testing::member(&db, org, "Bram Visser", Roles::default()).await;
        let id = record(&db, &olga, &erase_me(org, "2026-12-07"), day("2026-12-07"), now()).await.expect("recorded");
        forward(&db, &olga, id, SITE, now()).await.expect("forwarded");
        let still = user_account::Entity::find_by_id(bram.0).one(&db).await.expect("read").expect("not erased");
        assert!(still.deactivated_at.is_none(), "the organisation decides, not the processor");
    }

    async fn dpa_8c_an_organisation_reads_only_what_was_forwarded_to_it(db) {
        let olga = testing::operator(&db).await;
        let linde = testing::organisation(&db, "De Linde").await;
        let oost = testing::organisation(&db, "Zorggroep Oost").await;
        let oost_admin = testing::scope(&db, oost, "Ilse", Roles { manager: false, admin: true, auditor: false }).await;
        let id = record(&db, &olga, &erase_me(linde, "2026-12-07"), day("2026-12-07"), now()).await.expect("recorded");
        forward(&db, &olga, id, SITE, now()).await.expect("forwarded");
        assert_eq!(forwarded_to(&db, &oost_admin, SITE, now()).await.expect("read"), []);
        let unknown = record(&db, &olga, &erase_me(OrgId(uuid::Uuid::now_v7()), "2026-12-07"), day("2026-12-07"), now()).await;
        assert_eq!(unknown, Err(AppError::invalid("org", Problem::NotAChoice)));
    }
}
