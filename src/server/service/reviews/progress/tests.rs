//! The progress of a cycle (issue 7): admins follow everyone in scope,
//! managers their own people, employees nobody; stages, overdue moments and
//! the counts per unit; the XLSX export. On SQLite and PostgreSQL.

use chrono::Utc;

use super::*;
use crate::domain::roles::Roles;
use crate::server::crypto::Keyring;
use crate::server::service::reviews::evaluations;
use crate::server::service::reviews::test_fixture::{SITE, answers, during, noord};
use crate::server::service::structure;
use crate::server::testing::{self, for_each_backend, test_keyring};

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

for_each_backend! {
    async fn admins_follow_everyone_in_scope_and_managers_their_people(db) {
        let noord = noord(&db).await;
        let keys: Keyring = test_keyring();
        // Kim joins Wijkteam Noord under a second manager of her own.
        let kim = testing::scope(&db, noord.femke.org, "Kim", Roles::default()).await;
        let ruud = testing::scope(&db, noord.femke.org, "Ruud", Roles { manager: true, admin: false, auditor: false }).await;
        let sub = structure::create(&db, &noord.femke, "Nachtdienst Noord", None, Utc::now()).await.expect("unit");
        structure::set_manager(&db, &noord.femke, sub, ruud.user, true, Utc::now()).await.expect("manager");
        structure::add_member(&db, &noord.femke, sub, kim.user, true, Utc::now()).await.expect("member");
        evaluations::share(&db, &keys, &noord.sanne, (noord.end, noord.sanne.user), &answers(&noord, "Af.", "4"), SITE, during()).await.expect("shared");

        let everyone = progress(&db, &noord.femke, None, day("2027-11-10")).await.expect("admin");
        assert_eq!(everyone.name, "Gesprekscyclus 2027", "the cycle running that day");
        let rows: Vec<(&str, Stage)> = everyone.people.iter().map(|p| (p.person.name.as_str(), p.cells[0].stage)).collect();
        assert_eq!(rows, [("Sanne", Stage::Draft)], "Kim's unit is not in scope; Sanne has shared, Ahmed not yet");
        assert!(everyone.may_reopen);
        assert_eq!(everyone.units.len(), 1);
        assert_eq!((everyone.units[0].counts[0].people, everyone.units[0].counts[0].written), (1, 1));

        let his = progress(&db, &noord.ahmed, Some(everyone.cycle), day("2027-11-10")).await.expect("manager");
        assert_eq!(his.people.iter().map(|p| p.person.name.as_str()).collect::<Vec<_>>(), ["Sanne"]);
        assert!(!his.may_reopen);
        let ruuds = progress(&db, &ruud, Some(everyone.cycle), day("2027-11-10")).await.expect("manager");
        assert!(ruuds.people.is_empty(), "none of his people is in scope");
        assert_eq!(progress(&db, &noord.sanne, None, day("2027-11-10")).await, Err(AppError::Forbidden));
    }

    async fn a_moment_past_its_close_date_is_overdue_until_locked(db) {
        let noord = noord(&db).await;
        let before = progress(&db, &noord.femke, None, day("2027-12-15")).await.expect("progress");
        assert!(!before.people[0].cells[0].overdue, "the close date itself is not late");
        let after = progress(&db, &noord.femke, None, day("2027-12-16")).await.expect("progress");
        assert!(after.people[0].cells[0].overdue);
        assert_eq!(after.units[0].counts[0].overdue, 1);
    }

    async fn the_export_holds_a_row_per_person_in_the_readers_language(db) {
        let noord = noord(&db).await;
        let shown = progress(&db, &noord.femke, None, day("2027-12-16")).await.expect("progress");
        let bytes = to_xlsx(&shown, Lang::En).expect("workbook");
        let table = crate::server::service::import::read_table(&bytes).expect("readable");
        assert_eq!(table[0][..2], ["Employee".to_owned(), "Unit".to_owned()]);
        assert_eq!(table[0][2], "End evaluation (until 2027-12-15)");
        assert_eq!(table[1], ["Sanne".to_owned(), "Wijkteam Noord".to_owned(), "Not started (overdue)".to_owned()]);
    }

    async fn another_organisation_sees_no_progress_of_this_one(db) {
        let noord = noord(&db).await;
        let cycle = progress(&db, &noord.femke, None, day("2027-11-10")).await.expect("progress").cycle;
        let org = testing::organisation(&db, "Zorggroep Oost").await;
        let olga = testing::scope(&db, org, "Olga", Roles { manager: true, admin: true, auditor: false }).await;
        assert_eq!(progress(&db, &olga, Some(cycle), day("2027-11-10")).await, Err(AppError::NotFound));
        assert_eq!(progress(&db, &olga, None, day("2027-11-10")).await, Err(AppError::NotFound), "she has no cycle");
    }
}
