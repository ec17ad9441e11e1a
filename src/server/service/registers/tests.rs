//! The register of processing activities (GDPR art. 30) and the DPIA pack
//! (DPA 3.H), generated from the demo organisation's live configuration
//! for its admins and auditors (DPA 5.D). On SQLite and PostgreSQL.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::*;
use crate::domain::roles::Roles;
use crate::domain::settings::Setting;
use crate::i18n::Lang;
use crate::server::entity::{sub_processor, user_account};
use crate::server::service::settings;
use crate::server::testing::{self, for_each_backend};

fn installation() -> Installation {
    Installation {
        processor_name: "Koers Hosting B.V.".into(),
        processor_address: "Stationsplein 1, Utrecht".into(),
        processor_contact: "privacy@koers.example".into(),
        session_idle_minutes: 30,
        session_absolute_hours: 12,
        https: true,
        time_zone: chrono_tz::Europe::Amsterdam,
    }
}

fn section<'a>(document: &'a PrivacyDocument, heading: &str) -> &'a DocumentSection {
    document.sections.iter().find(|s| s.heading == heading).unwrap_or_else(|| panic!("no section {heading}"))
}

fn all_text(document: &PrivacyDocument) -> String {
    serde_json::to_string(document).expect("json")
}

for_each_backend! {
    async fn art_30_the_register_is_generated_from_the_live_configuration(db) {
        let keys = testing::test_keyring();
        let demo = testing::demo(&db, &keys).await;
        let now = Utc::now();
        let register = document(&db, &demo.admin, Register::ProcessingActivities, installation(), Lang::Nl, now).await.expect("register");

        assert_eq!(register.title, "Register van verwerkingsactiviteiten");
        assert!(register.subtitle.starts_with(crate::server::seed::DEMO_ORGANISATION));
        assert!(all_text(&register).contains("Koers Hosting B.V."), "the processor from the configuration");
        let active = user_account::Entity::find()
            .filter(user_account::Column::OrgId.eq(demo.org.0))
            .filter(user_account::Column::DeactivatedAt.is_null())
            .count(&db)
            .await
            .expect("count");
        let subjects = section(&register, "Categorieën van betrokkenen").table.as_ref().expect("a table");
        assert_eq!(subjects.rows[0][1], active.to_string(), "counted now");
        let recipients = section(&register, "Ontvangers: subverwerkers").table.as_ref().expect("a table");
        let in_use = sub_processor::Entity::find().count(&db).await.expect("count");
        assert_eq!(recipients.rows.len() as u64, in_use, "every sub-processor");
        let measures = &section(&register, "Technische en organisatorische maatregelen").bullets;
        assert!(measures.iter().any(|m| m.contains("zojuist gecontroleerd en zijn ongeschonden")), "{measures:?}");

        let feedback = "Feedback geven en vragen, ook aan mensen buiten de organisatie.";
        assert!(section(&register, "Doeleinden van de verwerking").bullets.iter().any(|b| b == feedback));
        settings::set_for_organisation(&db, &demo.admin, Setting::Feedback, Some("off"), now).await.expect("switched off");
        let register = document(&db, &demo.admin, Register::ProcessingActivities, installation(), Lang::Nl, now).await.expect("register");
        assert!(!section(&register, "Doeleinden van de verwerking").bullets.iter().any(|b| b == feedback), "no purpose without the feature");
    }

    async fn dpa_5d_auditors_read_the_registers_and_other_members_do_not(db) {
        let org = testing::organisation(&db, "De Linde").await;
        let auditor = testing::scope(&db, org, "Aart", Roles { manager: false, admin: false, auditor: true }).await;
        let member = testing::scope(&db, org, "Bram", Roles::default()).await;
        let now = Utc::now();
        assert!(document(&db, &auditor, Register::DpiaPack, installation(), Lang::En, now).await.is_ok());
        assert!(document(&db, &auditor, Register::ProcessingActivities, installation(), Lang::En, now).await.is_ok());
        let refused = document(&db, &member, Register::ProcessingActivities, installation(), Lang::En, now).await;
        assert_eq!(refused.err(), Some(AppError::Forbidden));
    }

    async fn dpa_3h_the_dpia_pack_names_risks_measures_and_where_data_goes(db) {
        let keys = testing::test_keyring();
        let demo = testing::demo(&db, &keys).await;
        let pack = document(&db, &demo.admin, Register::DpiaPack, installation(), Lang::En, Utc::now()).await.expect("pack");
        assert_eq!(pack.title, "DPIA information pack");
        let risks = section(&pack, "Risks and measures").table.as_ref().expect("a table");
        assert!(risks.rows.len() >= 5 && risks.rows.iter().all(|row| row.len() == 2));
        assert!(section(&pack, "Where data goes").table.as_ref().is_some_and(|t| !t.rows.is_empty()));
        assert!(all_text(&pack).contains("privacy@koers.example"));

        let pdf = to_pdf(&pack, Lang::En);
        assert!(pdf.starts_with(b"%PDF-1.4"));
        let bytes = String::from_utf8_lossy(&pdf);
        assert!(bytes.contains("DPIA information pack") && bytes.contains("Risks and measures"), "the same document, printed");
    }
}
