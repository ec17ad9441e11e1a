//! Demo data for `make run`: a realistic organisation to click through —
//! a care group of sixty people in three levels of units, with job
//! functions, core values and competencies in Dutch and English, a year of
//! goals with their check-ins, and two years of quarterly engagement
//! pulses. The people
//! and structure come from `people.csv` through the import, as an admin's
//! file would. Runs only on an empty database, so a second start keeps what
//! users changed.

mod breaches;
mod documents;
mod feedback;
mod frame;
mod goals;
mod one_on_ones;
mod reviews;
mod sub_processors;
mod surveys;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

use super::auth::OrgScope;
use super::auth::password;
use super::auth::second_factor::{self, TotpSecret};
use super::auth::session::Holder;
use super::config::KeyEncryptionKey;
use super::crypto::Keyring;
use super::db::internal;
use super::entity::{organisation, user_account};
use super::service::accounts::{self, NewUser};
use super::service::{competencies, core_values, functions, import, organisations, structure};
use super::storage::Storage;
use crate::domain::AppError;
use crate::domain::dto::{BilingualForm, CompetencyLevelForm, CompetencyScopeForm};
use crate::domain::roles::Roles;
use crate::i18n::Lang;

pub const DEMO_ORGANISATION: &str = "Zorggroep De Linde";
/// The password of every demo account; printed by `make run`, listed in the README.
pub const DEMO_PASSWORD: &str = "Linde-demo-wachtwoord-2026";

/// The authenticator-app key of the demo accounts that must have a second
/// factor (operator and admin); printed by `make run`, listed in the README,
/// used by the end-to-end tests. Type it into any authenticator app.
pub const DEMO_TOTP_SECRET: &str = "KOERSDEMOKOERSDEMOKOERSDEMOKOERS";

/// A demo sign-in, as `make run` prints it.
pub struct DemoLogin {
    pub email: &'static str,
    pub who: &'static str,
    /// Whether signing in asks for a code from [`DEMO_TOTP_SECRET`].
    pub second_factor: bool,
}

pub const OPERATOR_LOGIN: DemoLogin =
    DemoLogin { email: "operator@koers.localhost", who: "operator staff", second_factor: true };

const MEMBERS: [(&str, &str, Lang, Roles, &str); 4] = [
    (
        "Femke Jansen",
        "femke.jansen@delinde.example",
        Lang::Nl,
        Roles { manager: false, admin: true, auditor: false },
        "admin (HR)",
    ),
    (
        "Ahmed El Amrani",
        "ahmed.elamrani@delinde.example",
        Lang::Nl,
        Roles { manager: true, admin: false, auditor: false },
        "manager",
    ),
    (
        "Sanne de Vries",
        "sanne.devries@delinde.example",
        Lang::Nl,
        Roles { manager: false, admin: false, auditor: false },
        "employee",
    ),
    (
        "Thomas Bakker",
        "thomas.bakker@delinde.example",
        Lang::En,
        Roles { manager: false, admin: false, auditor: false },
        "employee",
    ),
];

/// Every demo sign-in, for `make run` to print.
pub fn demo_logins() -> Vec<DemoLogin> {
    std::iter::once(OPERATOR_LOGIN)
        .chain(MEMBERS.iter().map(|(_, email, _, roles, who)| DemoLogin {
            email,
            who,
            second_factor: roles.admin,
        }))
        .collect()
}

