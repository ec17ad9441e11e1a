//! Goal templates (issue 5): an admin gives a goal to a unit or function
//! once; each person gets one copy per year, however often it is given;
//! the template's texts are sealed; only admins of the organisation touch
//! templates. On SQLite and PostgreSQL.

use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::tests::{YEAR, goals_of, linde};
use super::*;
use crate::domain::dto::{AssignTemplateForm, GoalTemplateForm, KeyResultForm};
use crate::domain::roles::Roles;
use crate::server::entity::{goal_template, notification};
use crate::server::service::{core_values, functions, structure};
use crate::server::testing::{self, for_each_backend, test_keyring};

fn onboarding_template() -> GoalTemplateForm {
    GoalTemplateForm {
        kind: "performance".into(),
        title: "BHV-diploma halen".into(),
        description: "Iedereen in de zorg heeft een geldig BHV-diploma.".into(),
        key_results: vec![
            KeyResultForm { title: "E-learning afgerond".into(), start: "0".into(), target: "1".into() },
            KeyResultForm { title: "Praktijkdag".into(), start: "0".into(), target: "1".into() },
        ],
        ..Default::default()
    }
}

fn to_unit(unit: UnitId) -> AssignTemplateForm {
    AssignTemplateForm { to: format!("unit:{unit}"), year: YEAR.into(), due_on: "2027-06-30".into() }
}

const URL: &str = "https://koers.example";

