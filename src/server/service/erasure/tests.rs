//! Erasure of a person (GDPR art. 17, DPA 3.G) in the demo organisation,
//! proven on a full dump of the database. On SQLite and PostgreSQL.

use sea_orm::{ActiveModelTrait, PaginatorTrait, Set};

use super::*;
use crate::domain::ids::OrgId;
use crate::domain::roles::Roles;
use crate::server::entity::{dpa_acceptance, private_note};
use crate::server::testing::{self, for_each_backend};

fn form(authored: AuthoredContent, confirmation: &str) -> ErasureForm {
    ErasureForm { authored: authored.code().into(), confirmation: confirmation.into() }
}

async fn feedback_given_by(db: &DatabaseConnection, person: uuid::Uuid) -> u64 {
    feedback::Entity::find().filter(feedback::Column::GiverId.eq(person)).count(db).await.expect("count")
}

async fn feedback_of(db: &DatabaseConnection, org: OrgId) -> u64 {
    feedback::Entity::find().filter(feedback::Column::OrgId.eq(org.0)).count(db).await.expect("count")
}

/// Tables that may keep the erased account's id (never its name): the
/// audit log, and who created a goal or assigned a template, which say
/// nothing once the account is gone.
const ID_KEPT_IN: &[&str] = &["audit_event", "goal", "goal_template_assignment"];

