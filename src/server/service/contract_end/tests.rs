//! The end of a contract (DPA 8): 30 days of reading and export (8.A),
//! longer on request (8.B), then the destruction of every record and of the
//! key (8.A, crypto-shredding), proven on a full dump of the database; and
//! the declaration of destruction (8.E). On SQLite and PostgreSQL.

use chrono::{Duration, TimeZone};
use futures::StreamExt;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseBackend, PaginatorTrait, QueryFilter, Statement};

use super::destruction::TENANT_TABLES;
use super::*;
use crate::domain::dto::ContractState;
use crate::domain::roles::Roles;
use crate::server::entity::{notification, outbound_message, user_account};
use crate::server::seed;
use crate::server::service::{organisations, tenant_keys};
use crate::server::testing::{self, for_each_backend};

const TZ: chrono_tz::Tz = chrono_tz::Europe::Amsterdam;
const URL: &str = "https://koers.example";

/// Monday 7 December 2026, 10:00 in Amsterdam.
fn now() -> DateTime<Utc> {
    TZ.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).single().expect("a moment").with_timezone(&Utc)
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

/// An organisation with an admin and a privacy contact who is not a user.
async fn customer(db: &DatabaseConnection) -> (OrgId, String) {
    let org = testing::organisation(db, "Zorggroep Oost").await;
    testing::scope(db, org, "Ilse Koster", Roles { manager: false, admin: true, auditor: false }).await;
    testing::member(db, org, "Bram Visser", Roles::default()).await;
    let contact = format!("privacy@{}.example", org.0.simple());
    organisation::ActiveModel {
        id: Set(org.0),
        privacy_contact_name: Set("Pieter Privacy".into()),
        privacy_contact_email: Set(contact.clone()),
        ..Default::default()
    }
    .update(db)
    .await
    .expect("contact");
    (org, contact)
}

