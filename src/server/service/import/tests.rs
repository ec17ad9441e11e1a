//! Bulk import and export (issue 4): every problem named by row and column,
//! nothing imported while any is left, everything in one go otherwise, and
//! a second import of the same file (or of an export) changing nothing; on
//! SQLite and PostgreSQL.

use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

use super::*;
use crate::domain::dto::ImportColumn;
use crate::domain::ids::UserId;
use crate::domain::roles::Roles;
use crate::server::auth::reach::managers_of;
use crate::server::entity::{org_unit, outbound_message, user_account};
use crate::server::service::structure;
use crate::server::testing::{self, for_each_backend};

const ADMIN: Roles = Roles { manager: false, admin: true, auditor: false };

async fn admin(db: &DatabaseConnection) -> OrgScope {
    let org = testing::organisation(db, "De Linde").await;
    let (user, _) = testing::member(db, org, "Femke", ADMIN).await;
    OrgScope { org, user, name: "Femke".into(), roles: ADMIN }
}

/// Three levels, a function, a unit manager and an explicit manager who
/// comes later in the file.
const ORGANISATION: &str = "\
naam;e-mail;functie;eenheid;leidinggevende van eenheid;leidinggevende;rollen;taal
Ahmed El Amrani;ahmed@delinde.example;Teamleider;Zorg > Wijkteam Noord;ja;;manager;nl
Sanne de Vries;sanne@delinde.example;Wijkverpleegkundige;Zorg > Wijkteam Noord;nee;;;nl
Thomas Bakker;thomas@delinde.example;Wijkverpleegkundige;Zorg > Wijkteam Noord > Nachtdienst;nee;olga@delinde.example;;en
Olga Smit;olga@delinde.example;Teamleider;Zorg;ja;;manager;nl
";

fn options(fingerprint: &str) -> Options<'_> {
    Options { fingerprint, invite: true, default_language: Lang::Nl, public_url: "https://koers.example" }
}

async fn import(db: &DatabaseConnection, admin: &OrgScope, file: &[u8]) -> Result<ImportOutcome, AppError> {
    let job = ImportJobs::default().start(admin.org, row_count(file));
    run(db, admin, file, &options(&fingerprint(file)), &job, Utc::now()).await
}

async fn people(db: &DatabaseConnection, admin: &OrgScope) -> u64 {
    user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(admin.org.0))
        .count(db)
        .await
        .expect("count")
}

async fn person(db: &DatabaseConnection, admin: &OrgScope, email: &str) -> UserId {
    let found = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(admin.org.0))
        .filter(user_account::Column::Email.eq(email))
        .one(db)
        .await
        .expect("read")
        .expect("imported");
    UserId(found.id)
}

