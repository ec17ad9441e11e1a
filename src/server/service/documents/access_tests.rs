//! Documents on goals, people and evaluations, through the service, on
//! SQLite and PostgreSQL with a local store (and a goal's on the
//! S3-compatible server too): who may see, add and delete them follows
//! what they hang on (DPA 7.F); what is stored is not the file; deleting
//! a document, its goal or its person deletes its object; the full export
//! and the subject-access export hold the file.

use std::io::Read;

use bytes::Bytes;
use chrono::Utc;
use futures::StreamExt;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use super::{Upload, delete, download, list, object_of, sweep, upload};
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::documents::Holder;
use crate::domain::dto::GoalForm;
use crate::domain::ids::{DocumentId, GoalId};
use crate::domain::rights::{AuthoredContent, ErasureForm};
use crate::domain::validation::Problem;
use crate::server::auth::OrgScope;
use crate::server::entity::{audit_event, document, review_evaluation};
use crate::server::service::reviews::test_fixture::{Noord, noord};
use crate::server::service::{erasure, full_export, goals, reviews, structure, subject_access};
use crate::server::storage::Storage;
use crate::server::testing::{self, S3Server, for_each_backend, local_storage, test_keyring};

/// Clearly a PDF, and clearly recognisable if it were stored as it is.
const PLAN: &[u8] = b"%PDF-1.7\nOntwikkelplan Sanne: cursus palliatieve zorg afronden in 2027.\n%%EOF\n";
/// The smallest PNG header there is, and a marker after it.
const PHOTO: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR certificaat-foto";
const LIMIT: u64 = 10 * 1024 * 1024;

async fn add(
    db: &DatabaseConnection,
    storage: &Storage,
    who: &OrgScope,
    holder: Holder,
    (name, bytes): (&str, &[u8]),
) -> Result<DocumentId, AppError> {
    let body = futures::stream::iter(vec![Ok::<_, std::io::Error>(Bytes::copy_from_slice(bytes))]);
    let file = Upload { holder, name, limit: LIMIT };
    upload(db, (&test_keyring(), storage), who, file, body, Utc::now()).await
}

/// The document's name and bytes as `who` downloads them.
async fn fetch(
    db: &DatabaseConnection,
    storage: &Storage,
    who: &OrgScope,
    id: DocumentId,
) -> Result<(String, Vec<u8>), AppError> {
    let mut got = download(db, (&test_keyring(), storage), who, id, Utc::now()).await?;
    let mut bytes = Vec::new();
    while let Some(piece) = got.body.next().await {
        bytes.extend_from_slice(&piece.expect("a piece"));
    }
    Ok((got.name, bytes))
}

async fn names_seen(
    db: &DatabaseConnection,
    who: &OrgScope,
    holder: Holder,
) -> Result<Vec<String>, AppError> {
    let shown = list(db, &test_keyring(), who, holder, (chrono_tz::UTC, 250), Utc::now()).await?;
    Ok(shown.documents.into_iter().map(|d| d.name).collect())
}

async fn raw_object(storage: &Storage, org: &OrgScope, id: DocumentId) -> Vec<u8> {
    let mut raw = Vec::new();
    let mut stream = storage.read(&object_of(org.org, id)).await.expect("stored");
    while let Some(piece) = stream.next().await {
        raw.extend_from_slice(&piece.expect("a piece"));
    }
    raw
}

async fn sannes_goal(db: &DatabaseConnection, noord: &Noord) -> GoalId {
    let form = GoalForm {
        kind: "performance".into(),
        year: "2027".into(),
        title: "Palliatieve zorg".into(),
        ..Default::default()
    };
    goals::create(db, &test_keyring(), &noord.sanne, &form, Utc::now()).await.expect("goal")
}

