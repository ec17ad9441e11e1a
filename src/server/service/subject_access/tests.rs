//! The subject-access and portability exports (GDPR art. 15 and 20, DPA
//! 3.G) of a person of the demo organisation, who has data of every kind.
//! On SQLite and PostgreSQL.

use std::collections::BTreeSet;

use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, Statement};

use super::report::label;
use super::*;
use crate::domain::roles::Roles;
use crate::i18n::Lang;
use crate::server::crypto::Purpose;
use crate::server::entity::{audit_event, private_note};
use crate::server::testing::{self, for_each_backend};

fn section<'a>(export: &'a PersonalDataExport, name: &str) -> &'a Section {
    export.sections.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no section {name}"))
}

fn withheld(export: &PersonalDataExport, name: &str) -> u64 {
    export.withheld.iter().find(|w| w.name == name).map(|w| w.count).unwrap_or_else(|| panic!("no {name}"))
}

/// Every table of the schema with a column that holds a person's id.
async fn tables_with_people(db: &DatabaseConnection) -> BTreeSet<String> {
    let sql = match db.get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => {
            "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns \
             WHERE table_schema = current_schema()"
        }
        _ => {
            "SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'"
        }
    };
    let rows =
        db.query_all_raw(Statement::from_string(db.get_database_backend(), sql)).await.expect("schema");
    rows.into_iter()
        .filter_map(|row| {
            let (table, column): (String, String) = (row.try_get("", "t").ok()?, row.try_get("", "c").ok()?);
            PERSON_COLUMNS.contains(&column.as_str()).then_some(table)
        })
        .collect()
}

