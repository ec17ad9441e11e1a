//! Goals (issue 5): who sees and changes them, how progress follows the key
//! results, the goal plan's approval, alignment, isolation between
//! organisations and sealed texts, on SQLite and PostgreSQL.

use chrono::Utc;
use sea_orm::{DatabaseConnection, EntityTrait};

use super::*;
use crate::domain::dto::{Goal, KeyResultForm, KeyResultValue};
use crate::domain::goals::PlanState;
use crate::domain::roles::Roles;
use crate::server::entity::user_account;
use crate::server::service::{core_values, structure};
use crate::server::testing::{self, for_each_backend, test_keyring};

const ADMIN: Roles = Roles { manager: false, admin: true, auditor: false };
const MANAGER: Roles = Roles { manager: true, admin: false, auditor: false };
pub(super) const YEAR: &str = "2027";

/// De Linde: Ahmed manages Wijkteam Noord (Sanne and Kevin in it); Thomas
/// is in Wijkteam Zuid; Femke is an admin with the HR reader right on
/// Noord, Hanna an admin without it.
pub(super) struct Linde {
    pub(super) femke: OrgScope,
    pub(super) hanna: OrgScope,
    pub(super) ahmed: OrgScope,
    pub(super) sanne: OrgScope,
    pub(super) kevin: OrgScope,
    pub(super) thomas: OrgScope,
    pub(super) north: UnitId,
    /// Zorg, above Noord and Zuid.
    pub(super) care: UnitId,
}

pub(super) async fn linde(db: &DatabaseConnection) -> Linde {
    let org = testing::organisation(db, "De Linde").await;
    let femke = testing::scope(db, org, "Femke", ADMIN).await;
    let hanna = testing::scope(db, org, "Hanna", ADMIN).await;
    let ahmed = testing::scope(db, org, "Ahmed", MANAGER).await;
    let sanne = testing::scope(db, org, "Sanne", Roles::default()).await;
    let kevin = testing::scope(db, org, "Kevin", Roles::default()).await;
    let thomas = testing::scope(db, org, "Thomas", Roles::default()).await;
    let now = Utc::now();
    let care = structure::create(db, &femke, "Zorg", None, now).await.expect("unit");
    let north = structure::create(db, &femke, "Wijkteam Noord", Some(care), now).await.expect("unit");
    let south = structure::create(db, &femke, "Wijkteam Zuid", Some(care), now).await.expect("unit");
    structure::set_manager(db, &femke, north, ahmed.user, true, now).await.expect("manager");
    for member in [&ahmed, &sanne, &kevin] {
        structure::add_member(db, &femke, north, member.user, true, now).await.expect("member");
    }
    structure::add_member(db, &femke, south, thomas.user, true, now).await.expect("member");
    structure::set_hr_reader(db, &femke, north, femke.user, true, now).await.expect("hr reader");
    Linde { femke, hanna, ahmed, sanne, kevin, thomas, north, care }
}

pub(super) fn goal(kind: &str, title: &str) -> GoalForm {
    GoalForm { kind: kind.into(), year: YEAR.into(), title: title.into(), ..Default::default() }
}

async fn add(db: &DatabaseConnection, scope: &OrgScope, form: GoalForm) -> GoalId {
    create(db, &test_keyring(), scope, &form, Utc::now()).await.expect("created")
}

pub(super) async fn read(
    db: &DatabaseConnection,
    scope: &OrgScope,
    id: GoalId,
) -> Result<GoalDetails, AppError> {
    details(db, &test_keyring(), scope, id, chrono_tz::Europe::Amsterdam, Utc::now()).await
}

pub(super) async fn goals_of(db: &DatabaseConnection, viewer: &OrgScope, owner: &OrgScope) -> Vec<String> {
    let query = GoalQuery { owner: Some(owner.user), ..Default::default() };
    list(db, &test_keyring(), viewer, &query, Utc::now())
        .await
        .expect("list")
        .into_iter()
        .map(|g: Goal| g.title)
        .collect()
}