/// Creates the demo operator account and organisation with its people,
/// unless any organisation exists. Returns whether it seeded.
pub async fn seed_demo_if_empty(
    db: &DatabaseConnection,
    (keys, storage): (&Keyring, &Storage),
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let existing = organisation::Entity::find().count(db).await.map_err(|error| {
        tracing::error!(%error, "database not readable");
        AppError::Internal
    })?;
    if existing > 0 {
        tracing::info!("database already holds data; demo seed skipped");
        return Ok(false);
    }
    let operator =
        accounts::create_operator(db, "Olga de Boer", OPERATOR_LOGIN.email, DEMO_PASSWORD, now).await?;
    enrol_demo_app(db, &keys.kek, Holder::Operator { operator: operator.0 }, now).await?;
    let org = organisations::create(db, keys, DEMO_ORGANISATION, now).await.map_err(|error| {
        tracing::error!(%error, "demo organisation not created");
        AppError::Internal
    })?;
    let mut people = Vec::new();
    for (name, email, language, roles, _) in MEMBERS {
        let user = NewUser { name, email: Some(email), language, roles };
        let id = accounts::create_user(db, org, user, Some(DEMO_PASSWORD), now).await?;
        if roles.admin {
            enrol_demo_app(db, &keys.kek, Holder::User { user: id.0, org: org.0 }, now).await?;
        }
        people.push((id, name, roles));
    }
    let [(femke, femke_name, femke_roles), ..] = people.as_slice() else { return Err(AppError::Internal) };
    let admin = OrgScope { org, user: *femke, name: (*femke_name).to_owned(), roles: *femke_roles };
    seed_functions(db, &admin, now).await?;
    seed_people(db, &admin, now).await?;
    seed_values_and_competencies(db, &admin, now).await?;
    goals::seed_goals(db, keys, org, public_url, now).await?;
    feedback::seed_feedback(db, keys, org, public_url, now).await?;
    one_on_ones::seed_one_on_ones(db, keys, org, now).await?;
    reviews::seed_reviews(db, keys, org, now).await?;
    surveys::seed_surveys(db, keys, org, now).await?;
    sub_processors::seed_sub_processors(db, now).await?;
    breaches::seed_breaches(db, operator, org, now).await?;
    documents::seed_documents(db, (keys, storage), org, now).await?;
    tracing::info!(organisation = DEMO_ORGANISATION, "demo data created");
    Ok(true)
}

async fn seed_functions(
    db: &DatabaseConnection,
    admin: &OrgScope,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    for texts in frame::FUNCTIONS {
        functions::create(db, admin, &bilingual(*texts), now).await?;
    }
    Ok(())
}

/// Everyone of `people.csv`, imported by the admin; the demo accounts are
/// in it too and get their place. All can sign in with the demo password.
async fn seed_people(db: &DatabaseConnection, admin: &OrgScope, now: DateTime<Utc>) -> Result<(), AppError> {
    let file = include_bytes!("people.csv");
    let fingerprint = import::fingerprint(file);
    let options = import::Options {
        fingerprint: &fingerprint,
        invite: false,
        default_language: Lang::Nl,
        public_url: "",
    };
    let job = import::ImportJobs::default().start(admin.org, import::row_count(file));
    import::run(db, admin, file, &options, &job, now).await?;
    let hash = password::hash(DEMO_PASSWORD)?;
    user_account::Entity::update_many()
        .col_expr(user_account::Column::PasswordHash, Expr::value(hash))
        .filter(user_account::Column::OrgId.eq(admin.org.0))
        .filter(user_account::Column::PasswordHash.is_null())
        .exec(db)
        .await
        .map(|_| ())
        .map_err(internal)
}

async fn seed_values_and_competencies(
    db: &DatabaseConnection,
    admin: &OrgScope,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    for texts in frame::VALUES {
        core_values::create(db, admin, &bilingual(*texts), now).await?;
    }
    let function_ids: HashMap<String, String> = functions::list(db, admin.org)
        .await?
        .into_iter()
        .map(|function| (function.name_nl, function.id.to_string()))
        .collect();
    let unit_ids: HashMap<String, String> =
        structure::tree(db, admin).await?.into_iter().map(|unit| (unit.name, unit.id.to_string())).collect();
    let ids = |names: &[&str], known: &HashMap<String, String>| -> Vec<String> {
        names.iter().filter_map(|name| known.get(*name).cloned()).collect()
    };
    for competency in frame::COMPETENCIES {
        let id = competencies::create(db, admin, &bilingual(competency.texts), now).await?;
        let scope = CompetencyScopeForm {
            functions: ids(competency.functions, &function_ids),
            units: ids(competency.units, &unit_ids),
        };
        competencies::set_scope(db, admin, id, &scope).await?;
        for (name_nl, name_en, indicators_nl, indicators_en) in competency.levels {
            let level = CompetencyLevelForm {
                name_nl: (*name_nl).to_owned(),
                name_en: (*name_en).to_owned(),
                indicators_nl: (*indicators_nl).to_owned(),
                indicators_en: (*indicators_en).to_owned(),
            };
            competencies::add_level(db, admin, id, &level).await?;
        }
    }
    Ok(())
}

