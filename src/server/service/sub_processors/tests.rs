//! The sub-processor register (DPA 4): announced at least 30 days ahead
//! (4.C), objected to within 14 days (4.D), the objection recorded per
//! organisation with the one-month path to end the agreement (4.E), and
//! each organisation sees only its own objections. On SQLite and PostgreSQL.

use chrono::{Duration, TimeZone};
use sea_orm::PaginatorTrait;

use super::*;
use crate::domain::roles::Roles;
use crate::server::entity::audit_event;
use crate::server::testing::{self, for_each_backend};

const TZ: chrono_tz::Tz = chrono_tz::Europe::Amsterdam;

/// Monday 7 December 2026, 10:00 in Amsterdam.
fn now() -> DateTime<Utc> {
    TZ.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).single().expect("a moment").with_timezone(&Utc)
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

fn mailer(effective_from: &str) -> SubProcessorForm {
    SubProcessorForm {
        name: "Postbode BV".into(),
        function: "Verstuurt de e-mails van Koers".into(),
        data_categories: "Naam en e-mailadres van ontvangers".into(),
        head_office: "Utrecht, Nederland".into(),
        data_location: "Frankfurt, Duitsland".into(),
        in_eea: Some("on".into()),
        effective_from: effective_from.into(),
    }
}

for_each_backend! {
    async fn dpa_4c_a_new_sub_processor_is_announced_at_least_30_days_ahead(db) {
        let olga = testing::operator(&db).await;
        let today = day("2026-12-07");
        let early = announce(&db, &olga, &mailer("2027-01-05"), ("https://koers.example", today, now())).await;
        assert_eq!(early, Err(AppError::invalid("effective_from", Problem::TooSoon { days: 30 })));
        announce(&db, &olga, &mailer("2027-01-06"), ("https://koers.example", today, now())).await.expect("30 days ahead");
        let shown = register(&db, None, (today, TZ)).await.expect("register");
        assert_eq!(shown.len(), 1);
        assert_eq!((shown[0].announced_on.as_str(), shown[0].in_use, shown[0].in_eea), ("2026-12-07", false, true));
        assert!(register(&db, None, (day("2027-01-06"), TZ)).await.expect("register")[0].in_use, "used from its date");
        let logged = audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq(AuditAction::SubProcessorAnnounced.code()))
            .count(&db)
            .await
            .expect("audit");
        assert_eq!(logged, 1);
    }

    async fn dpa_4c_every_organisations_admins_are_told_in_writing(db) {
        let org = testing::organisation(&db, "De Linde").await;
        let femke = testing::scope(&db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await;
        let sanne = testing::scope(&db, org, "Sanne", Roles::default()).await;
        let olga = testing::operator(&db).await;
        announce(&db, &olga, &mailer("2027-01-06"), ("https://koers.example", day("2026-12-07"), now())).await.expect("announced");
        let told = crate::server::entity::notification::Entity::find()
            .filter(crate::server::entity::notification::Column::Kind.eq(NotificationKind::SubProcessorAnnounced.code()))
            .all(&db)
            .await
            .expect("read");
        assert_eq!(told.iter().map(|n| n.user_id).collect::<Vec<_>>(), [femke.user.0], "the admin, not {}", sanne.name);
        let mail = crate::server::entity::outbound_message::Entity::find()
            .filter(crate::server::entity::outbound_message::Column::Kind.eq(NotificationKind::SubProcessorAnnounced.code()))
            .one(&db)
            .await
            .expect("read")
            .expect("mailed");
        assert!(mail.text_body.contains("Postbode BV") && mail.text_body.contains("2027-01-06"));
    }

    async fn dpa_4d_an_organisation_objects_within_14_days_and_4e_may_end_the_agreement_a_month_later(db) {
        let olga = testing::operator(&db).await;
        let id = announce(&db, &olga, &mailer("2027-01-10"), ("https://koers.example", day("2026-12-07"), now())).await.expect("announced");
        let org = testing::organisation(&db, "De Linde").await;
        let femke = testing::scope(&db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await;
        let before = register(&db, Some(org), (day("2026-12-10"), TZ)).await.expect("register");
        assert_eq!(before[0].objection_until.as_deref(), Some("2026-12-21"));
        let empty = object(&db, &femke, id, "  ", (day("2026-12-10"), now(), TZ)).await;
        assert!(matches!(empty, Err(AppError::Invalid { ref errors }) if errors[0].field == "reason"));
        let late = object(&db, &femke, id, "Te laat", (day("2026-12-22"), now() + Duration::days(15), TZ)).await;
        assert_eq!(late, Err(AppError::invalid("reason", Problem::NotNow)), "after 14 days");
        object(&db, &femke, id, "Onze cliënten willen geen gegevens in Duitsland.", (day("2026-12-10"), now() + Duration::days(3), TZ))
            .await
            .expect("objected");
        let after = register(&db, Some(org), (day("2026-12-10"), TZ)).await.expect("register");
        let objection = after[0].objection.clone().expect("recorded");
        assert_eq!((objection.on.as_str(), objection.may_end_on.as_str()), ("2026-12-10", "2027-01-10"));
        assert_eq!(objection.by.as_deref(), Some("Femke"));
        assert_eq!(after[0].objection_until, None, "once");
        assert_eq!(object(&db, &femke, id, "Nog eens", (day("2026-12-11"), now(), TZ)).await, Err(AppError::invalid("reason", Problem::NotNow)));

        let other = testing::organisation(&db, "Zorggroep Oost").await;
        let theirs = register(&db, Some(other), (day("2026-12-10"), TZ)).await.expect("register");
        assert_eq!(theirs[0].objection, None, "each organisation sees its own objections");
        assert!(theirs[0].objection_until.is_some(), "and may still object itself");
    }
}