for_each_backend! {
    async fn dpa_8a_the_end_is_told_and_leaves_30_days_to_read_and_export(db) {
        let olga = testing::operator(&db).await;
        let (org, contact) = customer(&db).await;
        let past = end_contract(&db, &olga, org, "2026-12-06", (URL, day("2026-12-07"), now())).await;
        assert_eq!(past, Err(AppError::invalid("contract_end", Problem::InPast)));
        let unknown = end_contract(&db, &olga, OrgId(uuid::Uuid::now_v7()), "2026-12-31", (URL, day("2026-12-07"), now())).await;
        assert_eq!(unknown, Err(AppError::NotFound));

        end_contract(&db, &olga, org, "2026-12-31", (URL, day("2026-12-07"), now())).await.expect("ended");
        assert_eq!(read_only_until(&db, org, day("2026-12-30")).await, Ok(None), "the contract still runs");
        assert_eq!(read_only_until(&db, org, day("2026-12-31")).await, Ok(Some(day("2027-01-30"))));
        let listed = organisations::list(&db, &olga, (day("2026-12-07"), TZ)).await.expect("list");
        let state = listed.into_iter().find(|o| o.id == org).map(|o| o.contract);
        assert_eq!(state, Some(ContractState::Ending { on: "2026-12-31".into() }));

        let told = notification::Entity::find()
            .filter(notification::Column::Kind.eq(NotificationKind::ContractEnding.code()))
            .count(&db)
            .await
            .expect("read");
        assert_eq!(told, 1, "the admin, not the employee");
        let mailed = outbound_message::Entity::find()
            .filter(outbound_message::Column::Recipient.eq(contact))
            .one(&db)
            .await
            .expect("read")
            .expect("the privacy contact is told in writing");
        assert!(mailed.text_body.contains("2026-12-31") && mailed.text_body.contains("2027-01-30"));
    }

    async fn dpa_8b_the_destruction_is_postponed_on_request(db) {
        let olga = testing::operator(&db).await;
        let (org, _) = customer(&db).await;
        let keys = testing::test_keyring();
        let not_ended = postpone_destruction(&db, &olga, org, "2027-03-01", now()).await;
        assert_eq!(not_ended, Err(AppError::invalid("destroy_on", Problem::NotNow)));
        end_contract(&db, &olga, org, "2026-12-07", (URL, day("2026-12-07"), now())).await.expect("ended");
        let earlier = postpone_destruction(&db, &olga, org, "2027-01-01", now()).await;
        assert_eq!(earlier, Err(AppError::invalid("destroy_on", Problem::NotLater)));
        postpone_destruction(&db, &olga, org, "2027-02-15", now()).await.expect("postponed");
        let day_30 = now() + Duration::days(30);
        assert_eq!(destroy_due(&db, (&keys, &crate::server::testing::local_storage()), TZ, &std::env::temp_dir(), day_30).await, Ok(0), "not on the old day");
        assert_eq!(read_only_until(&db, org, day("2027-01-06")).await, Ok(Some(day("2027-02-15"))));
        assert!(tenant_keys::cipher(&db, &keys, org).await.is_ok());
    }

    async fn dpa_8a_on_its_day_every_record_and_the_key_are_destroyed_and_other_organisations_stay(db) {
        let keys = testing::test_keyring();
        let storage = testing::local_storage();
        seed::seed_demo_if_empty(&db, (&keys, &storage), URL, now()).await.expect("the demo organisation");
        let linde = organisation::Entity::find()
            .filter(organisation::Column::Name.eq(seed::DEMO_ORGANISATION))
            .one(&db)
            .await
            .expect("read")
            .map(|o| OrgId(o.id))
            .expect("seeded");
        let people = user_account::Entity::find().filter(user_account::Column::OrgId.eq(linde.0)).all(&db).await.expect("read");
        assert!(people.len() > 20, "a realistic organisation");
        let (oost, _) = customer(&db).await;
        let olga = testing::operator(&db).await;
        end_contract(&db, &olga, linde, "2026-12-07", (URL, day("2026-12-07"), now())).await.expect("ended");

        let stored_files = || async {
            let listed: Vec<_> = storage.list().collect().await;
            listed.into_iter().map(|object| object.expect("listed").0).filter(|key| key.starts_with(&linde.0.to_string())).count()
        };
        assert!(stored_files().await >= 2, "the demo's documents are in the store");
        assert_eq!(destroy_due(&db, (&keys, &storage), TZ, &std::env::temp_dir(), now() + Duration::days(29)).await, Ok(0), "day 29: still there");
        assert_eq!(destroy_due(&db, (&keys, &storage), TZ, &std::env::temp_dir(), now() + Duration::days(30)).await, Ok(1));
        assert_eq!(destroy_due(&db, (&keys, &storage), TZ, &std::env::temp_dir(), now() + Duration::days(31)).await, Ok(0), "once");
        assert_eq!(stored_files().await, 0, "its documents left the object store");

        assert!(!keys.store.contains(linde), "the key file is gone");
        assert!(tenant_keys::cipher(&db, &keys, linde).await.is_err(), "nothing sealed can be read");
        assert!(tenant_keys::cipher(&db, &keys, oost).await.is_ok(), "another organisation's key stays");
        let id_forms = [linde.0.to_string(), linde.0.simple().to_string()];
        let kept = ["organisation", "tenant_key", "destruction_declaration"];
        let mut oost_rows = 0;
        for row in testing::dump(&db).await {
            let text = row.text.to_lowercase();
            if row.text.contains(&oost.0.to_string()) || text.contains(&oost.0.simple().to_string()) {
                oost_rows += 1;
            }
            for person in &people {
                assert!(!row.text.contains(&person.name), "{} left in {}: {}", person.name, row.table, row.text);
                if let Some(email) = &person.email {
                    assert!(!text.contains(email), "{email} left in {}", row.table);
                }
            }
            let platform_log_entry = row.table == "audit_event" && row.text.contains("platform");
            if kept.contains(&row.table.as_str()) || platform_log_entry {
                continue;
            }
            for form in &id_forms {
                assert!(!text.contains(form), "the organisation's id left in {}: {}", row.table, row.text);
            }
        }
        assert!(oost_rows > 3, "the other organisation is intact");
        assert!(crate::server::audit::verify_all(&db).await.expect("verify").iter().all(|report| {
            matches!(report, crate::server::audit::ChainReport::Intact { .. })
        }));
    }

    async fn dpa_8e_the_declaration_names_what_was_destroyed_and_reaches_the_privacy_contact(db) {
        let keys = testing::test_keyring();
        let olga = testing::operator(&db).await;
        let (org, contact) = customer(&db).await;
        let fingerprint = keys.store.fingerprint(org).expect("a key");
        end_contract(&db, &olga, org, "2026-12-07", (URL, day("2026-12-07"), now())).await.expect("ended");
        destroy_due(&db, (&keys, &crate::server::testing::local_storage()), TZ, &std::env::temp_dir(), now() + Duration::days(30)).await.expect("destroyed");

        let declared = declaration(&db, &olga, org, TZ).await.expect("read").expect("a declaration");
        assert_eq!(declared.organisation, "Zorggroep Oost");
        assert_eq!((declared.contract_end.as_str(), declared.destroyed_at.as_str()), ("2026-12-07", "2027-01-06 10:00"));
        assert_eq!(declared.key_fingerprint, fingerprint);
        assert!(declared.counts.contains(&("user_account".to_owned(), 2)), "{:?}", declared.counts);
        assert_eq!(declared.sent_to.as_deref(), Some(contact.as_str()));
        let mail = outbound_message::Entity::find()
            .filter(outbound_message::Column::Kind.eq("destruction_declaration"))
            .one(&db)
            .await
            .expect("read")
            .expect("mailed");
        assert_eq!(mail.recipient, contact);
        assert!(mail.text_body.contains(&fingerprint) && mail.text_body.contains("user_account: 2"));
        let kept = organisation::Entity::find_by_id(org.0).one(&db).await.expect("read").expect("the record stays");
        assert_eq!((kept.privacy_contact_email.as_str(), kept.address.as_str()), ("", ""), "without its contacts");
        let details = organisations::details(&db, &olga, org, (day("2027-01-06"), TZ)).await.expect("details");
        assert_eq!(details.contract, ContractState::Destroyed { on: "2027-01-06".into() });
    }

    async fn every_table_with_an_organisations_rows_is_destroyed_or_kept_on_purpose(db) {
        let sql = match db.get_database_backend() {
            DatabaseBackend::Postgres => "SELECT table_name::text FROM information_schema.columns \
                 WHERE column_name = 'org_id' AND table_schema = current_schema()",
            _ => "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c \
                  WHERE m.type = 'table' AND c.name = 'org_id'",
        };
        let rows = db.query_all_raw(Statement::from_string(db.get_database_backend(), sql)).await.expect("schema");
        for row in rows {
            let table: String = row.try_get_by_index(0).expect("a name");
            let handled = TENANT_TABLES.contains(&table.as_str()) || ["tenant_key", "destruction_declaration"].contains(&table.as_str());
            assert!(handled, "{table} holds an organisation's rows: add it to TENANT_TABLES");
        }
    }
}