fn bilingual((name_nl, name_en, description_nl, description_en): frame::Texts) -> BilingualForm {
    BilingualForm {
        name_nl: name_nl.to_owned(),
        name_en: name_en.to_owned(),
        description_nl: description_nl.to_owned(),
        description_en: description_en.to_owned(),
    }
}

async fn enrol_demo_app(
    db: &DatabaseConnection,
    kek: &KeyEncryptionKey,
    holder: Holder,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let secret = TotpSecret::from_base32(DEMO_TOTP_SECRET).ok_or(AppError::Internal)?;
    second_factor::enrol_known_secret(db, kek, holder, &secret, now).await.map_err(|error| {
        tracing::error!(%error, "demo authenticator app not enrolled");
        AppError::Internal
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{OrgId, UserId};
    use crate::server::testing::for_each_backend;

    for_each_backend! {
        async fn seeding_fills_an_empty_database_once(db) {
            let keys = crate::server::testing::test_keyring();
            let storage = crate::server::testing::local_storage();
            let now = Utc::now();
            assert!(seed_demo_if_empty(&db, (&keys, &storage), "http://127.0.0.1:3000", now).await.expect("first seed"));
            assert!(!seed_demo_if_empty(&db, (&keys, &storage), "http://127.0.0.1:3000", now).await.expect("second seed"));
            let names: Vec<String> =
                organisation::Entity::find().all(&db).await.expect("organisations").into_iter().map(|o| o.name).collect();
            assert_eq!(names, [DEMO_ORGANISATION]);
            assert_eq!(user_account::Entity::find().count(&db).await.expect("users"), 60);
            assert_eq!(crate::server::entity::org_unit::Entity::find().count(&db).await.expect("units"), 13);
            let user = |email: &str| {
                let db = db.clone();
                let email = email.to_owned();
                async move {
                    use sea_orm::{ColumnTrait, QueryFilter};
                    let found = user_account::Entity::find().filter(user_account::Column::Email.eq(email)).one(&db).await;
                    let found = found.expect("query").expect("demo user");
                    (OrgId(found.org_id), UserId(found.id))
                }
            };
            let (org, sanne) = user("sanne.devries@delinde.example").await;
            let (_, ahmed) = user("ahmed.elamrani@delinde.example").await;
            let managers = crate::server::auth::reach::managers_of(&db, org, sanne).await.expect("derived");
            assert_eq!(managers, [ahmed], "Ahmed manages Sanne");
            let (_, marieke) = user("marieke.visser@delinde.example").await;
            let managers = crate::server::auth::reach::managers_of(&db, org, ahmed).await.expect("derived");
            assert_eq!(managers, [marieke], "the care manager manages the team leader");
            let theirs: Vec<String> = competencies::for_person(&db, org, sanne).await.expect("hers").into_iter().map(|c| c.name_en).collect();
            assert_eq!(theirs, ["Client focus", "Clinical reasoning", "Collaboration"], "by unit and by function");
            let (_, noah) = user("noah.huisman@delinde.example").await;
            let noah = user_account::Entity::find_by_id(noah.0).one(&db).await.expect("read").expect("noah");
            let hash = noah.password_hash.expect("everyone has the demo password");
            assert!(password::verify(DEMO_PASSWORD, &hash), "so every demo person can sign in");

            // A year of goals: Sanne's is aligned to her team's, which is aligned to the organisation's.
            let scope = OrgScope { org, user: sanne, name: "Sanne de Vries".into(), roles: Roles::default() };
            let query = crate::server::service::goals::GoalQuery { owner: Some(sanne), ..Default::default() };
            let hers = crate::server::service::goals::list(&db, &keys, &scope, &query, now).await.expect("her goals");
            assert_eq!(hers.len(), 2);
            let intakes = hers.iter().find(|g| g.title == "Intakes snel inplannen").expect("her goal");
            assert!(intakes.progress > 0, "check-ins moved it");
            assert_eq!(intakes.parent.as_ref().map(|p| p.title.as_str()), Some("Nieuwe cliënten binnen vijf dagen in zorg"));

            // Her first-aid certificate, added by Ahmed, on her own page.
            let on_her = crate::domain::documents::Holder::Person(sanne);
            let documents = crate::server::service::documents::list(&db, &keys, &scope, on_her, (chrono_tz::UTC, 250), now).await.expect("hers");
            let documents: Vec<_> = documents.documents.into_iter().map(|d| (d.name, d.uploaded_by)).collect();
            assert_eq!(documents, [("BHV-certificaat.pdf".to_owned(), Some("Ahmed El Amrani".to_owned()))]);

            // The refresher template gave everyone in De Beuk a copy, and told them.
            let (_, sophie) = user("sophie.vandenberg@delinde.example").await;
            let scope = OrgScope { org, user: sophie, name: "Sophie van den Berg".into(), roles: Roles::default() };
            let query = crate::server::service::goals::GoalQuery { owner: Some(sophie), ..Default::default() };
            let hers: Vec<String> = crate::server::service::goals::list(&db, &keys, &scope, &query, now).await.expect("her goals").into_iter().map(|g| g.title).collect();
            assert_eq!(hers, ["Jaarlijkse BHV-herhaling"]);
            assert_eq!(crate::server::service::notifications::unread(&db, &scope).await.expect("unread"), 1);

            // Feedback and praise for Sanne, and her team leader's note about her, which only he reads.
            let scope = OrgScope { org, user: sanne, name: "Sanne de Vries".into(), roles: Roles::default() };
            let received = crate::server::service::feedback::list(&db, &keys, &scope, crate::domain::dto::FeedbackBox::Received, chrono_tz::UTC).await.expect("hers");
            assert_eq!(received.len(), 2);
            assert!(crate::server::service::notes::list(&db, &keys, &scope, None, chrono_tz::UTC).await.expect("hers").is_empty());
            assert_eq!(crate::server::service::notes::count_about(&db, org, sanne).await.expect("count"), 1);

            // Her weekly 1:1 with Ahmed: two meetings held, the next tomorrow with a point on it.
            let theirs = crate::server::service::one_on_ones::overview(&db, &scope, chrono_tz::UTC).await.expect("hers").series;
            let details = crate::server::service::one_on_ones::details(&db, &keys, &scope, theirs[0].id, chrono_tz::UTC).await.expect("1:1");
            assert_eq!((details.history.len(), details.upcoming.points.len(), details.actions.len()), (2, 1, 2));
            assert!(details.history.iter().flat_map(|m| &m.points).all(|p| !p.private), "Ahmed's private point is his");

            // This year's review cycle for everyone under Zorg, with its three
            // moments, copied from last year's, in which Sanne's evaluations are locked.
            let (_, femke_id) = user("femke.jansen@delinde.example").await;
            let femke = OrgScope { org, user: femke_id, name: "Femke Jansen".into(), roles: Roles { manager: false, admin: true, auditor: false } };
            let cycles = crate::server::service::reviews::cycles::list(&db, &femke).await.expect("cycles");
            assert_eq!((cycles.len(), cycles[0].moments, cycles[0].repeats_yearly), (2, 3, true));
            let today = chrono::Utc::now().date_naive();
            let sanne = OrgScope { org, user: sanne, name: "Sanne de Vries".into(), roles: Roles::default() };
            let hers = crate::server::service::reviews::evaluations::mine(&db, &sanne, today).await.expect("hers");
            let last_year: Vec<_> = hers.iter().filter(|e| e.cycle == cycles[1].name).collect();
            assert_eq!(last_year.len(), 3);
            assert!(last_year.iter().all(|e| e.stage == crate::domain::evaluations::Stage::Locked));
        }
    }
}
