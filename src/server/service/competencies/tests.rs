//! Competencies with levels, asked of functions and units (issue 4), and
//! core values, on SQLite and PostgreSQL.

use chrono::Utc;
use sea_orm::DatabaseConnection;

use super::*;
use crate::domain::dto::BilingualForm;
use crate::domain::roles::Roles;
use crate::i18n::Lang;
use crate::server::service::{core_values, functions, structure};
use crate::server::testing::{self, for_each_backend};

const ADMIN: Roles = Roles { manager: false, admin: true, auditor: false };

async fn admin(db: &DatabaseConnection) -> OrgScope {
    let org = testing::organisation(db, "De Linde").await;
    let (user, _) = testing::member(db, org, "Femke", ADMIN).await;
    OrgScope { org, user, name: "Femke".into(), roles: ADMIN }
}

fn named(nl: &str, en: &str) -> BilingualForm {
    BilingualForm { name_nl: nl.into(), name_en: en.into(), ..Default::default() }
}

fn level(nl: &str, indicators_nl: &str) -> CompetencyLevelForm {
    CompetencyLevelForm { name_nl: nl.into(), indicators_nl: indicators_nl.into(), ..Default::default() }
}

fn scope(functions: &[FunctionId], units: &[UnitId]) -> CompetencyScopeForm {
    CompetencyScopeForm {
        functions: functions.iter().map(ToString::to_string).collect(),
        units: units.iter().map(ToString::to_string).collect(),
    }
}