for_each_backend! {
    async fn dpa_3g_art_15_the_access_export_holds_everything_about_the_person(db) {
        let keys = testing::test_keyring();
        let demo = testing::demo(&db, &keys).await;
        let person = UserId(demo.person.id);
        let export = export(&db, &keys, &demo.admin, person, ExportKind::SubjectAccess, Utc::now()).await.expect("exported");

        assert_eq!(export.person.name, demo.person.name);
        let profile = &section(&export, "profile").rows[0];
        assert_eq!(profile["email"], serde_json::json!(demo.person.email), "their own data, as stored");
        assert!(!profile.contains_key("password_hash"), "never a secret");
        for kind in ["goals", "feedback_received", "feedback_given", "one_on_ones", "evaluations", "peer_reviews_given"] {
            assert!(!section(&export, kind).rows.is_empty(), "{kind} of a person who has them");
        }
        let goal = &section(&export, "goals").rows[0];
        assert!(goal["title"].as_str().is_some_and(|t| !t.is_empty()), "sealed content is opened: {goal:?}");
        assert_eq!(goal["owner_id"], serde_json::json!(demo.person.name), "people are named, not numbered");

        // Every table that can name a person is walked.
        let covered: BTreeSet<&str> = export
            .sections
            .iter()
            .map(|s| s.table)
            .chain(export.named_in.iter().map(|m| m.table))
            .chain(["private_note", "sub_processor_objection", "goal_template_assignment", "dpa_acceptance", "review_calibration", "survey"])
            .collect();
        for table in tables_with_people(&db).await {
            assert!(covered.contains(table.as_str()), "{table} holds people but the export does not look there");
        }
    }

    async fn dpa_3g_art_15_4_private_notes_are_counted_not_shown_and_reviewers_stay_unnamed(db) {
        let keys = testing::test_keyring();
        let demo = testing::demo(&db, &keys).await;
        let person = UserId(demo.person.id);
        let export = export(&db, &keys, &demo.admin, person, ExportKind::SubjectAccess, Utc::now()).await.expect("exported");

        let notes = private_note::Entity::find().filter(private_note::Column::SubjectId.eq(person.0)).all(&db).await.expect("read");
        assert!(!notes.is_empty());
        assert_eq!(withheld(&export, "private_notes_about"), notes.len() as u64, "the fact and the number");
        let cipher = tenant_keys::content_cipher(&db, &keys, demo.org).await.expect("cipher");
        let json = serde_json::to_string(&export).expect("json");
        for note in &notes {
            let body = cipher.open_text(Purpose::PrivateNote, &format!("note/{}/body", note.id), &note.body).expect("opens");
            assert!(!json.contains(&body), "a private note's text never leaves: {body}");
        }
        for review in &section(&export, "peer_reviews_received").rows {
            assert!(!review.contains_key("reviewer_id") && !review.contains_key("external_name"), "{review:?}");
        }
    }

    async fn dpa_3g_art_20_the_portability_export_holds_what_the_person_provided(db) {
        let keys = testing::test_keyring();
        let demo = testing::demo(&db, &keys).await;
        let person = UserId(demo.person.id);
        let export = export(&db, &keys, &demo.admin, person, ExportKind::Portability, Utc::now()).await.expect("exported");

        let names: BTreeSet<&str> = export.sections.iter().map(|s| s.name).collect();
        assert!(names.contains("goals") && names.contains("feedback_given") && names.contains("profile"));
        assert!(!names.contains("feedback_received") && !names.contains("audit_log"), "not what others provided: {names:?}");
        assert!(export.withheld.is_empty() && export.named_in.is_empty());
        let logged = audit_event::Entity::find()
            .filter(audit_event::Column::ObjectId.eq(person.0.to_string()))
            .filter(audit_event::Column::Action.eq("user.portability_exported"))
            .all(&db)
            .await
            .expect("read");
        assert_eq!(logged.len(), 1, "the export is in the audit log");
    }

    async fn dpa_3g_only_an_admin_of_the_persons_organisation_exports(db) {
        let keys = testing::test_keyring();
        let demo = testing::demo(&db, &keys).await;
        let person = UserId(demo.person.id);
        let colleague = OrgScope { roles: Roles::default(), ..demo.admin.clone() };
        let refused = export(&db, &keys, &colleague, person, ExportKind::SubjectAccess, Utc::now()).await;
        assert_eq!(refused.err(), Some(AppError::Forbidden));
        let other = testing::organisation(&db, "Zorggroep Oost").await;
        let stranger = testing::scope(&db, other, "Ilse", Roles { manager: false, admin: true, auditor: false }).await;
        let refused = export(&db, &keys, &stranger, person, ExportKind::SubjectAccess, Utc::now()).await;
        assert_eq!(refused.err(), Some(AppError::NotFound));
    }
}

#[tokio::test]
async fn the_report_names_every_section_and_field_in_both_languages() {
    let db = testing::TestDb::sqlite().await.db;
    let keys = testing::test_keyring();
    let demo = testing::demo(&db, &keys).await;
    let person = UserId(demo.person.id);
    let export = export(&db, &keys, &demo.admin, person, ExportKind::SubjectAccess, Utc::now())
        .await
        .expect("exported");
    for lang in Lang::ALL {
        let mut ids: Vec<String> =
            export.sections.iter().map(|s| format!("subject_access.section.{}", s.name)).collect();
        ids.extend(
            export
                .sections
                .iter()
                .flat_map(|s| s.rows.iter())
                .flat_map(|r| r.keys())
                .map(|c| format!("subject_access.field.{c}")),
        );
        ids.extend(export.withheld.iter().map(|w| format!("subject_access.withheld.{}", w.name)));
        ids.extend(export.named_in.iter().map(|m| format!("subject_access.named.{}.{}", m.table, m.column)));
        for id in ids {
            assert_ne!(label(lang, &id), id, "{id} has no text in {lang:?}");
        }
        let page = to_html(&export, lang, chrono_tz::Europe::Amsterdam);
        assert!(page.contains(&demo.person.name.replace('&', "&amp;")));
        assert!(page.starts_with("<!doctype html>") && page.ends_with("</html>"));
    }
}