for_each_backend! {
    async fn each_person_in_a_unit_and_below_gets_one_copy_however_often_it_is_given(db) {
        let linde = linde(&db).await;
        let keys = test_keyring();
        let now = Utc::now();
        let template = create_template(&db, &keys, &linde.femke, &onboarding_template(), now).await.expect("template");

        // Zorg holds Noord (Ahmed, Sanne, Kevin) and Zuid (Thomas).
        let given = assign(&db, &keys, &linde.femke, template, &to_unit(linde.care), URL, now).await.expect("given");
        assert_eq!((given.created, given.already), (4, 0));
        let again = assign(&db, &keys, &linde.femke, template, &to_unit(linde.north), URL, now).await.expect("again");
        assert_eq!((again.created, again.already), (0, 3), "nobody gets a second copy");

        // Sanne's copy is hers to track: the texts, key results and due date of the template.
        assert_eq!(goals_of(&db, &linde.sanne, &linde.sanne).await, ["BHV-diploma halen"]);
        let query = GoalQuery { owner: Some(linde.sanne.user), ..Default::default() };
        let copy = list(&db, &keys, &linde.sanne, &query, now).await.expect("list").remove(0);
        assert_eq!(copy.key_results.iter().map(|r| r.title.as_str()).collect::<Vec<_>>(), ["E-learning afgerond", "Praktijkdag"]);
        assert_eq!((copy.due_on.as_deref(), copy.year, copy.progress), (Some("2027-06-30"), 2027, 0));
        assert_eq!(copy.visibility, crate::domain::goals::GoalVisibility::Manager, "the organisation's default");
        assert!(copy.editable, "she posts check-ins on it");
        let told = notification::Entity::find()
            .filter(notification::Column::UserId.eq(linde.sanne.user.0))
            .filter(notification::Column::Kind.eq("goal_assigned"))
            .count(&db)
            .await
            .expect("count");
        assert_eq!(told, 1, "she is told once");

        // A newcomer in Zuid gets one when the assignment is given again.
        let (newcomer, _) = testing::member(&db, linde.femke.org, "Nadia", Roles::default()).await;
        let south = structure::tree(&db, &linde.femke).await.expect("tree").into_iter().find(|u| u.name == "Wijkteam Zuid").expect("Zuid").id;
        structure::add_member(&db, &linde.femke, south, newcomer, true, now).await.expect("member");
        let details = template_details(&db, &keys, &linde.femke, template, chrono_tz::Europe::Amsterdam).await.expect("details");
        assert_eq!(details.assignments.len(), 2);
        let first = details.assignments.last().expect("first").id.parse().expect("id");
        let newcomers = assign_again(&db, &keys, &linde.femke, first, URL, now).await.expect("again");
        assert_eq!((newcomers.created, newcomers.already), (1, 4));
        assert_eq!(template_details(&db, &keys, &linde.femke, template, chrono_tz::Europe::Amsterdam).await.expect("details").template.copies, 5);

        // Another year is another copy.
        let next_year = AssignTemplateForm { year: "2028".into(), ..to_unit(linde.north) };
        assert_eq!(assign(&db, &keys, &linde.femke, template, &next_year, URL, now).await.expect("2028").created, 3);
    }

    async fn a_template_reaches_everyone_with_a_function(db) {
        let linde = linde(&db).await;
        let keys = test_keyring();
        let now = Utc::now();
        let nurse = functions::create(&db, &linde.femke, &crate::domain::dto::BilingualForm { name_nl: "Wijkverpleegkundige".into(), name_en: "District nurse".into(), ..Default::default() }, now).await.expect("function");
        for person in [&linde.sanne, &linde.thomas] {
            functions::assign(&db, &linde.femke, person.user, Some(nurse)).await.expect("function");
        }
        let value = core_values::create(&db, &linde.femke, &crate::domain::dto::BilingualForm { name_nl: "Betrokken".into(), name_en: "Involved".into(), ..Default::default() }, now).await.expect("value");
        let form = GoalTemplateForm { kind: "development".into(), develops: value.to_string(), title: "Vaker doorvragen".into(), ..Default::default() };
        let template = create_template(&db, &keys, &linde.femke, &form, now).await.expect("template");
        let to_nurses = AssignTemplateForm { to: format!("function:{nurse}"), year: YEAR.into(), due_on: String::new() };
        assert_eq!(assign(&db, &keys, &linde.femke, template, &to_nurses, URL, now).await.expect("given").created, 2);
        assert_eq!(goals_of(&db, &linde.thomas, &linde.thomas).await, ["Vaker doorvragen"]);
        assert!(goals_of(&db, &linde.kevin, &linde.kevin).await.is_empty(), "not a nurse");
    }

    async fn changing_or_deleting_a_template_leaves_the_copies_alone(db) {
        let linde = linde(&db).await;
        let keys = test_keyring();
        let now = Utc::now();
        let template = create_template(&db, &keys, &linde.femke, &onboarding_template(), now).await.expect("template");
        assign(&db, &keys, &linde.femke, template, &to_unit(linde.north), URL, now).await.expect("given");
        let renamed = GoalTemplateForm { title: "EHBO-diploma halen".into(), ..onboarding_template() };
        update_template(&db, &keys, &linde.femke, template, &renamed, now).await.expect("renamed");
        assert_eq!(templates(&db, &keys, &linde.femke).await.expect("list")[0].title, "EHBO-diploma halen");
        assert_eq!(goals_of(&db, &linde.kevin, &linde.kevin).await, ["BHV-diploma halen"]);

        delete_template(&db, &linde.femke, template).await.expect("deleted");
        assert_eq!(goals_of(&db, &linde.kevin, &linde.kevin).await, ["BHV-diploma halen"], "the copy stays his");
        assert!(templates(&db, &keys, &linde.femke).await.expect("list").is_empty());
    }

    async fn only_admins_of_the_organisation_touch_templates_and_their_texts_are_sealed(db) {
        let linde = linde(&db).await;
        let keys = test_keyring();
        let now = Utc::now();
        assert_eq!(create_template(&db, &keys, &linde.ahmed, &onboarding_template(), now).await, Err(AppError::Forbidden), "a manager may not");
        let template = create_template(&db, &keys, &linde.femke, &onboarding_template(), now).await.expect("template");
        assert_eq!(assign(&db, &keys, &linde.ahmed, template, &to_unit(linde.north), URL, now).await, Err(AppError::Forbidden));

        let other = testing::organisation(&db, "Zorggroep Oost").await;
        let (stranger, _) = testing::member(&db, other, "Olga", Roles { manager: false, admin: true, auditor: false }).await;
        let stranger = OrgScope { org: other, user: stranger, name: "Olga".into(), roles: Roles { manager: false, admin: true, auditor: false } };
        assert_eq!(template_details(&db, &keys, &stranger, template, chrono_tz::Europe::Amsterdam).await.err(), Some(AppError::NotFound));
        assert_eq!(assign(&db, &keys, &stranger, template, &to_unit(linde.north), URL, now).await, Err(AppError::NotFound));
        let theirs = create_template(&db, &keys, &stranger, &onboarding_template(), now).await.expect("theirs");
        assert_eq!(assign(&db, &keys, &stranger, theirs, &to_unit(linde.north), URL, now).await.err().map(|e| matches!(e, AppError::Invalid { .. })), Some(true), "not their unit");

        let bad = GoalTemplateForm { kind: "organisation".into(), title: " ".into(), ..Default::default() };
        assert!(matches!(create_template(&db, &keys, &linde.femke, &bad, now).await, Err(AppError::Invalid { ref errors }) if errors.len() == 2));

        let row = goal_template::Entity::find_by_id(template.0).one(&db).await.expect("read").expect("row");
        for sealed in [&row.title, &row.description, &row.key_results] {
            assert!(!String::from_utf8_lossy(sealed).contains("BHV") && !String::from_utf8_lossy(sealed).contains("E-learning"), "sealed");
        }
    }
}