/// Sanne adds her plan and a photo to her goal; her manager Ahmed sees,
/// opens and may delete them; Thomas of another team and Femke, an admin
/// without the HR reader right, do not even find them; with that right
/// Femke reads them (logged) but may not change them.
async fn a_goals_documents_follow_the_goal(db: DatabaseConnection, storage: Storage) {
    let noord = noord(&db).await;
    let goal = Holder::Goal(sannes_goal(&db, &noord).await);
    let plan = add(&db, &storage, &noord.sanne, goal, ("plan.pdf", PLAN)).await.expect("Sanne adds");
    add(&db, &storage, &noord.sanne, goal, ("foto.png", PHOTO)).await.expect("and a photo");

    let raw = raw_object(&storage, &noord.sanne, plan).await;
    assert!(raw.len() > PLAN.len(), "sealed: the file and its tags");
    assert!(
        !raw.windows(20).any(|w| PLAN.windows(20).any(|p| p == w)),
        "nothing of the plan is stored readable"
    );

    assert_eq!(
        names_seen(&db, &noord.ahmed, goal).await,
        Ok(vec!["foto.png".to_owned(), "plan.pdf".to_owned()])
    );
    assert_eq!(fetch(&db, &storage, &noord.ahmed, plan).await, Ok(("plan.pdf".to_owned(), PLAN.to_vec())));
    let for_manager = list(&db, &test_keyring(), &noord.ahmed, goal, (chrono_tz::UTC, 250), Utc::now()).await;
    let for_manager = for_manager.expect("listed");
    assert!(for_manager.may_add && for_manager.documents.iter().all(|d| d.may_delete));
    assert!(for_manager.documents.iter().all(|d| d.uploaded_by.as_deref() == Some("Sanne")));

    for outsider in [&noord.thomas, &noord.femke] {
        assert_eq!(names_seen(&db, outsider, goal).await, Err(AppError::NotFound));
        assert_eq!(fetch(&db, &storage, outsider, plan).await.err(), Some(AppError::NotFound));
        assert_eq!(delete(&db, &storage, outsider, plan, Utc::now()).await, Err(AppError::NotFound));
        assert_eq!(add(&db, &storage, outsider, goal, ("x.pdf", PLAN)).await, Err(AppError::NotFound));
    }

    let now = Utc::now();
    structure::set_hr_reader(&db, &noord.femke, noord.north, noord.femke.user, true, now)
        .await
        .expect("granted");
    let as_hr =
        list(&db, &test_keyring(), &noord.femke, goal, (chrono_tz::UTC, 250), now).await.expect("seen");
    assert_eq!(as_hr.documents.len(), 2);
    assert!(!as_hr.may_add && as_hr.documents.iter().all(|d| !d.may_delete), "reading is not changing");
    assert_eq!(add(&db, &storage, &noord.femke, goal, ("x.pdf", PLAN)).await, Err(AppError::Forbidden));
    assert_eq!(delete(&db, &storage, &noord.femke, plan, now).await, Err(AppError::Forbidden));
    let logged = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(AuditAction::ContentReadAsHrReader.code()))
        .filter(audit_event::Column::ActorId.eq(noord.femke.user.0))
        .all(&db)
        .await
        .expect("audit");
    assert!(!logged.is_empty(), "an HR reader's read is in the audit log");

    delete(&db, &storage, &noord.ahmed, plan, Utc::now()).await.expect("the manager deletes");
    assert!(!storage.exists(&object_of(noord.sanne.org, plan)).await.expect("head"), "gone from the store");
    assert_eq!(names_seen(&db, &noord.sanne, goal).await, Ok(vec!["foto.png".to_owned()]));
}

/// A program renamed to .pdf, an empty file and a nameless one are
/// refused with their reasons, and nothing is kept of them.
async fn files_that_fail_a_check_leave_nothing(db: DatabaseConnection) {
    let storage = local_storage();
    let noord = noord(&db).await;
    let goal = Holder::Goal(sannes_goal(&db, &noord).await);
    let program = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0 This program cannot be run in DOS mode.";
    for (file, problem) in [
        (("factuur.pdf", &program[..]), Problem::FileTypeNotAllowed),
        (("leeg.pdf", &b""[..]), Problem::EmptyFile),
        (("  ", PLAN), Problem::Required),
    ] {
        assert_eq!(
            add(&db, &storage, &noord.sanne, goal, file).await,
            Err(AppError::invalid("file", problem))
        );
    }
    let kept = document::Entity::find().filter(document::Column::OrgId.eq(noord.sanne.org.0)).all(&db).await;
    assert_eq!(kept.expect("rows"), vec![]);
}

/// A person's own documents: their manager adds a certificate, which the
/// person sees but may not delete; what the person adds they may delete.
async fn a_persons_documents_are_theirs_and_their_managers(db: DatabaseConnection) {
    let storage = local_storage();
    let noord = noord(&db).await;
    let sanne = Holder::Person(noord.sanne.user);
    let certificate =
        add(&db, &storage, &noord.ahmed, sanne, ("BHV.pdf", PLAN)).await.expect("the manager adds");
    let diploma = add(&db, &storage, &noord.sanne, sanne, ("diploma.png", PHOTO)).await.expect("she adds");
    let shown = list(&db, &test_keyring(), &noord.sanne, sanne, (chrono_tz::UTC, 250), Utc::now())
        .await
        .expect("list");
    assert_eq!(shown.person.as_deref(), Some("Sanne"));
    let may_delete: Vec<(String, bool)> =
        shown.documents.into_iter().map(|d| (d.name, d.may_delete)).collect();
    assert_eq!(may_delete, vec![("diploma.png".to_owned(), true), ("BHV.pdf".to_owned(), false)]);
    assert_eq!(delete(&db, &storage, &noord.sanne, certificate, Utc::now()).await, Err(AppError::Forbidden));
    delete(&db, &storage, &noord.sanne, diploma, Utc::now()).await.expect("her own");
    assert_eq!(names_seen(&db, &noord.thomas, sanne).await, Err(AppError::NotFound));
    assert_eq!(
        names_seen(&db, &noord.femke, sanne).await,
        Err(AppError::NotFound),
        "administering is not reading"
    );
}