for_each_backend! {
    async fn a_personal_goal_is_seen_as_its_visibility_says(db) {
        let linde = linde(&db).await;
        for visibility in ["private", "manager", "team", "organisation"] {
            add(&db, &linde.sanne, GoalForm { visibility: visibility.into(), ..goal("performance", visibility) }).await;
        }
        let seen = |viewer| goals_of(&db, viewer, &linde.sanne);
        assert_eq!(seen(&linde.sanne).await, ["private", "manager", "team", "organisation"], "the owner");
        assert_eq!(seen(&linde.ahmed).await, ["manager", "team", "organisation"], "her manager");
        assert_eq!(seen(&linde.kevin).await, ["team", "organisation"], "a colleague of her unit");
        assert_eq!(seen(&linde.thomas).await, ["organisation"], "someone of another unit");
        assert_eq!(seen(&linde.femke).await, ["manager", "team", "organisation"], "an admin with the HR reader right: never private");
        assert_eq!(seen(&linde.hanna).await, ["organisation"], "administering alone gives no reading");

        // The HR reader's reading is logged; an ordinary one is not.
        use crate::server::entity::audit_event;
        use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};
        let hr_reads = audit_event::Entity::find().filter(audit_event::Column::Action.eq("content.read_as_hr_reader")).count(&db).await.expect("count");
        assert_eq!(hr_reads, 1);
    }

    async fn the_owner_and_their_manager_change_a_goal_others_cannot(db) {
        let linde = linde(&db).await;
        let id = add(&db, &linde.sanne, GoalForm { visibility: "organisation".into(), ..goal("performance", "Wondzorg") }).await;
        let keys = test_keyring();
        let renamed = GoalForm { visibility: "organisation".into(), ..goal("performance", "Wondzorg verbeteren") };
        update(&db, &keys, &linde.ahmed, id, &renamed, Utc::now()).await.expect("her manager may");
        assert_eq!(update(&db, &keys, &linde.kevin, id, &renamed, Utc::now()).await, Err(AppError::Forbidden), "a colleague sees it but may not change it");
        assert_eq!(delete((&db, &crate::server::testing::local_storage()), &linde.hanna, id, Utc::now()).await, Err(AppError::Forbidden), "nor may an admin");

        // A manager sets a goal for a report; not for someone else's report.
        let for_report = GoalForm { owner: linde.sanne.user.to_string(), ..goal("performance", "Nieuwe collega inwerken") };
        let set = create(&db, &keys, &linde.ahmed, &for_report, Utc::now()).await.expect("for a report");
        assert_eq!(read(&db, &linde.sanne, set).await.expect("hers").goal.owner.map(|o| o.id), Some(linde.sanne.user));
        let for_stranger = GoalForm { owner: linde.thomas.user.to_string(), ..goal("performance", "Niet van jou") };
        assert_eq!(create(&db, &keys, &linde.ahmed, &for_stranger, Utc::now()).await, Err(AppError::Forbidden));
        let for_colleague = GoalForm { owner: linde.kevin.user.to_string(), ..goal("performance", "Niet van jou") };
        assert_eq!(create(&db, &keys, &linde.sanne, &for_colleague, Utc::now()).await, Err(AppError::Forbidden));
    }

    async fn organisation_goals_are_the_admins_and_team_goals_the_units_managers(db) {
        let linde = linde(&db).await;
        let keys = test_keyring();
        assert_eq!(create(&db, &keys, &linde.ahmed, &goal("organisation", "Groei"), Utc::now()).await, Err(AppError::Forbidden));
        let growth = add(&db, &linde.femke, goal("organisation", "Groei")).await;
        let team = GoalForm { unit: linde.north.to_string(), parent: growth.to_string(), ..goal("team", "Tien nieuwe cliënten") };
        let team_goal = add(&db, &linde.ahmed, team.clone()).await;
        assert_eq!(create(&db, &keys, &linde.sanne, &team, Utc::now()).await, Err(AppError::Forbidden), "not her unit to set goals for");

        // Sanne aligns her goal to the team goal; the chain shows on both sides.
        let aligned = add(&db, &linde.sanne, GoalForm { parent: team_goal.to_string(), visibility: "team".into(), ..goal("performance", "Drie intakes per week") }).await;
        let shown = read(&db, &linde.kevin, team_goal).await.expect("everyone sees team goals");
        assert_eq!(shown.goal.parent.map(|p| p.title), Some("Groei".to_owned()));
        assert_eq!(shown.children.iter().map(|c| c.id).collect::<Vec<_>>(), [aligned]);
        assert!(read(&db, &linde.thomas, team_goal).await.expect("visible").children.is_empty(), "a goal he may not see is not listed");

        // Aligning to a personal goal, or a goal to one below itself, is refused.
        let to_personal = create(&db, &keys, &linde.kevin, &GoalForm { parent: aligned.to_string(), ..goal("performance", "x") }, Utc::now()).await;
        assert!(matches!(to_personal, Err(AppError::Invalid { ref errors }) if errors[0].field == "parent"));
        let circle = GoalForm { parent: team_goal.to_string(), ..goal("organisation", "Groei") };
        let refused = update(&db, &keys, &linde.femke, growth, &circle, Utc::now()).await;
        assert!(matches!(refused, Err(AppError::Invalid { ref errors }) if errors[0].problem == Problem::WouldCreateCycle));
        let options: Vec<GoalId> = alignable(&db, &keys, &linde.sanne, 2027).await.expect("options").iter().map(|g| g.id).collect();
        assert_eq!(options, [growth, team_goal]);

        // A unit with team goals is not deleted, even once its people have left.
        for member in [&linde.ahmed, &linde.sanne, &linde.kevin] {
            structure::remove_member(&db, &linde.femke, linde.north, member.user, Utc::now()).await.expect("left");
        }
        let deleted = structure::delete(&db, &linde.femke, linde.north, Utc::now()).await;
        assert!(matches!(deleted, Err(AppError::Invalid { ref errors }) if errors[0].problem == Problem::UnitNotEmpty));
    }

    async fn check_ins_move_the_key_results_and_form_the_history(db) {
        let linde = linde(&db).await;
        let keys = test_keyring();
        let form = GoalForm {
            key_results: vec![
                KeyResultForm { title: "Intakes".into(), start: "0".into(), target: "10".into() },
                KeyResultForm { title: "Verzuim (%)".into(), start: "6".into(), target: "4".into() },
            ],
            ..goal("performance", "Meer cliënten")
        };
        let id = add(&db, &linde.sanne, form).await;
        let results = read(&db, &linde.sanne, id).await.expect("read").goal.key_results;
        let value = |at: usize, value: &str| KeyResultValue { id: results[at].id.to_string(), value: value.into() };
        let first = CheckInForm { status: "on_track".into(), comment: "Goede start".into(), values: vec![value(0, "4")], ..Default::default() };
        check_in(&db, &keys, &linde.sanne, id, &first, Utc::now()).await.expect("first");
        let second = CheckInForm { status: "at_risk".into(), comment: "Veel ziekte".into(), values: vec![value(0, "6"), value(1, "5,5")], ..Default::default() };
        check_in(&db, &keys, &linde.ahmed, id, &second, Utc::now() + chrono::Duration::seconds(1)).await.expect("the manager too");

        let shown = read(&db, &linde.sanne, id).await.expect("read");
        assert_eq!(shown.goal.progress, 43, "(60% + 25%) / 2, rounded");
        assert_eq!(shown.goal.status, GoalStatus::AtRisk);
        let history: Vec<(&str, u8, &str)> = shown.check_ins.iter().map(|c| (c.author.name.as_str(), c.progress, c.comment.as_str())).collect();
        assert_eq!(history, [("Ahmed", 43, "Veel ziekte"), ("Sanne", 20, "Goede start")], "newest first");
        assert_eq!(shown.check_ins[0].values, [("Intakes".to_owned(), 6.0), ("Verzuim (%)".to_owned(), 5.5)]);

        // Without key results, the check-in says how far it is.
        let plain = add(&db, &linde.sanne, goal("performance", "Cursus afronden")).await;
        let halfway = CheckInForm { status: "on_track".into(), progress: "50".into(), ..Default::default() };
        check_in(&db, &keys, &linde.sanne, plain, &halfway, Utc::now()).await.expect("check-in");
        assert_eq!(read(&db, &linde.sanne, plain).await.expect("read").goal.progress, 50);
        let wrong = CheckInForm { status: "on_track".into(), progress: "150".into(), ..Default::default() };
        assert!(matches!(check_in(&db, &keys, &linde.sanne, plain, &wrong, Utc::now()).await, Err(AppError::Invalid { ref errors }) if errors[0].field == "progress"));
        let done = CheckInForm { status: "done".into(), ..Default::default() };
        check_in(&db, &keys, &linde.sanne, plain, &done, Utc::now()).await.expect("done");
        assert_eq!(read(&db, &linde.sanne, plain).await.expect("read").goal.progress, 100);
        assert_eq!(check_in(&db, &keys, &linde.kevin, plain, &halfway, Utc::now()).await, Err(AppError::NotFound), "not his to see");
    }

    async fn a_development_goal_develops_a_competency_or_a_core_value_of_the_organisation(db) {
        let linde = linde(&db).await;
        let keys = test_keyring();
        let value = core_values::create(&db, &linde.femke, &crate::domain::dto::BilingualForm { name_nl: "Betrokken".into(), name_en: "Involved".into(), ..Default::default() }, Utc::now()).await.expect("value");
        let id = add(&db, &linde.sanne, GoalForm { develops: value.to_string(), ..goal("development", "Vaker doorvragen") }).await;
        let shown = read(&db, &linde.sanne, id).await.expect("read").goal;
        assert_eq!(shown.develops.map(|(_, name)| name.en), Some("Involved".to_owned()));
        let without = create(&db, &keys, &linde.sanne, &goal("development", "Iets"), Utc::now()).await;
        assert!(matches!(without, Err(AppError::Invalid { ref errors }) if errors[0].field == "develops" && errors[0].problem == Problem::Required));
    }

    async fn a_goal_plan_is_submitted_returned_fixed_and_approved(db) {
        let linde = linde(&db).await;
        let keys = test_keyring();
        let step = |scope: &OrgScope, step, comment: &str| {
            let (db, keys, scope, comment, owner) = (db.clone(), keys.clone(), scope.clone(), comment.to_owned(), linde.sanne.user);
            async move { plan_step(&db, &keys, &scope, PlanOf { owner, year: 2027 }, (step, &comment), "https://koers.example", Utc::now()).await }
        };
        let not_now = |result: Result<crate::domain::dto::GoalPlan, AppError>| matches!(result, Err(AppError::Invalid { ref errors }) if errors[0].problem == Problem::NotNow);
        assert!(not_now(step(&linde.sanne, PlanStep::Submit, "").await), "without the setting there is nothing to approve");

        settings::set_for_organisation(&db, &linde.femke, Setting::GoalApproval, Some("on"), Utc::now()).await.expect("on");
        let id = add(&db, &linde.sanne, goal("performance", "Drie intakes per week")).await;
        assert_eq!(step(&linde.ahmed, PlanStep::Submit, "").await.err(), Some(AppError::Forbidden), "only the owner submits");
        assert_eq!(step(&linde.sanne, PlanStep::Submit, "").await.expect("submitted").state, PlanState::Submitted);
        let mails = || {
            let db = db.clone();
            async move {
                use crate::server::entity::outbound_message;
                use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
                outbound_message::Entity::find()
                    .filter(outbound_message::Column::Kind.starts_with("goal_plan_"))
                    .order_by_asc(outbound_message::Column::CreatedAt)
                    .all(&db)
                    .await
                    .expect("queue")
                    .into_iter()
                    .map(|m| m.recipient)
                    .collect::<Vec<_>>()
            }
        };
        let address = |scope: &OrgScope| {
            let db = db.clone();
            let user = scope.user;
            async move { user_account::Entity::find_by_id(user.0).one(&db).await.expect("read").and_then(|u| u.email).expect("address") }
        };
        assert_eq!(mails().await, [address(&linde.ahmed).await], "her manager is asked by e-mail");
        assert_eq!(step(&linde.sanne, PlanStep::Approve, "").await.err(), Some(AppError::Forbidden), "not her own");
        assert!(matches!(step(&linde.ahmed, PlanStep::Return, " ").await, Err(AppError::Invalid { ref errors }) if errors[0].field == "comment"), "returning says why");
        let returned = step(&linde.ahmed, PlanStep::Return, "Maak het meetbaar").await.expect("returned");
        assert_eq!((returned.state, returned.comment.as_deref()), (PlanState::Returned, Some("Maak het meetbaar")));
        assert_eq!(mails().await.last(), Some(&address(&linde.sanne).await), "she hears it was returned");

        let fixed = GoalForm { key_results: vec![KeyResultForm { title: "Intakes per week".into(), start: "1".into(), target: "3".into() }], ..goal("performance", "Drie intakes per week") };
        update(&db, &keys, &linde.sanne, id, &fixed, Utc::now()).await.expect("fixed");
        let resubmitted = step(&linde.sanne, PlanStep::Submit, "").await.expect("resubmitted");
        assert_eq!((resubmitted.state, resubmitted.comment.as_deref()), (PlanState::Submitted, Some("Maak het meetbaar")));
        assert_eq!(step(&linde.ahmed, PlanStep::Approve, "").await.expect("approved").state, PlanState::Approved);
        assert!(not_now(step(&linde.ahmed, PlanStep::Approve, "").await), "approved once");

        add(&db, &linde.sanne, goal("performance", "Nog een doel")).await;
        let reopened = plan(&db, &keys, &linde.sanne, PlanOf { owner: linde.sanne.user, year: 2027 }).await.expect("plan");
        assert_eq!(reopened.state, PlanState::Draft, "a change needs approval again");
        assert_eq!(plan(&db, &keys, &linde.kevin, PlanOf { owner: linde.sanne.user, year: 2027 }).await.err(), Some(AppError::NotFound), "a colleague does not see her plan");
    }

    async fn a_manager_sees_how_the_goals_of_each_report_stand(db) {
        let linde = linde(&db).await;
        let keys = test_keyring();
        let behind = add(&db, &linde.sanne, GoalForm { visibility: "manager".into(), ..goal("performance", "Achter") }).await;
        add(&db, &linde.sanne, GoalForm { visibility: "private".into(), ..goal("performance", "Privé") }).await;
        let halfway = CheckInForm { status: "behind".into(), progress: "40".into(), ..Default::default() };
        check_in(&db, &keys, &linde.sanne, behind, &halfway, Utc::now()).await.expect("check-in");
        let overview = team_overview(&db, &linde.ahmed, 2027).await.expect("overview");
        let shown: Vec<(&str, u32, u32, u8)> = overview.iter().map(|r| (r.person.name.as_str(), r.goals, r.behind, r.average_progress)).collect();
        assert_eq!(shown, [("Kevin", 0, 0, 0), ("Sanne", 1, 1, 40)], "her private goal is not counted; Kevin has none");
        assert!(team_overview(&db, &linde.kevin, 2027).await.expect("overview").is_empty());
        let offered = choices(&db, &keys, &linde.ahmed, 2027).await.expect("choices");
        assert_eq!(offered.reports.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Kevin", "Sanne"]);
        assert_eq!(offered.units.iter().map(|(id, _)| *id).collect::<Vec<_>>(), [linde.north]);
        assert!(!offered.organisation_goals);
    }

    async fn admins_see_completion_and_alignment_per_unit_as_counts(db) {
        let linde = linde(&db).await;
        let keys = test_keyring();
        let growth = add(&db, &linde.femke, goal("organisation", "Groei")).await;
        add(&db, &linde.sanne, GoalForm { parent: growth.to_string(), visibility: "private".into(), ..goal("performance", "Afgestemd") }).await;
        let done = add(&db, &linde.kevin, goal("performance", "Los")).await;
        check_in(&db, &keys, &linde.kevin, done, &CheckInForm { status: "done".into(), ..Default::default() }, Utc::now()).await.expect("done");
        add(&db, &linde.thomas, goal("performance", "Zuid")).await;
        let overview = unit_overview(&db, &linde.femke, 2027).await.expect("overview");
        let shown: Vec<(&str, u32, u32, u32, u8, u32, u32)> = overview
            .iter()
            .map(|u| (u.name.as_str(), u.people, u.goals, u.done, u.average_progress, u.performance_goals, u.aligned))
            .collect();
        assert_eq!(shown, [
            ("De Linde", 6, 3, 1, 33, 3, 1),
            ("Zorg", 4, 3, 1, 33, 3, 1),
            ("Wijkteam Noord", 3, 2, 1, 50, 2, 1),
            ("Wijkteam Zuid", 1, 1, 0, 0, 1, 0),
        ], "a private goal counts, its content stays private");
    }

    async fn another_organisation_sees_nothing_and_the_texts_are_sealed(db) {
        let linde = linde(&db).await;
        let keys = test_keyring();
        let id = add(&db, &linde.sanne, GoalForm { visibility: "organisation".into(), description: "Geheime toelichting".into(), ..goal("performance", "Wondzorg") }).await;
        let other = testing::organisation(&db, "Het Baken").await;
        let stranger = testing::scope(&db, other, "Vreemde", ADMIN).await;
        assert_eq!(read(&db, &stranger, id).await.err(), Some(AppError::NotFound));
        assert!(goals_of(&db, &stranger, &linde.sanne).await.is_empty());
        let check = CheckInForm { status: "done".into(), ..Default::default() };
        assert_eq!(check_in(&db, &keys, &stranger, id, &check, Utc::now()).await, Err(AppError::NotFound));
        let aligned = GoalForm { parent: id.to_string(), ..goal("performance", "x") };
        assert!(matches!(create(&db, &keys, &stranger, &aligned, Utc::now()).await, Err(AppError::Invalid { .. })));

        let raw = crate::server::entity::goal::Entity::find_by_id(id.0).one(&db).await.expect("read").expect("row");
        let stored = String::from_utf8_lossy(&raw.description);
        assert!(!stored.contains("Geheime toelichting") && !String::from_utf8_lossy(&raw.title).contains("Wondzorg"), "only ciphertext is stored");
    }
}
