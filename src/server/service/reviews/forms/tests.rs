//! Review forms (issue 7): built question by question in two languages,
//! reordered, copied as a start for a new form, and out of reach of other
//! organisations. On SQLite and PostgreSQL.

use chrono::Utc;
use sea_orm::DatabaseConnection;

use super::*;
use crate::domain::roles::Roles;
use crate::server::testing::{self, for_each_backend};

async fn admin(db: &DatabaseConnection, organisation: &str) -> OrgScope {
    let org = testing::organisation(db, organisation).await;
    testing::scope(db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await
}

fn named(nl: &str, en: &str) -> BilingualForm {
    BilingualForm { name_nl: nl.into(), name_en: en.into(), ..Default::default() }
}

fn ask(kind: &str, nl: &str, en: &str) -> QuestionForm {
    QuestionForm { kind: kind.into(), text_nl: nl.into(), text_en: en.into(), ..Default::default() }
}

async fn texts(db: &DatabaseConnection, admin: &OrgScope, form: ReviewFormId) -> Vec<String> {
    details(db, admin, form).await.expect("details").questions.into_iter().map(|q| q.text.nl).collect()
}

for_each_backend! {
    async fn a_form_is_built_question_by_question_and_reordered(db) {
        let femke = admin(&db, "De Linde").await;
        let form = create(&db, &femke, &named("Eindgesprek", "End review"), Utc::now()).await.expect("form");
        let reflection = add_question(&db, &femke, form, &ask("open", "Waar ben je trots op?", "What are you proud of?")).await.expect("question");
        let rating = QuestionForm { scale: "4".into(), required: Some("on".into()), ..ask("rating", "Samenwerking", "Collaboration") };
        add_question(&db, &femke, form, &rating).await.expect("question");
        add_question(&db, &femke, form, &ask("goal_ratings", "Je doelen", "Your goals")).await.expect("question");
        assert_eq!(texts(&db, &femke, form).await, ["Waar ben je trots op?", "Samenwerking", "Je doelen"]);

        move_question(&db, &femke, reflection, false).await.expect("down");
        assert_eq!(texts(&db, &femke, form).await, ["Samenwerking", "Waar ben je trots op?", "Je doelen"]);
        let shown = details(&db, &femke, form).await.expect("details");
        assert_eq!((shown.questions[0].kind, shown.questions[0].scale, shown.questions[0].required), (QuestionKind::Rating, 4, true));
        assert_eq!(shown.questions[0].text.en, "Collaboration");

        update_question(&db, &femke, reflection, &ask("open", "Waar ben je het meest trots op?", "")).await.expect("changed");
        delete_question(&db, &femke, shown.questions[2].id).await.expect("deleted");
        assert_eq!(texts(&db, &femke, form).await, ["Samenwerking", "Waar ben je het meest trots op?"]);
        let refused = update_question(&db, &femke, reflection, &ask("essay", "", "")).await;
        assert!(matches!(refused, Err(AppError::Invalid { .. })));
        assert_eq!(texts(&db, &femke, form).await[1], "Waar ben je het meest trots op?", "nothing lost");
        assert_eq!(list(&db, &femke).await.expect("list")[0].questions, 2);
    }

    async fn a_copy_starts_a_new_form_and_leaves_the_original(db) {
        let femke = admin(&db, "De Linde").await;
        let form = create(&db, &femke, &named("Eindgesprek", "End review"), Utc::now()).await.expect("form");
        add_question(&db, &femke, form, &ask("open", "Terugblik", "Looking back")).await.expect("question");
        let copied = copy(&db, &femke, form, Utc::now()).await.expect("copy");
        add_question(&db, &femke, copied, &ask("competency_ratings", "Competenties", "Competencies")).await.expect("question");
        let names: Vec<(String, u32)> = list(&db, &femke).await.expect("list").into_iter().map(|f| (f.name.en, f.questions)).collect();
        assert_eq!(names, [("End review".to_owned(), 1), ("End review (copy)".to_owned(), 2)]);
        assert_eq!(details(&db, &femke, copied).await.expect("copy").form.name_nl, "Eindgesprek (kopie)");
    }

    async fn another_organisation_reaches_no_form(db) {
        let femke = admin(&db, "De Linde").await;
        let form = create(&db, &femke, &named("Eindgesprek", ""), Utc::now()).await.expect("form");
        let question = add_question(&db, &femke, form, &ask("open", "Terugblik", "")).await.expect("question");
        let olga = admin(&db, "Zorggroep Oost").await;
        assert!(list(&db, &olga).await.expect("theirs").is_empty());
        assert_eq!(details(&db, &olga, form).await, Err(AppError::NotFound));
        assert_eq!(copy(&db, &olga, form, Utc::now()).await, Err(AppError::NotFound));
        assert_eq!(add_question(&db, &olga, form, &ask("open", "Hoi", "")).await, Err(AppError::NotFound));
        assert_eq!(move_question(&db, &olga, question, true).await, Err(AppError::NotFound));
        assert_eq!(delete_question(&db, &olga, question).await, Err(AppError::NotFound));
        assert_eq!(delete(&db, &olga, form).await, Err(AppError::NotFound));
        assert_eq!(texts(&db, &femke, form).await, ["Terugblik"]);
    }
}