/// An evaluation's documents are its two parties'; once it is locked
/// they stay as they are.
async fn an_evaluations_documents_lock_with_it(db: DatabaseConnection) {
    let storage = local_storage();
    let noord = noord(&db).await;
    let evaluation = Holder::Evaluation { moment: noord.end, employee: noord.sanne.user };
    assert_eq!(names_seen(&db, &noord.sanne, evaluation).await, Ok(vec![]), "not begun: nothing yet");
    let signed = add(&db, &storage, &noord.ahmed, evaluation, ("getekend.pdf", PLAN)).await.expect("added");
    assert_eq!(names_seen(&db, &noord.sanne, evaluation).await, Ok(vec!["getekend.pdf".to_owned()]));
    assert_eq!(names_seen(&db, &noord.thomas, evaluation).await, Err(AppError::NotFound));
    assert_eq!(names_seen(&db, &noord.femke, evaluation).await, Err(AppError::NotFound));

    let row = review_evaluation::Entity::find()
        .filter(review_evaluation::Column::EmployeeId.eq(noord.sanne.user.0))
        .one(&db)
        .await
        .expect("read")
        .expect("begun by the upload");
    review_evaluation::ActiveModel {
        id: Set(row.id),
        locked_at: Set(Some(Utc::now())),
        ..Default::default()
    }
    .update(&db)
    .await
    .expect("locked");
    assert_eq!(
        add(&db, &storage, &noord.sanne, evaluation, ("later.pdf", PLAN)).await,
        Err(AppError::Forbidden)
    );
    assert_eq!(delete(&db, &storage, &noord.ahmed, signed, Utc::now()).await, Err(AppError::Forbidden));
    assert!(fetch(&db, &storage, &noord.sanne, signed).await.is_ok(), "still readable");
}

/// Deleting a goal deletes its documents' objects; erasing a person those
/// on them, their goals and their evaluations (GDPR art. 17).
async fn deleting_what_documents_hang_on_deletes_their_files(db: DatabaseConnection) {
    let storage = local_storage();
    let noord = noord(&db).await;
    let stored = |id: DocumentId| {
        let storage = storage.clone();
        let org = noord.sanne.org;
        async move { storage.exists(&object_of(org, id)).await.expect("head") }
    };
    let first = sannes_goal(&db, &noord).await;
    let on_first =
        add(&db, &storage, &noord.sanne, Holder::Goal(first), ("a.pdf", PLAN)).await.expect("added");
    goals::delete((&db, &storage), &noord.sanne, first, Utc::now()).await.expect("goal deleted");
    assert!(!stored(on_first).await, "the goal's file went with it");

    let second = Holder::Goal(sannes_goal(&db, &noord).await);
    let evaluation = Holder::Evaluation { moment: noord.end, employee: noord.sanne.user };
    let mut hers = Vec::new();
    for holder in [second, evaluation, Holder::Person(noord.sanne.user)] {
        hers.push(add(&db, &storage, &noord.ahmed, holder, ("over-sanne.pdf", PLAN)).await.expect("added"));
    }
    let ahmeds =
        add(&db, &storage, &noord.ahmed, Holder::Person(noord.ahmed.user), ("eigen.pdf", PLAN)).await;
    let ahmeds = ahmeds.expect("his own");
    let form = ErasureForm { authored: AuthoredContent::Delete.code().into(), confirmation: "Sanne".into() };
    let files = (std::env::temp_dir(), storage.clone());
    erasure::erase(&db, &noord.femke, noord.sanne.user, &form, (&files.0, &files.1), Utc::now())
        .await
        .expect("erased");
    for id in hers {
        assert!(!stored(id).await, "her documents left the store");
    }
    assert!(stored(ahmeds).await, "others' stay");
    let rows = document::Entity::find().filter(document::Column::OrgId.eq(noord.sanne.org.0)).all(&db).await;
    assert_eq!(rows.expect("rows").len(), 1);
}

