//! Support access (DPA 6): the processor's staff see an organisation's
//! accounts only under an admin's grant, for its hours, and every look is
//! in the organisation's audit log. On SQLite and PostgreSQL.

use crate::domain::roles::Roles;
use crate::server::entity::audit_event;
use crate::server::testing::{self, for_each_backend};

use super::*;

fn form(case: &str, hours: &str) -> SupportGrantForm {
    SupportGrantForm { case_reference: case.into(), hours: hours.into() }
}

for_each_backend! {
    async fn dpa_6_the_processor_sees_nothing_without_a_grant_and_the_accounts_while_it_holds(db) {
        let org = testing::organisation(&db, "De Linde").await;
        let femke = testing::scope(&db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await;
        testing::member(&db, org, "Bram", Roles::default()).await;
        let olga = testing::operator(&db).await;
        let now = Utc::now();
        let tz = chrono_tz::Europe::Amsterdam;

        assert_eq!(support_view(&db, &olga, org, tz, now).await, Err(AppError::Forbidden), "no grant, no access");
        grant(&db, &femke, &form("Ticket 4711: Bram kan niet inloggen", "4"), now).await.expect("granted");
        let view = support_view(&db, &olga, org, tz, now + Duration::hours(1)).await.expect("under the grant");
        assert_eq!(view.case_reference, "Ticket 4711: Bram kan niet inloggen");
        let names: Vec<&str> = view.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Bram", "Femke"]);
        assert!(view.people.iter().all(|p| !p.is_you));

        assert_eq!(support_view(&db, &olga, org, tz, now + Duration::hours(4)).await, Err(AppError::Forbidden), "it ends by itself");
        let used = audit_event::Entity::find()
            .filter(audit_event::Column::OrgId.eq(org.0))
            .filter(audit_event::Column::Action.eq("support.used"))
            .all(&db)
            .await
            .expect("read");
        assert_eq!(used.len(), 1, "the look is in the organisation's own audit log");
        assert_eq!(used[0].actor_kind, "operator");

        let shown = grants(&db, &femke, tz, now + Duration::hours(5)).await.expect("grants");
        assert_eq!(shown.len(), 1);
        assert_eq!((shown[0].state, shown[0].granted_by.as_str()), (SupportGrantState::Expired, "Femke"));
    }

    async fn dpa_6_an_admin_ends_a_grant_early_and_only_admins_grant(db) {
        let org = testing::organisation(&db, "De Linde").await;
        let femke = testing::scope(&db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await;
        let bram = testing::scope(&db, org, "Bram", Roles::default()).await;
        let olga = testing::operator(&db).await;
        let now = Utc::now();
        let tz = chrono_tz::UTC;

        assert_eq!(grant(&db, &bram, &form("Zaak", "1"), now).await, Err(AppError::Forbidden));
        let refused = grant(&db, &femke, &form("  ", "5"), now).await;
        let Err(AppError::Invalid { errors }) = refused else { panic!("refused: {refused:?}") };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["case_reference", "hours"], "a case and one of the offered durations");

        grant(&db, &femke, &form("Zaak 12", "72"), now).await.expect("granted");
        let id = grants(&db, &femke, tz, now).await.expect("grants")[0].id;
        end(&db, &femke, id, now + Duration::minutes(10)).await.expect("ended");
        assert_eq!(support_view(&db, &olga, org, tz, now + Duration::minutes(11)).await, Err(AppError::Forbidden));
        assert_eq!(end(&db, &femke, id, now + Duration::minutes(12)).await, Err(AppError::invalid("grant", Problem::NotNow)));
        assert_eq!(grants(&db, &femke, tz, now).await.expect("grants")[0].state, SupportGrantState::Ended);

        let other = testing::organisation(&db, "Zorggroep Oost").await;
        let ilse = testing::scope(&db, other, "Ilse", Roles { manager: false, admin: true, auditor: false }).await;
        assert_eq!(end(&db, &ilse, id, now).await, Err(AppError::NotFound), "not another organisation's grant");
        assert_eq!(grants(&db, &bram, tz, now).await, Err(AppError::Forbidden));
    }
}
