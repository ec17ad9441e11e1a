//! The org chart as everyone sees it, level by level (issue 4).

use chrono::Utc;
use sea_orm::DatabaseConnection;

use super::*;
use crate::domain::roles::Roles;
use crate::server::service::structure;
use crate::server::testing::{self, for_each_backend};

const ADMIN: Roles = Roles { manager: false, admin: true, auditor: false };

struct Linde {
    admin: OrgScope,
    head: OrgScope,
    nurse: OrgScope,
    care: UnitId,
    north: UnitId,
}

/// Zorg (managed by the director) → Wijkteam Noord (head, with a nurse).
async fn linde(db: &DatabaseConnection) -> Linde {
    let org = testing::organisation(db, "De Linde").await;
    let scope = |user, name: &str, roles| OrgScope { org, user, name: name.into(), roles };
    let admin = scope(testing::member(db, org, "Femke Jansen", ADMIN).await.0, "Femke Jansen", ADMIN);
    let head = scope(
        testing::member(db, org, "Ahmed El Amrani", Roles::default()).await.0,
        "Ahmed El Amrani",
        Roles::default(),
    );
    let nurse = scope(
        testing::member(db, org, "Sanne de Vries", Roles::default()).await.0,
        "Sanne de Vries",
        Roles::default(),
    );
    let now = Utc::now();
    let care = structure::create(db, &admin, "Zorg", None, now).await.expect("care");
    let north = structure::create(db, &admin, "Wijkteam Noord", Some(care), now).await.expect("north");
    structure::set_manager(db, &admin, north, head.user, true, now).await.expect("head");
    structure::add_member(db, &admin, north, head.user, true, now).await.expect("head member");
    structure::add_member(db, &admin, north, nurse.user, true, now).await.expect("nurse");
    Linde { admin, head, nurse, care, north }
}

for_each_backend! {
    async fn the_chart_opens_one_level_at_a_time(db) {
        let linde = linde(&db).await;
        let top = level(&db, &linde.nurse, None).await.expect("top");
        assert_eq!(top.sub_units.iter().map(|u| (u.name.as_str(), u.sub_unit_count)).collect::<Vec<_>>(), [("Zorg", 1)]);
        assert!(top.members.is_empty() && top.unit.is_none());

        let opened = level(&db, &linde.nurse, Some(linde.north)).await.expect("north");
        assert_eq!(opened.path.iter().map(|u| u.id).collect::<Vec<_>>(), [linde.care]);
        let unit = opened.unit.expect("the opened unit");
        assert_eq!(unit.managers.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["Ahmed El Amrani"]);
        assert_eq!(opened.members.iter().map(|m| m.person.name.as_str()).collect::<Vec<_>>(), ["Ahmed El Amrani", "Sanne de Vries"]);
    }

    async fn search_finds_people_and_units_by_part_of_the_name_in_any_case(db) {
        let linde = linde(&db).await;
        let found = search(&db, &linde.nurse, "  VRIES ").await.expect("search");
        assert_eq!(found.people.len(), 1);
        assert_eq!(found.people[0].units.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), ["Wijkteam Noord"]);
        let units = search(&db, &linde.nurse, "noord").await.expect("search");
        assert_eq!(units.units.iter().map(|u| u.id).collect::<Vec<_>>(), [linde.north]);
        assert_eq!(search(&db, &linde.nurse, "%").await.expect("search"), ChartSearch::default(), "wildcards are not searched for");

        // By job function too, in either language.
        let function = crate::domain::dto::BilingualForm { name_nl: "Wijkverpleegkundige".into(), name_en: "District nurse".into(), ..Default::default() };
        let nurse_function = crate::server::service::functions::create(&db, &linde.admin, &function, Utc::now()).await.expect("function");
        crate::server::service::functions::assign(&db, &linde.admin, linde.nurse.user, Some(nurse_function)).await.expect("assigned");
        let by_function = search(&db, &linde.head, "district").await.expect("search");
        assert_eq!(by_function.people.iter().map(|p| p.person.id).collect::<Vec<_>>(), [linde.nurse.user]);
        assert_eq!(by_function.people[0].function.as_ref().map(|f| f.nl.as_str()), Some("Wijkverpleegkundige"));
    }

    async fn a_manager_sees_exactly_their_team(db) {
        let linde = linde(&db).await;
        let team_of_head = team(&db, &linde.head).await.expect("team");
        assert_eq!(team_of_head.iter().map(|m| (m.person.name.as_str(), m.unit.as_deref())).collect::<Vec<_>>(), [("Sanne de Vries", Some("Wijkteam Noord"))]);
        assert!(team(&db, &linde.nurse).await.expect("team").is_empty());
        assert!(team(&db, &linde.admin).await.expect("team").is_empty(), "administering is not managing");
    }

    async fn the_reports_of_reports_show_only_when_the_organisation_allows_it(db) {
        let linde = linde(&db).await;
        let (director, _) = testing::member(&db, linde.admin.org, "Directeur", Roles::default()).await;
        let director = OrgScope { org: linde.admin.org, user: director, name: "Directeur".into(), roles: Roles::default() };
        structure::set_manager(&db, &linde.admin, linde.care, director.user, true, Utc::now()).await.expect("director");
        structure::add_member(&db, &linde.admin, linde.care, director.user, true, Utc::now()).await.expect("member");
        let shown = |team: Vec<TeamMember>| team.into_iter().map(|m| (m.person.name, m.reports_to.map(|r| r.name))).collect::<Vec<_>>();

        let direct = shown(team(&db, &director).await.expect("team"));
        assert_eq!(direct, [("Ahmed El Amrani".to_owned(), None)], "the head of the unit below reports to the director");

        settings::set_for_organisation(&db, &linde.admin, Setting::IndirectReports, Some("on"), Utc::now()).await.expect("allowed");
        let with_indirect = shown(team(&db, &director).await.expect("team"));
        assert_eq!(with_indirect, [
            ("Ahmed El Amrani".to_owned(), None),
            ("Sanne de Vries".to_owned(), Some("Ahmed El Amrani".to_owned())),
        ]);
    }

    async fn another_organisation_sees_nothing_of_it(db) {
        let linde = linde(&db).await;
        let other = testing::organisation(&db, "Het Baken").await;
        let (stranger, _) = testing::member(&db, other, "Vreemde", Roles::default()).await;
        let stranger = OrgScope { org: other, user: stranger, name: "Vreemde".into(), roles: Roles::default() };
        assert!(level(&db, &stranger, None).await.expect("own top").sub_units.is_empty());
        assert_eq!(level(&db, &stranger, Some(linde.north)).await.err(), Some(AppError::NotFound));
        assert_eq!(search(&db, &stranger, "Sanne").await.expect("search"), ChartSearch::default());
    }
}
