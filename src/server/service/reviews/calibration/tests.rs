//! Calibration (issue 7): a manager proposes, calibration sets the final
//! score with a rationale and logs each change; the distribution per unit;
//! who calibrates whom; the employee sees the final score only when the
//! cycle says so. On SQLite and PostgreSQL.

use chrono::Utc;

use super::*;
use crate::domain::dto::CycleForm;
use crate::domain::roles::Roles;
use crate::server::service::reviews::test_fixture::{TZ, during, noord};
use crate::server::service::reviews::{cycles, evaluations};
use crate::server::testing::{self, for_each_backend, test_keyring};

fn day() -> chrono::NaiveDate {
    "2027-11-10".parse().expect("a date")
}

fn because(score: &str, rationale: &str) -> CalibrationForm {
    CalibrationForm { score: score.into(), rationale: rationale.into() }
}

for_each_backend! {
    async fn a_proposal_is_calibrated_with_a_rationale_and_every_change_is_logged(db) {
        let noord = noord(&db).await;
        let keys = test_keyring();
        let at = (noord.end, noord.sanne.user);
        propose(&db, &noord.ahmed, at, "4", Utc::now()).await.expect("proposed");
        assert_eq!(propose(&db, &noord.sanne, at, "5", Utc::now()).await, Err(AppError::Forbidden), "not her own");
        assert!(matches!(propose(&db, &noord.ahmed, at, "9", Utc::now()).await, Err(AppError::Invalid { .. })), "on the scale");

        let his = board(&db, &keys, &noord.ahmed, (None, None), (day(), TZ)).await.expect("his board");
        let row = &his.units[0].people[0];
        assert_eq!((row.person.name.as_str(), row.proposed, row.final_score), ("Sanne", Some(4), None));
        assert_eq!(his.units[0].proposed, [0, 0, 0, 1, 0]);

        let no_reason = calibrate(&db, &keys, &noord.ahmed, at, &because("3", " "), Utc::now()).await;
        assert!(matches!(no_reason, Err(AppError::Invalid { ref errors }) if errors[0].field == "rationale"));
        calibrate(&db, &keys, &noord.ahmed, at, &because("3", "In lijn met de rest van het team."), Utc::now()).await.expect("calibrated");
        calibrate(&db, &keys, &noord.femke, at, &because("4", "Na overleg met HR toch 4."), Utc::now()).await.expect("again");
        let hers = board(&db, &keys, &noord.femke, (None, Some(noord.end)), (day(), TZ)).await.expect("her board");
        let row = &hers.units[0].people[0];
        assert_eq!(row.final_score, Some(4));
        let log: Vec<(Option<u32>, u32, &str)> = row.changes.iter().map(|c| (c.from, c.to, c.rationale.as_str())).collect();
        assert_eq!(log, [(None, 3, "In lijn met de rest van het team."), (Some(3), 4, "Na overleg met HR toch 4.")]);
        assert_eq!(hers.units[0].finals, [0, 0, 0, 1, 0]);
    }

    async fn the_employee_sees_the_final_score_only_when_the_cycle_says_so(db) {
        let noord = noord(&db).await;
        let keys = test_keyring();
        let at = (noord.end, noord.sanne.user);
        propose(&db, &noord.ahmed, at, "4", Utc::now()).await.expect("proposed");
        calibrate(&db, &keys, &noord.ahmed, at, &because("4", "Zoals voorgesteld."), Utc::now()).await.expect("calibrated");
        let shown = evaluations::details(&db, &keys, &noord.sanne, at, TZ, during()).await.expect("hers").score;
        assert_eq!(shown, ScoreView { proposed: None, final_score: None, may_propose: false }, "hidden by default");
        let visible = CycleForm {
            name: "Gesprekscyclus 2027".into(),
            starts_on: "2027-01-01".into(),
            ends_on: "2027-12-31".into(),
            final_score_visible: Some("on".into()),
            ..Default::default()
        };
        cycles::update(&db, &noord.femke, noord.cycle, &visible).await.expect("visible");
        let shown = evaluations::details(&db, &keys, &noord.sanne, at, TZ, during()).await.expect("hers").score;
        assert_eq!(shown.final_score, Some(4));
        let his = evaluations::details(&db, &keys, &noord.ahmed, at, TZ, during()).await.expect("his").score;
        assert_eq!((his.proposed, his.final_score, his.may_propose), (Some(4), Some(4), true));
    }

    async fn only_admins_and_the_managers_above_someone_calibrate_them(db) {
        let noord = noord(&db).await;
        let keys = test_keyring();
        let at = (noord.end, noord.sanne.user);
        let form = because("3", "Reden.");
        assert_eq!(calibrate(&db, &keys, &noord.thomas, at, &form, Utc::now()).await, Err(AppError::NotFound));
        assert_eq!(board(&db, &keys, &noord.sanne, (None, None), (day(), TZ)).await, Err(AppError::Forbidden));
        let ruud = testing::scope(&db, noord.femke.org, "Ruud", Roles { manager: true, admin: false, auditor: false }).await;
        assert!(board(&db, &keys, &ruud, (None, None), (day(), TZ)).await.expect("his").units.is_empty(), "none of his people");
        assert_eq!(calibrate(&db, &keys, &ruud, at, &form, Utc::now()).await, Err(AppError::NotFound));
        let org = testing::organisation(&db, "Zorggroep Oost").await;
        let olga = testing::scope(&db, org, "Olga", Roles { manager: true, admin: true, auditor: false }).await;
        assert_eq!(calibrate(&db, &keys, &olga, at, &form, Utc::now()).await, Err(AppError::NotFound));
        assert_eq!(board(&db, &keys, &olga, (Some(noord.cycle), None), (day(), TZ)).await, Err(AppError::NotFound));
    }
}