for_each_backend! {
    async fn a_file_builds_the_structure_and_a_second_import_changes_nothing(db) {
        let admin = admin(&db).await;
        let file = ORGANISATION.as_bytes();

        let first = preview(&db, &admin, file, Utc::now()).await.expect("preview");
        assert_eq!(first.problems, []);
        assert_eq!((first.new_people, first.changed_people, first.unchanged_people), (4, 0, 0));
        assert_eq!(first.new_units, ["Zorg", "Zorg > Wijkteam Noord", "Zorg > Wijkteam Noord > Nachtdienst"]);
        assert_eq!(first.new_functions, ["Teamleider", "Wijkverpleegkundige"]);
        assert_eq!(people(&db, &admin).await, 1, "a preview writes nothing");

        let outcome = import(&db, &admin, file).await.expect("imported");
        assert_eq!(outcome, ImportOutcome { created: 4, updated: 0, unchanged: 0, units_created: 3, functions_created: 2, invitations_sent: 4 });
        let (ahmed, sanne, thomas, olga) = (
            person(&db, &admin, "ahmed@delinde.example").await,
            person(&db, &admin, "sanne@delinde.example").await,
            person(&db, &admin, "thomas@delinde.example").await,
            person(&db, &admin, "olga@delinde.example").await,
        );
        assert_eq!(managers_of(&db, admin.org, sanne).await.expect("derived"), [ahmed], "the manager of her unit");
        assert_eq!(managers_of(&db, admin.org, ahmed).await.expect("derived"), [olga], "the manager of the unit above");
        assert_eq!(managers_of(&db, admin.org, thomas).await.expect("derived"), [olga], "the explicit manager, named further down");
        let invitations = outbound_message::Entity::find().filter(outbound_message::Column::OrgId.eq(admin.org.0)).count(&db).await.expect("count");
        assert_eq!(invitations, 4, "every new person is invited");

        let again = preview(&db, &admin, file, Utc::now()).await.expect("preview");
        assert_eq!((again.new_people, again.changed_people, again.unchanged_people), (0, 0, 4));
        assert!(again.new_units.is_empty() && again.new_functions.is_empty() && !again.has_changes());
        let outcome = import(&db, &admin, file).await.expect("imported again");
        assert_eq!(outcome, ImportOutcome { unchanged: 4, ..Default::default() });
        assert_eq!(org_unit::Entity::find().filter(org_unit::Column::OrgId.eq(admin.org.0)).count(&db).await.expect("count"), 3);
    }

    async fn every_problem_is_named_by_row_and_column_and_nothing_is_imported(db) {
        let admin = admin(&db).await;
        let file = "\
name,email,username,language,manages unit,manager,roles,phone
Goed Persoon,goed@example.org,,nl,no,,,
,leeg@example.org,,nl,no,,,
Geen Adres,niet-een-adres,,nl,no,,,
Dubbel,goed@example.org,,nl,no,,,
Taal,taal@example.org,,klingon,no,,,
Jaknikker,ja@example.org,,nl,misschien,,,
Baas,baas@example.org,,nl,no,onbekend@example.org,,
Rollen,rollen@example.org,,nl,no,,koning,
Niemand,,,nl,no,,,
Leider,leider@example.org,,nl,yes,,,
Telefoon,tel@example.org,,nl,no,,,12
";
        let checked = preview(&db, &admin, file.as_bytes(), Utc::now()).await.expect("preview");
        let found: Vec<(u32, Option<ImportColumn>, ImportIssue)> = checked.problems.iter().map(|p| (p.row, p.column, p.issue.clone())).collect();
        use crate::domain::validation::Problem;
        assert_eq!(found, [
            (3, Some(ImportColumn::Name), ImportIssue::Field { problem: Problem::Required }),
            (4, Some(ImportColumn::Email), ImportIssue::Field { problem: Problem::InvalidEmail }),
            (5, Some(ImportColumn::Email), ImportIssue::DuplicateInFile { first_row: 2 }),
            (6, Some(ImportColumn::Language), ImportIssue::UnknownLanguage),
            (7, Some(ImportColumn::ManagesUnit), ImportIssue::NotYesOrNo),
            (8, Some(ImportColumn::Manager), ImportIssue::UnknownManager),
            (9, Some(ImportColumn::Roles), ImportIssue::UnknownRole { role: "koning".into() }),
            (10, Some(ImportColumn::Email), ImportIssue::NeedsEmailOrUsername),
            (11, Some(ImportColumn::ManagesUnit), ImportIssue::ManagesWithoutUnit),
            (12, Some(ImportColumn::Phone), ImportIssue::Field { problem: Problem::InvalidPhone }),
        ]);
        assert_eq!(checked.rows[0].outcome, RowOutcome::New, "the good row is fine on its own");
        assert!(!checked.has_changes(), "but nothing can be imported while problems are left");

        let refused = import(&db, &admin, file.as_bytes()).await;
        assert!(matches!(refused, Err(AppError::ImportRejected { ref problems }) if problems.len() == 10));
        assert_eq!(people(&db, &admin).await, 1, "not even the good row");
    }

    async fn a_header_must_name_known_columns_and_a_file_must_be_readable(db) {
        let admin = admin(&db).await;
        let problems = |file: &'static [u8]| {
            let (db, admin) = (db.clone(), admin.clone());
            async move { preview(&db, &admin, file, Utc::now()).await.expect("preview").problems.into_iter().map(|p| (p.row, p.issue)).collect::<Vec<_>>() }
        };
        assert_eq!(problems(b"naam;email;schoenmaat\nSanne;s@example.org;38\n").await, [(1, ImportIssue::UnknownColumn { header: "schoenmaat".into() })]);
        assert_eq!(problems(b"email\ns@example.org\n").await, [(1, ImportIssue::MissingColumn)]);
        assert_eq!(problems(b"naam;email\n").await, [(0, ImportIssue::NoRows)]);
        assert_eq!(problems(b"PK\x03\x04broken").await, [(0, ImportIssue::Unreadable)]);
    }

    async fn an_admin_cannot_take_their_own_admin_role_by_import(db) {
        let admin = admin(&db).await;
        let email = user_account::Entity::find_by_id(admin.user.0).one(&db).await.expect("read").and_then(|u| u.email).expect("email");
        let file = format!("name,email,roles\nFemke,{email},manager\n");
        let checked = preview(&db, &admin, file.as_bytes(), Utc::now()).await.expect("preview");
        assert_eq!(checked.problems.iter().map(|p| (p.column, p.issue.clone())).collect::<Vec<_>>(), [(Some(ImportColumn::Roles), ImportIssue::OwnAdminRole)]);
    }

    async fn only_the_previewed_file_is_imported(db) {
        let admin = admin(&db).await;
        let job = ImportJobs::default().start(admin.org, 4);
        let previewed = fingerprint(b"name,email\nIemand Anders,anders@example.org\n");
        let changed = run(&db, &admin, ORGANISATION.as_bytes(), &options(&previewed), &job, Utc::now()).await;
        assert!(matches!(changed, Err(AppError::ImportRejected { ref problems }) if problems[0].issue == ImportIssue::FileChanged));
        assert_eq!(people(&db, &admin).await, 1);
    }

    async fn an_export_imports_again_without_changes_as_csv_and_as_xlsx(db) {
        let admin = admin(&db).await;
        import(&db, &admin, ORGANISATION.as_bytes()).await.expect("imported");
        let sanne = person(&db, &admin, "sanne@delinde.example").await;
        let olga = person(&db, &admin, "olga@delinde.example").await;
        structure::set_manager_override(&db, &admin, sanne, Some(olga), Utc::now()).await.expect("override");
        for format in [Format::Csv, Format::Xlsx] {
            let exported = export(&db, &admin, format).await.expect("export");
            let again = preview(&db, &admin, &exported, Utc::now()).await.expect("preview");
            assert_eq!(again.problems, [], "{format:?}");
            assert_eq!((again.new_people, again.changed_people, again.unchanged_people), (0, 0, 5), "{format:?}: Femke and the four");
        }
        let csv = String::from_utf8(export(&db, &admin, Format::Csv).await.expect("export")).expect("text");
        assert!(csv.contains("Sanne de Vries,sanne@delinde.example,,,nl,Wijkverpleegkundige,Zorg > Wijkteam Noord,no,olga@delinde.example,"), "{csv}");
    }

    async fn a_start_date_and_year_of_birth_are_read_checked_cleared_and_exported(db) {
        use crate::domain::validation::Problem;
        let admin = admin(&db).await;
        import(&db, &admin, ORGANISATION.as_bytes()).await.expect("imported");
        let this_year = "2026-11-27T12:00:00Z".parse::<chrono::DateTime<Utc>>().expect("a time");
        let wrong = "naam;e-mail;in dienst;geboortejaar\nSanne de Vries;sanne@delinde.example;31-2-2019;2020\n";
        let checked = preview(&db, &admin, wrong.as_bytes(), this_year).await.expect("preview");
        let found: Vec<(Option<ImportColumn>, ImportIssue)> = checked.problems.iter().map(|p| (p.column, p.issue.clone())).collect();
        assert_eq!(found, [
            (Some(ImportColumn::StartedOn), ImportIssue::Field { problem: Problem::InvalidDate }),
            (Some(ImportColumn::BirthYear), ImportIssue::Field { problem: Problem::BirthYearOutOfRange { from: 1926, to: 2012 } }),
        ]);

        let right = "naam;e-mail;in dienst;geboortejaar\nSanne de Vries;sanne@delinde.example;1-3-2019;1984\n";
        let planned = preview(&db, &admin, right.as_bytes(), this_year).await.expect("preview");
        assert_eq!(planned.rows[0].outcome, RowOutcome::Changed(vec![ImportColumn::StartedOn, ImportColumn::BirthYear]));
        import(&db, &admin, right.as_bytes()).await.expect("imported");
        let sanne = person(&db, &admin, "sanne@delinde.example").await;
        let stored = user_account::Entity::find_by_id(sanne.0).one(&db).await.expect("read").expect("there");
        assert_eq!((stored.started_on.map(|day| day.to_string()), stored.birth_year), (Some("2019-03-01".into()), Some(1984)));
        let csv = String::from_utf8(export(&db, &admin, Format::Csv).await.expect("export")).expect("text");
        assert!(csv.contains("start date,birth year") && csv.contains(",2019-03-01,1984"), "{csv}");

        let cleared = "name,email,start date,birth year\nSanne de Vries,sanne@delinde.example,,\n";
        import(&db, &admin, cleared.as_bytes()).await.expect("cleared");
        let stored = user_account::Entity::find_by_id(sanne.0).one(&db).await.expect("read").expect("there");
        assert_eq!((stored.started_on, stored.birth_year), (None, None), "an empty cell clears, as for a phone number");
    }

    async fn an_import_changes_only_what_the_file_says_and_only_in_its_own_organisation(db) {
        let admin = admin(&db).await;
        let other = self::admin(&db).await;
        import(&db, &admin, ORGANISATION.as_bytes()).await.expect("imported");
        let moved = "name,email,unit\nSanne de Vries,sanne@delinde.example,Zorg\n";
        let planned = preview(&db, &admin, moved.as_bytes(), Utc::now()).await.expect("preview");
        assert_eq!(planned.rows[0].outcome, RowOutcome::Changed(vec![ImportColumn::Unit]));
        import(&db, &admin, moved.as_bytes()).await.expect("moved");
        let sanne = person(&db, &admin, "sanne@delinde.example").await;
        let olga = person(&db, &admin, "olga@delinde.example").await;
        assert_eq!(managers_of(&db, admin.org, sanne).await.expect("derived"), [olga]);
        let function = user_account::Entity::find_by_id(sanne.0).one(&db).await.expect("read").and_then(|u| u.function_id);
        assert!(function.is_some(), "a column the file leaves out stays as it is");

        // The same addresses in another organisation are other people.
        let theirs = import(&db, &other, ORGANISATION.as_bytes()).await.expect("imported there");
        assert_eq!(theirs.created, 4);
        assert_eq!(people(&db, &admin).await, 5);
        let borrowed = preview(&db, &other, b"name,email,manager\nNieuw,nieuw@example.org,femke-does-not-exist-there\n", Utc::now()).await.expect("preview");
        assert_eq!(borrowed.problems[0].issue, ImportIssue::UnknownManager);
    }
}
