//! The full export (DPA 3.N, 8.B) of the demo organisation: every table as
//! JSON and CSV in a zip, content opened, private notes withheld, nothing
//! of another organisation; a link that expires. On SQLite and PostgreSQL.

use std::io::Read;

use super::*;
use crate::domain::roles::Roles;
use crate::server::crypto::Purpose;
use crate::server::entity::{goal, private_note};
use crate::server::testing::{self, for_each_backend};

/// A data directory of the test's own, removed at the end.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        Scratch(std::env::temp_dir().join(format!("koers-export-{}", uuid::Uuid::new_v4().simple())))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn entries(path: &Path) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).expect("the file")).expect("a zip");
    (0..archive.len())
        .map(|index| {
            let mut entry = archive.by_index(index).expect("an entry");
            // Tables are text; documents (a PDF, say) need not be.
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).expect("read");
            (entry.name().expect("a name").to_string(), String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect()
}

for_each_backend! {
    async fn dpa_8b_the_full_export_holds_every_table_as_json_and_csv(db) {
        let keys = testing::test_keyring();
        let demo = testing::demo(&db, &keys).await;
        let other = testing::organisation(&db, "Zorggroep Oost").await;
        testing::member(&db, other, "Ilse Anderorganisatie", Roles::default()).await;
        let scratch = Scratch::new();
        let now = Utc::now();

        let export = start(&db, &demo.admin, now).await.expect("started").expect("a new export");
        assert_eq!(start(&db, &demo.admin, now).await, Ok(None), "one at a time");
        assert!(matches!(status(&db, &demo.admin, chrono_tz::UTC, now).await, Ok(Some(FullExportStatus { state: FullExportState::Running { done: 0, .. }, .. }))));
        run(&db, (&keys, &demo.storage), &scratch.0, &export, now).await.expect("written");

        let Ok(Some(FullExportStatus { state: FullExportState::Ready { download, .. }, .. })) = status(&db, &demo.admin, chrono_tz::UTC, now).await else {
            panic!("ready to download");
        };
        let path = super::download(&db, &demo.admin, export.id, &scratch.0, now).await.expect("downloadable");
        assert_eq!(download, download_path(export.id));
        let files = entries(&path);
        for (table, _) in EXPORTED {
            assert!(files.iter().any(|(name, _)| *name == format!("json/{table}.json")), "{table} as JSON");
            assert!(files.iter().any(|(name, _)| *name == format!("csv/{table}.csv")), "{table} as CSV");
        }
        let certificate = files.iter().find(|(name, _)| name.starts_with("documents/") && name.ends_with("/BHV-certificaat.pdf"));
        assert!(certificate.is_some_and(|(_, text)| text.starts_with("%PDF-")), "the demo's certificate, opened");
        let text = |name: &str| files.iter().find(|(n, _)| n == name).map(|(_, t)| t.clone()).expect(name);
        let goals: Vec<serde_json::Value> = serde_json::from_str(&text("json/goal.json")).expect("JSON");
        let in_db = goal::Entity::find().filter(goal::Column::OrgId.eq(demo.org.0)).count(&db).await.expect("count");
        assert_eq!(goals.len() as u64, in_db);
        assert!(goals.iter().all(|g| g["title"].as_str().is_some_and(|t| !t.is_empty())), "titles opened");
        assert_eq!(text("csv/goal.csv").lines().count() as u64, in_db + 1, "a header and a line per goal");

        let everything: String = files.iter().map(|(_, text)| text.as_str()).collect();
        assert!(!everything.contains("Ilse Anderorganisatie"), "nothing of another organisation");
        assert!(!everything.contains("password_hash"), "no secrets");
        let cipher = tenant_keys::content_cipher(&db, &keys, demo.org).await.expect("cipher");
        let notes = private_note::Entity::find().filter(private_note::Column::OrgId.eq(demo.org.0)).all(&db).await.expect("read");
        assert!(!notes.is_empty());
        for note in notes {
            let body = cipher.open_text(Purpose::PrivateNote, &format!("note/{}/body", note.id), &note.body).expect("opens");
            assert!(!everything.contains(&body), "a private note stays its author's");
        }
        let done = organisation_export::Entity::find_by_id(export.id).one(&db).await.expect("read").expect("kept");
        assert_eq!((done.rows_done, done.rows_total), (done.rows_total, done.rows_total));
    }

    async fn dpa_8b_the_download_is_for_the_organisations_admins_and_expires_after_a_day(db) {
        let keys = testing::test_keyring();
        let org = testing::organisation(&db, "De Linde").await;
        let femke = testing::scope(&db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await;
        let scratch = Scratch::new();
        let now = Utc::now();
        let export = start(&db, &femke, now).await.expect("started").expect("a new export");
        run(&db, (&keys, &testing::local_storage()), &scratch.0, &export, now).await.expect("written");

        let colleague = OrgScope { roles: Roles::default(), ..femke.clone() };
        assert_eq!(super::download(&db, &colleague, export.id, &scratch.0, now).await, Err(AppError::Forbidden));
        assert_eq!(start(&db, &colleague, now).await.err(), Some(AppError::Forbidden));
        let other = testing::organisation(&db, "Zorggroep Oost").await;
        let ilse = testing::scope(&db, other, "Ilse", Roles { manager: false, admin: true, auditor: false }).await;
        assert_eq!(super::download(&db, &ilse, export.id, &scratch.0, now).await, Err(AppError::NotFound));

        let later = now + Duration::hours(23);
        assert!(super::download(&db, &femke, export.id, &scratch.0, later).await.is_ok());
        let expired = now + LINK_LIFETIME;
        assert_eq!(super::download(&db, &femke, export.id, &scratch.0, expired).await, Err(AppError::ExportExpired));
        assert_eq!(discard_expired(&db, &scratch.0, expired).await, Ok(1));
        assert!(!file_of(&scratch.0, &export).exists(), "the file is gone");
        let kept = organisation_export::Entity::find_by_id(export.id).one(&db).await.expect("read").expect("kept");
        assert_eq!(kept.size_bytes, None, "and the next run passes it by");
        assert!(matches!(status(&db, &femke, chrono_tz::UTC, expired).await, Ok(Some(FullExportStatus { state: FullExportState::Expired, .. }))));

        // A destruction or an erasure deletes every export file of the organisation.
        let again = start(&db, &femke, expired).await.expect("started").expect("a new export");
        run(&db, (&keys, &testing::local_storage()), &scratch.0, &again, expired).await.expect("written");
        assert!(file_of(&scratch.0, &again).exists());
        discard_all(&scratch.0, org).expect("discarded");
        assert!(!file_of(&scratch.0, &again).exists());
        assert_eq!(discard_all(&scratch.0, org), Ok(()), "nothing left to discard is fine");
    }
}