for_each_backend! {
    async fn dpa_3g_art_17_no_trace_of_an_erased_person_remains_in_the_database(db) {
        let keys = testing::test_keyring();
        let demo = testing::demo(&db, &keys).await;
        let person = demo.person.clone();
        assert!(testing::dump(&db).await.iter().any(|row| row.text.contains(&person.name)), "there is something to find");
        let given = feedback_given_by(&db, person.id).await;
        let feedback_before = feedback_of(&db, demo.org).await;
        let received = feedback::Entity::find().filter(feedback::Column::RecipientId.eq(person.id)).count(&db).await.expect("count");
        assert!(given > 0 && received > 0);

        let outcome = erase(&db, &demo.admin, UserId(person.id), &form(AuthoredContent::Anonymise, &person.name), (&std::env::temp_dir(), &demo.storage), Utc::now())
            .await
            .expect("erased");

        assert_eq!(outcome, ErasureOutcome { name: person.name.clone(), traces: vec![] }, "the erasure's own check");
        let needles = needles(&person);
        assert!(needles.len() >= 2, "name and e-mail address at least: {needles:?}");
        for row in testing::dump(&db).await {
            let text = row.text.to_lowercase();
            for needle in &needles {
                assert!(!text.contains(&needle.to_lowercase()), "{needle} left in {}: {}", row.table, row.text);
            }
            if !ID_KEPT_IN.contains(&row.table.as_str()) {
                assert!(!text.contains(&person.id.to_string()) && !text.contains(&person.id.simple().to_string()),
                    "the id left in {}: {}", row.table, row.text);
            }
        }
        assert_eq!(feedback_of(&db, demo.org).await, feedback_before - received, "what they gave stays");
        assert_eq!(feedback_given_by(&db, person.id).await, 0, "without their name");
        let review_of_colleague = review_nomination::Entity::find()
            .filter(review_nomination::Column::EmployeeId.eq(demo.admin.user.0))
            .one(&db)
            .await
            .expect("read")
            .expect("the review they wrote for a colleague stays");
        assert_eq!((review_of_colleague.reviewer_id, review_of_colleague.answers.is_some()), (None, true));
        assert_eq!(private_note::Entity::find().filter(private_note::Column::SubjectId.eq(person.id)).count(&db).await.expect("count"), 0);
        let logged = crate::server::entity::audit_event::Entity::find()
            .filter(crate::server::entity::audit_event::Column::Action.eq("user.erased"))
            .count(&db)
            .await
            .expect("count");
        assert_eq!(logged, 1, "the erasure is in the audit log");
    }

    async fn dpa_3g_art_17_the_admin_may_delete_what_the_person_wrote_for_others(db) {
        let keys = testing::test_keyring();
        let demo = testing::demo(&db, &keys).await;
        let person = demo.person.clone();
        let feedback_before = feedback_of(&db, demo.org).await;
        let given = feedback_given_by(&db, person.id).await;
        let received = feedback::Entity::find().filter(feedback::Column::RecipientId.eq(person.id)).count(&db).await.expect("count");

        erase(&db, &demo.admin, UserId(person.id), &form(AuthoredContent::Delete, &person.name), (&std::env::temp_dir(), &demo.storage), Utc::now()).await.expect("erased");

        assert_eq!(feedback_of(&db, demo.org).await, feedback_before - received - given);
        let reviews = review_nomination::Entity::find().filter(review_nomination::Column::ReviewerId.eq(person.id)).count(&db).await.expect("count");
        assert_eq!(reviews, 0);
    }

    async fn dpa_3g_art_17_the_check_reports_a_trace_kept_for_another_reason(db) {
        let keys = testing::test_keyring();
        let demo = testing::demo(&db, &keys).await;
        let person = demo.person.clone();
        // The person signed the processing agreement for the organisation:
        // that record is the organisation's evidence and stays.
        dpa_acceptance::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            org_id: Set(demo.org.0),
            agreement_version: Set("2026-1".into()),
            signer_name: Set(person.name.clone()),
            signer_function: Set("Directeur".into()),
            signed_on: Set(Utc::now().date_naive()),
            signed_at: Set("Utrecht".into()),
            recorded_by: Set(demo.admin.user.0),
            recorded_at: Set(Utc::now()),
        }
        .insert(&db)
        .await
        .expect("signed");

        let outcome = erase(&db, &demo.admin, UserId(person.id), &form(AuthoredContent::Anonymise, &person.name), (&std::env::temp_dir(), &demo.storage), Utc::now())
            .await
            .expect("erased");
        assert_eq!(outcome.traces, vec![TraceCount { table: "dpa_acceptance".into(), rows: 1 }]);
    }

    async fn dpa_3g_art_17_erasure_is_confirmed_by_name_and_only_by_an_admin_of_the_organisation(db) {
        let org = testing::organisation(&db, "De Linde").await;
        let femke = testing::scope(&db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await;
        let (bram, _) = testing::member(&db, org, "Bram", Roles::default()).await;
        let now = Utc::now();

        let typo = erase(&db, &femke, bram, &form(AuthoredContent::Anonymise, "Bran"), (&std::env::temp_dir(), &testing::local_storage()), now).await;
        assert_eq!(typo, Err(AppError::invalid("confirmation", Problem::NameMismatch)));
        let unknown = ErasureForm { authored: "shred".into(), confirmation: "Bram".into() };
        assert_eq!(erase(&db, &femke, bram, &unknown, (&std::env::temp_dir(), &testing::local_storage()), now).await, Err(AppError::invalid("authored", Problem::NotAChoice)));
        let oneself = erase(&db, &femke, femke.user, &form(AuthoredContent::Delete, "Femke"), (&std::env::temp_dir(), &testing::local_storage()), now).await;
        assert_eq!(oneself, Err(AppError::Forbidden));
        let colleague = OrgScope { roles: Roles::default(), ..femke.clone() };
        assert_eq!(erase(&db, &colleague, bram, &form(AuthoredContent::Delete, "Bram"), (&std::env::temp_dir(), &testing::local_storage()), now).await, Err(AppError::Forbidden));
        let other = testing::organisation(&db, "Zorggroep Oost").await;
        let ilse = testing::scope(&db, other, "Ilse", Roles { manager: false, admin: true, auditor: false }).await;
        assert_eq!(erase(&db, &ilse, bram, &form(AuthoredContent::Delete, "Bram"), (&std::env::temp_dir(), &testing::local_storage()), now).await, Err(AppError::NotFound));
        assert!(user_account::Entity::find_by_id(bram.0).one(&db).await.expect("read").is_some(), "nobody was erased");

        let outcome = erase(&db, &femke, bram, &form(AuthoredContent::Delete, " Bram "), (&std::env::temp_dir(), &testing::local_storage()), now).await.expect("erased");
        assert_eq!(outcome.name, "Bram");
        assert!(user_account::Entity::find_by_id(bram.0).one(&db).await.expect("read").is_none());
    }
}
