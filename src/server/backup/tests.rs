//! Encrypted backups and crypto-shredding (DPA 8.A, Bijlage 3): a backup
//! taken before an organisation was destroyed restores its rows, but its
//! content can no longer be opened, while another organisation comes back
//! whole. On a SQLite file and on PostgreSQL.

use chrono::Duration;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use super::*;
use crate::domain::dto::NoteForm;
use crate::domain::ids::OrgId;
use crate::domain::roles::Roles;
use crate::server::config::DatabaseConfig;
use crate::server::crypto::{KeyStore, Keyring, Purpose};
use crate::server::entity::{organisation, private_note};
use crate::server::service::{contract_end, notes, organisations, tenant_keys};
use crate::server::testing::{self, TestDb};

/// A folder of the test's own with a key store of its own, removed at the end.
struct Site {
    folder: PathBuf,
    keys: Keyring,
}

impl Site {
    fn new() -> Site {
        let folder =
            std::env::temp_dir().join(format!("koers-backup-test-{}", uuid::Uuid::new_v4().simple()));
        let keys = Keyring { kek: testing::test_kek(), store: KeyStore::new(folder.join("keys")) };
        Site { folder, keys }
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// An organisation whose admin keeps a private note about a colleague.
async fn organisation_with_a_note(
    db: &DatabaseConnection,
    keys: &Keyring,
    name: &str,
    note: &str,
) -> (OrgId, uuid::Uuid) {
    let now = Utc::now();
    let org = organisations::create(db, keys, name, now).await.expect("organisation");
    let admin =
        testing::scope(db, org, "Beheerder", Roles { manager: false, admin: true, auditor: false }).await;
    let (colleague, _) = testing::member(db, org, "Collega", Roles::default()).await;
    let form = NoteForm { subject: colleague.0.to_string(), body: note.into() };
    let id = notes::add(db, keys, &admin, &form, now).await.expect("note");
    (org, id.0)
}

/// Ends the contract of `org` today and runs the destruction 30 days on.
async fn destroy(db: &DatabaseConnection, keys: &Keyring, org: OrgId, site: &Path) {
    let today = Utc::now().date_naive();
    organisation::ActiveModel {
        id: Set(org.0),
        contract_end: Set(Some(today)),
        destroy_on: Set(Some(today)),
        ..Default::default()
    }
    .update(db)
    .await
    .expect("contract ended");
    let destroyed = contract_end::destroy_due(
        db,
        (keys, &crate::server::testing::local_storage()),
        chrono_tz::UTC,
        site,
        Utc::now() + Duration::hours(1),
    )
    .await;
    assert_eq!(destroyed, Ok(1));
}

async fn note_text(db: &DatabaseConnection, keys: &Keyring, org: OrgId, note: uuid::Uuid) -> Option<String> {
    let row = private_note::Entity::find_by_id(note).one(db).await.expect("read")?;
    let cipher = tenant_keys::cipher(db, keys, org).await.ok()?;
    cipher.open_text(Purpose::PrivateNote, &format!("note/{note}/body"), &row.body).ok()
}

/// The scenario on one database: back up, destroy one organisation,
/// restore into `target`, then look at it through `open_restored`.
async fn backup_outlives_no_key(
    db: &DatabaseConnection,
    database: &Database,
    target: &Database,
    open_restored: impl AsyncFnOnce() -> DatabaseConnection,
) {
    let site = Site::new();
    let keys = &site.keys;
    let (gone, gone_note) =
        organisation_with_a_note(db, keys, "Stichting Vertrokken", "Geheim over Collega").await;
    let (kept, kept_note) = organisation_with_a_note(db, keys, "Zorggroep Blijft", "Blijft leesbaar").await;
    let files = site.folder.join("files");
    std::fs::create_dir_all(files.join("documents")).expect("files");
    std::fs::write(files.join("documents/plan.txt"), "opgeslagen bestand").expect("a stored file");
    let file = site.folder.join("koers.backup");

    let manifest = backup(db, database, &files, &keys.kek, &file, Utc::now()).await.expect("backed up");
    assert_eq!(manifest.files, 1);
    let sealed = std::fs::read(&file).expect("the backup");
    for plain in ["Stichting Vertrokken", "opgeslagen bestand", "Beheerder"] {
        assert!(!sealed.windows(plain.len()).any(|w| w == plain.as_bytes()), "{plain} is sealed");
    }

    destroy(db, keys, gone, &site.folder).await;
    std::fs::remove_dir_all(&files).expect("files lost");
    let manifest = restore(target, &files, &keys.kek, &file).expect("restored");
    assert_eq!(manifest.files, 1);
    let restored_db = open_restored().await;

    let rows = private_note::Entity::find()
        .filter(private_note::Column::OrgId.eq(gone.0))
        .count(&restored_db)
        .await
        .expect("count");
    assert_eq!(rows, 1, "the destroyed organisation's rows are back from the backup");
    assert_eq!(
        note_text(&restored_db, keys, gone, gone_note).await,
        None,
        "but they cannot be opened: the key is gone"
    );
    assert_eq!(
        note_text(&restored_db, keys, kept, kept_note).await.as_deref(),
        Some("Blijft leesbaar"),
        "the other organisation is whole"
    );
    assert_eq!(
        std::fs::read_to_string(files.join("documents/plan.txt")).expect("restored"),
        "opgeslagen bestand"
    );

    let wrong =
        crate::server::config::KeyEncryptionKey::from_base64("AQECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
            .expect("a key");
    assert!(
        matches!(restore(target, &files, &wrong, &file), Err(BackupError::Sealed(SealError::Unreadable))),
        "another key opens nothing"
    );
    std::fs::write(&file, &sealed[..sealed.len() / 2]).expect("cut off");
    assert!(
        matches!(restore(target, &files, &keys.kek, &file), Err(BackupError::Sealed(SealError::Unreadable))),
        "a cut-off backup is refused"
    );
}

#[tokio::test]
async fn dpa_8a_a_backup_taken_before_a_destruction_restores_nothing_readable_of_it_on_sqlite() {
    let site = Site::new();
    let live = site.folder.join("live.db");
    let config = DatabaseConfig { url: format!("sqlite://{}?mode=rwc", live.display()), max_connections: 2 };
    let db = crate::server::db::connect(&config).await.expect("opens");
    crate::server::db::migrate(&db).await.expect("migrated");
    let database = Database::from_url(&config.url).expect("a file");
    let restored = site.folder.join("restored.db");
    let target = Database::Sqlite { file: restored.clone() };
    backup_outlives_no_key(&db, &database, &target, async || {
        let config =
            DatabaseConfig { url: format!("sqlite://{}?mode=rwc", restored.display()), max_connections: 1 };
        crate::server::db::connect(&config).await.expect("the restored file opens")
    })
    .await;
}

#[tokio::test]
async fn dpa_8a_a_backup_taken_before_a_destruction_restores_nothing_readable_of_it_on_postgres() {
    let db = TestDb::postgres().await.db;
    let schema = current_schema(&db).await;
    let url = std::env::var(testing::POSTGRES_URL_VARIABLE).expect("make test sets it");
    let database = Database::Postgres { url, schema: Some(schema) };
    // Restored in place: the same schema, as it was when backed up.
    let again = db.clone();
    backup_outlives_no_key(&db, &database, &database, async move || again).await;
}

async fn current_schema(db: &DatabaseConnection) -> String {
    use sea_orm::{ConnectionTrait, Statement};
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), "SELECT current_schema()::text"))
        .await
        .expect("query")
        .expect("a row");
    row.try_get_by_index::<String>(0).expect("text")
}