for_each_backend! {
    async fn a_competency_has_levels_with_behavioural_indicators(db) {
        let admin = admin(&db).await;
        let listening = create(&db, &admin, &named("Luisteren", "Listening"), Utc::now()).await.expect("created");
        add_level(&db, &admin, listening, &level("Basis", "Laat de ander uitpraten\n\nVat samen")).await.expect("level 1");
        let middle = add_level(&db, &admin, listening, &level("Gevorderd", "Vraagt door")).await.expect("level 2");
        add_level(&db, &admin, listening, &level("Expert", "Coacht anderen")).await.expect("level 3");

        let competency = list(&db, admin.org).await.expect("list").pop().expect("one");
        assert_eq!(competency.name(Lang::En), "Listening");
        let levels: Vec<(u32, &str)> = competency.levels.iter().map(|l| (l.position, l.name(Lang::En))).collect();
        assert_eq!(levels, [(1, "Basis"), (2, "Gevorderd"), (3, "Expert")], "English falls back to Dutch");
        assert_eq!(competency.levels[0].indicators(Lang::Nl), ["Laat de ander uitpraten", "Vat samen"], "one per line, blank lines skipped");

        delete_level(&db, &admin, middle).await.expect("deleted");
        let levels: Vec<(u32, String)> = list(&db, admin.org).await.expect("list")[0].levels.iter().map(|l| (l.position, l.name_nl.clone())).collect();
        assert_eq!(levels, [(1, "Basis".to_owned()), (2, "Expert".to_owned())], "the levels above move down");

        let nameless = add_level(&db, &admin, listening, &level(" ", "")).await;
        assert!(matches!(nameless, Err(AppError::Invalid { ref errors }) if errors[0].field == "name_nl"));
    }

    async fn a_competency_is_asked_of_a_function_or_of_a_unit_and_everything_below_it(db) {
        let admin = admin(&db).await;
        let now = Utc::now();
        let nurse = functions::create(&db, &admin, &named("Verpleegkundige", "Nurse"), now).await.expect("function");
        let care = structure::create(&db, &admin, "Zorg", None, now).await.expect("unit");
        let north = structure::create(&db, &admin, "Wijkteam Noord", Some(care), now).await.expect("unit");
        let staff = structure::create(&db, &admin, "Staf", None, now).await.expect("unit");
        let (sanne, _) = testing::member(&db, admin.org, "Sanne", Roles::default()).await;
        functions::assign(&db, &admin, sanne, Some(nurse)).await.expect("assigned");
        structure::add_member(&db, &admin, north, sanne, true, now).await.expect("member");

        let wound_care = create(&db, &admin, &named("Wondzorg", ""), now).await.expect("created");
        set_scope(&db, &admin, wound_care, &scope(&[nurse], &[])).await.expect("scope");
        let client_focus = create(&db, &admin, &named("Klantgericht", ""), now).await.expect("created");
        set_scope(&db, &admin, client_focus, &scope(&[], &[care])).await.expect("scope");
        let budgeting = create(&db, &admin, &named("Begroten", ""), now).await.expect("created");
        set_scope(&db, &admin, budgeting, &scope(&[], &[staff])).await.expect("scope");

        let hers: Vec<String> = for_person(&db, admin.org, sanne).await.expect("hers").into_iter().map(|c| c.name_nl).collect();
        assert_eq!(hers, ["Klantgericht", "Wondzorg"], "by function, and by a unit above hers; not another unit's");

        set_scope(&db, &admin, client_focus, &scope(&[], &[])).await.expect("nobody in particular");
        let hers: Vec<String> = for_person(&db, admin.org, sanne).await.expect("hers").into_iter().map(|c| c.name_nl).collect();
        assert_eq!(hers, ["Wondzorg"], "the scope is replaced, not added to");
    }

    async fn another_organisation_cannot_see_change_or_borrow_them(db) {
        let admin = admin(&db).await;
        let intruder = self::admin(&db).await;
        let now = Utc::now();
        let listening = create(&db, &admin, &named("Luisteren", ""), now).await.expect("created");
        let basic = add_level(&db, &admin, listening, &level("Basis", "")).await.expect("level");
        let value = core_values::create(&db, &admin, &named("Betrokken", "Involved"), now).await.expect("value");
        let their_unit = structure::create(&db, &intruder, "Hun team", None, now).await.expect("unit");

        assert!(list(&db, intruder.org).await.expect("list").is_empty());
        assert!(core_values::list(&db, intruder.org).await.expect("list").is_empty());
        assert_eq!(update(&db, &intruder, listening, &named("Kaping", "")).await, Err(AppError::NotFound));
        assert_eq!(delete(&db, &intruder, listening).await, Err(AppError::NotFound));
        assert_eq!(add_level(&db, &intruder, listening, &level("Kaping", "")).await.err(), Some(AppError::NotFound));
        assert_eq!(update_level(&db, &intruder, basic, &level("Kaping", "")).await, Err(AppError::NotFound));
        assert_eq!(delete_level(&db, &intruder, basic).await, Err(AppError::NotFound));
        assert_eq!(core_values::update(&db, &intruder, value, &named("Kaping", "")).await, Err(AppError::NotFound));
        assert_eq!(core_values::delete(&db, &intruder, value).await, Err(AppError::NotFound));
        assert_eq!(set_scope(&db, &intruder, listening, &scope(&[], &[])).await, Err(AppError::NotFound));

        let borrowed = set_scope(&db, &admin, listening, &scope(&[], &[their_unit])).await;
        assert!(matches!(borrowed, Err(AppError::Invalid { ref errors }) if errors[0].field == "units" && errors[0].problem == Problem::NotAChoice), "another organisation's unit");
        assert_eq!(list(&db, admin.org).await.expect("list")[0].levels.len(), 1, "nothing changed");
    }

    async fn core_values_are_kept_in_the_order_they_were_added(db) {
        let admin = admin(&db).await;
        let now = Utc::now();
        core_values::create(&db, &admin, &named("Betrokken", "Involved"), now).await.expect("value");
        let second = core_values::create(&db, &admin, &named("Eerlijk", ""), now + chrono::Duration::seconds(1)).await.expect("value");
        core_values::update(&db, &admin, second, &named("Open", "Open")).await.expect("renamed");
        let names: Vec<String> = core_values::list(&db, admin.org).await.expect("list").iter().map(|v| v.name(Lang::En).to_owned()).collect();
        assert_eq!(names, ["Involved", "Open"]);
        core_values::delete(&db, &admin, second).await.expect("deleted");
        assert_eq!(core_values::list(&db, admin.org).await.expect("list").len(), 1);
    }
}
