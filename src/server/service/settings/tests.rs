//! Cascading settings (issue 4): a unit's choice holds below it until a
//! unit further down chooses otherwise, on SQLite and PostgreSQL.

use chrono::Utc;
use sea_orm::DatabaseConnection;

use super::*;
use crate::domain::roles::Roles;
use crate::server::service::structure;
use crate::server::testing::{self, for_each_backend};

const ADMIN: Roles = Roles { manager: false, admin: true, auditor: false };

async fn admin(db: &DatabaseConnection) -> OrgScope {
    let org = testing::organisation(db, "De Linde").await;
    let (user, _) = testing::member(db, org, "Femke", ADMIN).await;
    OrgScope { org, user, name: "Femke".into(), roles: ADMIN }
}

/// Zorg → Wijkteam Noord → Team Noord-Oost, and someone in the lowest unit.
async fn three_levels(db: &DatabaseConnection, admin: &OrgScope) -> ([UnitId; 3], UserId) {
    let now = Utc::now();
    let care = structure::create(db, admin, "Zorg", None, now).await.expect("top");
    let north = structure::create(db, admin, "Wijkteam Noord", Some(care), now).await.expect("department");
    let north_east = structure::create(db, admin, "Team Noord-Oost", Some(north), now).await.expect("team");
    let (sanne, _) = testing::member(db, admin.org, "Sanne", Roles::default()).await;
    structure::add_member(db, admin, north_east, sanne, true, now).await.expect("member");
    ([care, north, north_east], sanne)
}

fn row(rows: &[SettingRow], setting: Setting) -> &SettingRow {
    rows.iter().find(|row| row.setting == setting).expect("listed")
}

for_each_backend! {
    async fn a_choice_cascades_down_until_a_unit_overrides_it(db) {
        let admin = admin(&db).await;
        let ([care, north, north_east], sanne) = three_levels(&db, &admin).await;
        let surveys = || for_person(&db, admin.org, sanne, Setting::Surveys);
        assert_eq!(surveys().await.expect("value"), "on", "Koers's default");

        set_for_organisation(&db, &admin, Setting::Surveys, Some("off"), Utc::now()).await.expect("set");
        assert_eq!(surveys().await.expect("value"), "off", "the organisation's choice");

        set_for_unit(&db, &admin, care, Setting::Surveys, Some("on"), Utc::now()).await.expect("set");
        assert_eq!(surveys().await.expect("value"), "on", "the top unit's choice reaches two levels down");
        let rows = unit_rows(&db, &admin, north_east).await.expect("rows");
        assert_eq!(row(&rows, Setting::Surveys).own, None);
        assert_eq!(row(&rows, Setting::Surveys).source, SettingSource::Unit { id: care, name: "Zorg".into() });

        set_for_unit(&db, &admin, north, Setting::Surveys, Some("off"), Utc::now()).await.expect("set");
        assert_eq!(surveys().await.expect("value"), "off", "the nearest unit above wins");
        let rows = unit_rows(&db, &admin, care).await.expect("rows");
        assert_eq!(row(&rows, Setting::Surveys).effective, "on", "a choice below does not climb up");

        set_for_unit(&db, &admin, north, Setting::Surveys, None, Utc::now()).await.expect("inherit again");
        assert_eq!(surveys().await.expect("value"), "on");
        let rows = unit_rows(&db, &admin, north).await.expect("rows");
        assert_eq!(row(&rows, Setting::Surveys).own, None);
        assert_eq!(row(&rows, Setting::Goals).source, SettingSource::Default);
    }

    async fn organisation_only_settings_are_not_offered_per_unit(db) {
        let admin = admin(&db).await;
        let ([care, ..], sanne) = three_levels(&db, &admin).await;
        assert!(unit_rows(&db, &admin, care).await.expect("rows").iter().all(|row| row.setting != Setting::IndirectReports));
        assert_eq!(set_for_unit(&db, &admin, care, Setting::IndirectReports, Some("on"), Utc::now()).await, Err(AppError::NotFound));
        set_for_organisation(&db, &admin, Setting::IndirectReports, Some("on"), Utc::now()).await.expect("set");
        assert_eq!(for_person(&db, admin.org, sanne, Setting::IndirectReports).await.expect("value"), "on");
        let rows = organisation_rows(&db, &admin).await.expect("rows");
        assert_eq!(row(&rows, Setting::IndirectReports).own.as_deref(), Some("on"));
    }

    async fn a_value_that_is_not_offered_is_refused_and_nothing_changes(db) {
        let admin = admin(&db).await;
        set_for_organisation(&db, &admin, Setting::GoalVisibility, Some("team"), Utc::now()).await.expect("set");
        let refused = set_for_organisation(&db, &admin, Setting::GoalVisibility, Some("everyone"), Utc::now()).await;
        assert!(matches!(refused, Err(AppError::Invalid { ref errors }) if errors[0].problem == Problem::NotAChoice));
        assert_eq!(for_organisation(&db, admin.org, Setting::GoalVisibility).await.expect("value"), "team");
    }

    async fn another_organisation_can_neither_read_nor_change_a_units_settings(db) {
        let admin = admin(&db).await;
        let intruder = self::admin(&db).await;
        let ([care, ..], sanne) = three_levels(&db, &admin).await;
        assert_eq!(unit_rows(&db, &intruder, care).await, Err(AppError::NotFound));
        assert_eq!(set_for_unit(&db, &intruder, care, Setting::Goals, Some("off"), Utc::now()).await, Err(AppError::NotFound));
        set_for_organisation(&db, &intruder, Setting::Goals, Some("off"), Utc::now()).await.expect("their own");
        assert_eq!(for_person(&db, admin.org, sanne, Setting::Goals).await.expect("value"), "on", "untouched");
    }
}
