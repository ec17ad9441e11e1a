//! Talent review (issue 7): a manager places their people in the 9-box;
//! nobody else places them; admins view it per unit; another organisation
//! sees nothing. On SQLite and PostgreSQL.

use chrono::Utc;

use super::*;
use crate::domain::roles::Roles;
use crate::server::service::reviews::test_fixture::noord;
use crate::server::service::structure;
use crate::server::testing::{self, for_each_backend};

fn day() -> NaiveDate {
    "2027-11-10".parse().expect("a date")
}

fn at(performance: &str, potential: &str) -> PlacementForm {
    PlacementForm { performance: performance.into(), potential: potential.into() }
}

fn placed(grid: &TalentGrid, performance: TalentLevel, potential: TalentLevel) -> Vec<String> {
    let found = grid.boxes.iter().find(|b| b.performance == performance && b.potential == potential);
    found.map(|b| b.people.iter().map(|p| p.name.clone()).collect()).unwrap_or_default()
}

for_each_backend! {
    async fn a_manager_places_their_people_and_may_move_them(db) {
        let noord = noord(&db).await;
        let before = grid(&db, &noord.ahmed, (None, None), day()).await.expect("his grid");
        assert_eq!(before.boxes.len(), 9);
        assert_eq!(before.unplaced.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Sanne"]);
        assert_eq!(before.placeable.len(), 1);
        let cycle = before.cycle;
        place(&db, &noord.ahmed, (cycle, noord.sanne.user), &at("high", "medium"), Utc::now()).await.expect("placed");
        let after = grid(&db, &noord.ahmed, (Some(cycle), None), day()).await.expect("his grid");
        assert_eq!(placed(&after, TalentLevel::High, TalentLevel::Medium), ["Sanne"]);
        assert!(after.unplaced.is_empty());
        place(&db, &noord.ahmed, (cycle, noord.sanne.user), &at("high", "high"), Utc::now()).await.expect("moved");
        let moved = grid(&db, &noord.ahmed, (Some(cycle), None), day()).await.expect("his grid");
        assert_eq!(placed(&moved, TalentLevel::High, TalentLevel::High), ["Sanne"]);
        assert!(placed(&moved, TalentLevel::High, TalentLevel::Medium).is_empty(), "in one box only");
        assert!(matches!(place(&db, &noord.ahmed, (cycle, noord.sanne.user), &at("top", "high"), Utc::now()).await,
            Err(AppError::Invalid { ref errors }) if errors[0].field == "performance"));
    }

    async fn only_the_manager_places_and_admins_view_per_unit(db) {
        let noord = noord(&db).await;
        let cycle = grid(&db, &noord.femke, (None, None), day()).await.expect("hers").cycle;
        for other in [&noord.femke, &noord.thomas, &noord.sanne] {
            assert_eq!(place(&db, other, (cycle, noord.sanne.user), &at("low", "low"), Utc::now()).await, Err(AppError::NotFound), "{}", other.name);
        }
        place(&db, &noord.ahmed, (cycle, noord.sanne.user), &at("medium", "high"), Utc::now()).await.expect("placed");
        let everyone = grid(&db, &noord.femke, (Some(cycle), None), day()).await.expect("hers");
        assert_eq!(placed(&everyone, TalentLevel::Medium, TalentLevel::High), ["Sanne"]);
        assert!(everyone.placeable.is_empty(), "an admin places nobody she does not manage");
        let elsewhere = structure::create(&db, &noord.femke, "Wijkteam West", None, Utc::now()).await.expect("unit");
        let narrowed = grid(&db, &noord.femke, (Some(cycle), Some(elsewhere)), day()).await.expect("hers");
        assert!(narrowed.boxes.iter().all(|b| b.people.is_empty()), "Sanne is not in West");
        assert_eq!(grid(&db, &noord.sanne, (None, None), day()).await, Err(AppError::Forbidden));
        let org = testing::organisation(&db, "Zorggroep Oost").await;
        let olga = testing::scope(&db, org, "Olga", Roles { manager: true, admin: true, auditor: false }).await;
        assert_eq!(grid(&db, &olga, (Some(cycle), None), day()).await, Err(AppError::NotFound));
        assert_eq!(place(&db, &olga, (cycle, noord.sanne.user), &at("low", "low"), Utc::now()).await, Err(AppError::NotFound));
    }
}