/// A review cycle deleted takes its evaluations' documents' rows along by
/// reference; the jobs' sweep then deletes their files, and only theirs,
/// once they are older than an upload can take.
async fn the_sweep_deletes_files_whose_rows_went(db: DatabaseConnection) {
    let storage = local_storage();
    let noord = noord(&db).await;
    let evaluation = Holder::Evaluation { moment: noord.end, employee: noord.sanne.user };
    let signed = add(&db, &storage, &noord.ahmed, evaluation, ("getekend.pdf", PLAN)).await.expect("added");
    let goal = Holder::Goal(sannes_goal(&db, &noord).await);
    let plan = add(&db, &storage, &noord.sanne, goal, ("plan.pdf", PLAN)).await.expect("added");
    reviews::cycles::delete(&db, &noord.femke, noord.cycle).await.expect("cycle deleted");
    let object = |id| object_of(noord.sanne.org, id);

    assert_eq!(
        sweep(&db, &storage, Utc::now()).await,
        Ok(0),
        "a file without its row may be an upload underway"
    );
    assert!(storage.exists(&object(signed)).await.expect("head"));
    let later = Utc::now() + chrono::Duration::hours(2);
    assert_eq!(sweep(&db, &storage, later).await, Ok(1));
    assert!(!storage.exists(&object(signed)).await.expect("head"), "the cycle's file is gone");
    assert!(storage.exists(&object(plan)).await.expect("head"), "a file with its row stays");
}

/// The full export and the subject-access export hold the file itself,
/// opened, next to its row.
async fn exports_hold_the_files(db: DatabaseConnection) {
    let storage = local_storage();
    let noord = noord(&db).await;
    let keys = test_keyring();
    let goal = Holder::Goal(sannes_goal(&db, &noord).await);
    let plan = add(&db, &storage, &noord.sanne, goal, ("plan.pdf", PLAN)).await.expect("added");
    let entry = format!("documents/{plan}/plan.pdf");

    let scratch = std::env::temp_dir().join(format!("koers-documents-export-{}", uuid::Uuid::new_v4()));
    let now = Utc::now();
    let export = full_export::start(&db, &noord.femke, now).await.expect("started").expect("one");
    full_export::run(&db, (&keys, &storage), &scratch, &export, now).await.expect("written");
    let path = full_export::download(&db, &noord.femke, export.id, &scratch, now).await.expect("ready");
    assert_eq!(entry_of(&path, &entry), PLAN);
    let rows = String::from_utf8(entry_of(&path, "json/document.json")).expect("json");
    assert!(rows.contains("\"plan.pdf\"") && !rows.contains("file_key"), "the name opened, the key left out");

    let access = subject_access::export(
        &db,
        &keys,
        &noord.femke,
        noord.sanne.user,
        subject_access::ExportKind::SubjectAccess,
        now,
    )
    .await
    .expect("access export");
    let section = access.sections.iter().find(|s| s.name == "documents").expect("a documents section");
    assert_eq!(section.rows.len(), 1);
    assert_eq!(section.rows[0].get("name").and_then(|v| v.as_str()), Some("plan.pdf"));
    assert_eq!(section.rows[0].get("uploaded_by").and_then(|v| v.as_str()), Some("Sanne"));
    let zip = scratch.join("access.zip");
    subject_access::documents_zip(&db, (&keys, &storage), &noord.femke, noord.sanne.user, &zip, now)
        .await
        .expect("documents zip");
    assert_eq!(entry_of(&zip, &entry), PLAN);
    assert_eq!(
        subject_access::documents_zip(&db, (&keys, &storage), &noord.sanne, noord.sanne.user, &zip, now)
            .await,
        Err(AppError::Forbidden),
        "an admin's export"
    );
    std::fs::remove_dir_all(scratch).ok();
}

fn entry_of(zip: &std::path::Path, name: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip).expect("zip")).expect("a zip");
    let mut entry = archive.by_name(name).unwrap_or_else(|_| panic!("{name} in the zip"));
    let mut bytes = Vec::new();
    entry.read_to_end(&mut bytes).expect("read");
    bytes
}

for_each_backend! {
    async fn a_goals_documents_follow_the_goal_on_a_local_store(db) {
        a_goals_documents_follow_the_goal(db, local_storage()).await;
    }

    async fn files_that_fail_a_check_are_refused_without_a_trace(db) {
        files_that_fail_a_check_leave_nothing(db).await;
    }

    async fn a_persons_documents_belong_to_them_and_their_managers(db) {
        a_persons_documents_are_theirs_and_their_managers(db).await;
    }

    async fn an_evaluations_documents_are_its_parties_until_locked(db) {
        an_evaluations_documents_lock_with_it(db).await;
    }

    async fn goal_deletion_and_erasure_delete_the_files(db) {
        deleting_what_documents_hang_on_deletes_their_files(db).await;
    }

    async fn the_jobs_sweep_files_whose_rows_went(db) {
        the_sweep_deletes_files_whose_rows_went(db).await;
    }

    async fn the_exports_hold_the_files(db) {
        exports_hold_the_files(db).await;
    }
}

#[tokio::test]
async fn a_goals_documents_follow_the_goal_on_an_s3_compatible_store() {
    let server = S3Server::start().await;
    let storage = Storage::from_config(&server.config()).expect("store");
    a_goals_documents_follow_the_goal(testing::TestDb::sqlite().await.db, storage).await;
}
