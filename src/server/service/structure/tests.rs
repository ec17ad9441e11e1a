//! The structure as admins build it, and whose content it lets whom read
//! (issues 3 and 4), on SQLite and PostgreSQL.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

use super::*;
use crate::domain::roles::Roles;
use crate::server::auth::reach::{ReadReason, managers_of, may_read_content_of};
use crate::server::entity::manager_override;
use crate::server::testing::{self, for_each_backend};

const ADMIN: Roles = Roles { manager: false, admin: true, auditor: false };

/// An organisation with an admin: their scope.
async fn admin(db: &DatabaseConnection) -> OrgScope {
    let org = testing::organisation(db, "De Linde").await;
    let (user, _) = testing::member(db, org, "Femke", ADMIN).await;
    OrgScope { org, user, name: "Femke".into(), roles: ADMIN }
}

async fn person(db: &DatabaseConnection, admin: &OrgScope, name: &str, roles: Roles) -> OrgScope {
    let (user, _) = testing::member(db, admin.org, name, roles).await;
    OrgScope { org: admin.org, user, name: name.into(), roles }
}

/// Zorg → Wijkteam Noord → Team Noord-Oost: three levels.
async fn three_levels(db: &DatabaseConnection, admin: &OrgScope) -> [UnitId; 3] {
    let now = Utc::now();
    let care = create(db, admin, "Zorg", None, now).await.expect("top");
    let north = create(db, admin, "Wijkteam Noord", Some(care), now).await.expect("department");
    let north_east = create(db, admin, "Team Noord-Oost", Some(north), now).await.expect("team");
    [care, north, north_east]
}

for_each_backend! {
    async fn the_tree_comes_depth_first_with_managers_and_member_counts(db) {
        let admin = admin(&db).await;
        let [care, north, north_east] = three_levels(&db, &admin).await;
        let south = create(&db, &admin, "Wijkteam Zuid", Some(care), Utc::now()).await.expect("sibling");
        let ahmed = person(&db, &admin, "Ahmed", Roles::default()).await;
        set_manager(&db, &admin, north, ahmed.user, true, Utc::now()).await.expect("manager");
        add_member(&db, &admin, north_east, ahmed.user, true, Utc::now()).await.expect("member");

        let nodes = tree(&db, &admin).await.expect("tree");
        let shape: Vec<(UnitId, u32)> = nodes.iter().map(|n| (n.id, n.depth)).collect();
        assert_eq!(shape, [(care, 0), (north, 1), (north_east, 2), (south, 1)]);
        assert_eq!(nodes[1].managers.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["Ahmed"]);
        assert_eq!(nodes[2].member_count, 1);
    }

    async fn a_unit_cannot_move_into_itself_or_below_itself(db) {
        let admin = admin(&db).await;
        let [care, north, north_east] = three_levels(&db, &admin).await;
        for parent in [care, north_east] {
            let moved = update(&db, &admin, care, "Zorg", Some(parent), Utc::now()).await;
            assert!(matches!(moved, Err(AppError::Invalid { ref errors }) if errors[0].problem == Problem::WouldCreateCycle), "{moved:?}");
        }
        update(&db, &admin, north_east, "Team Noord-Oost", Some(care), Utc::now()).await.expect("moved up");
        let nodes = tree(&db, &admin).await.expect("tree");
        assert_eq!(nodes.iter().find(|n| n.id == north_east).map(|n| (n.parent, n.depth)), Some((Some(care), 1)));
        let details = details(&db, &admin, care).await.expect("details");
        assert!(details.possible_parents.iter().all(|n| n.id != care && n.id != north), "not itself nor below");
    }

    async fn only_empty_units_are_deleted(db) {
        let admin = admin(&db).await;
        let [care, _, north_east] = three_levels(&db, &admin).await;
        let refused = delete(&db, &admin, care, Utc::now()).await;
        assert!(matches!(refused, Err(AppError::Invalid { ref errors }) if errors[0].problem == Problem::UnitNotEmpty));
        delete(&db, &admin, north_east, Utc::now()).await.expect("an empty team goes");
    }

    async fn a_manager_follows_from_the_primary_unit_upwards_unless_overridden(db) {
        let admin = admin(&db).await;
        let [care, north, north_east] = three_levels(&db, &admin).await;
        let (director, head, nurse) = (
            person(&db, &admin, "Directeur", Roles::default()).await,
            person(&db, &admin, "Teamleider", Roles::default()).await,
            person(&db, &admin, "Verpleegkundige", Roles::default()).await,
        );
        set_manager(&db, &admin, care, director.user, true, Utc::now()).await.expect("director");
        set_manager(&db, &admin, north, head.user, true, Utc::now()).await.expect("head");
        add_member(&db, &admin, north_east, nurse.user, false, Utc::now()).await.expect("nurse");
        add_member(&db, &admin, north, head.user, false, Utc::now()).await.expect("head is a member too");

        // No manager on the team itself: the department's head manages the nurse.
        assert_eq!(managers_of(&db, admin.org, nurse.user).await.expect("derived"), [head.user]);
        // A manager is not their own manager: the head's comes from the unit above.
        assert_eq!(managers_of(&db, admin.org, head.user).await.expect("derived"), [director.user]);
        // A second unit as primary moves the reporting line.
        add_member(&db, &admin, care, nurse.user, true, Utc::now()).await.expect("primary elsewhere");
        assert_eq!(managers_of(&db, admin.org, nurse.user).await.expect("derived"), [director.user]);
        // An explicit override wins over the structure.
        manager_override::ActiveModel { user_id: Set(nurse.user.0), manager_id: Set(head.user.0) }
            .insert(&db)
            .await
            .expect("override");
        assert_eq!(managers_of(&db, admin.org, nurse.user).await.expect("derived"), [head.user]);
    }

    async fn an_admin_names_a_matrix_manager_and_gives_the_line_back(db) {
        let admin = admin(&db).await;
        let [_, north, _] = three_levels(&db, &admin).await;
        let (head, project_lead, nurse) = (
            person(&db, &admin, "Teamleider", Roles::default()).await,
            person(&db, &admin, "Projectleider", Roles::default()).await,
            person(&db, &admin, "Verpleegkundige", Roles::default()).await,
        );
        set_manager(&db, &admin, north, head.user, true, Utc::now()).await.expect("head");
        add_member(&db, &admin, north, nurse.user, true, Utc::now()).await.expect("nurse");
        set_manager_override(&db, &admin, nurse.user, Some(project_lead.user), Utc::now()).await.expect("override");
        let placed = placement(&db, &admin, nurse.user).await.expect("placement");
        assert_eq!(placed.managers.iter().map(|m| m.id).collect::<Vec<_>>(), [project_lead.user]);
        assert_eq!(placed.manager_override.map(|m| m.id), Some(project_lead.user));
        assert!(placed.candidates.iter().all(|c| c.id != nurse.user), "not their own manager");

        let own = set_manager_override(&db, &admin, nurse.user, Some(nurse.user), Utc::now()).await;
        assert!(matches!(own, Err(AppError::Invalid { .. })), "{own:?}");
        let intruder = self::admin(&db).await;
        assert_eq!(set_manager_override(&db, &intruder, nurse.user, None, Utc::now()).await.err(), Some(AppError::NotFound));

        set_manager_override(&db, &admin, nurse.user, None, Utc::now()).await.expect("back to the structure");
        assert_eq!(managers_of(&db, admin.org, nurse.user).await.expect("derived"), [head.user]);
    }

    async fn one_primary_unit_per_person_and_removing_it_promotes_another(db) {
        let admin = admin(&db).await;
        let [care, north, _] = three_levels(&db, &admin).await;
        let nurse = person(&db, &admin, "Verpleegkundige", Roles::default()).await;
        add_member(&db, &admin, north, nurse.user, false, Utc::now()).await.expect("first is primary");
        add_member(&db, &admin, care, nurse.user, false, Utc::now()).await.expect("second is not");
        let primary_of = |details: UnitDetails| details.members.iter().find(|m| m.person.id == nurse.user).map(|m| m.is_primary);
        assert_eq!(primary_of(details(&db, &admin, north).await.expect("north")), Some(true));
        assert_eq!(primary_of(details(&db, &admin, care).await.expect("care")), Some(false));
        remove_member(&db, &admin, north, nurse.user, Utc::now()).await.expect("removed");
        assert_eq!(primary_of(details(&db, &admin, care).await.expect("care")), Some(true));
    }

    async fn an_admin_reads_content_only_with_the_hr_reader_right_for_the_unit(db) {
        let admin = admin(&db).await;
        let [care, north, north_east] = three_levels(&db, &admin).await;
        let south = create(&db, &admin, "Wijkteam Zuid", Some(care), Utc::now()).await.expect("south");
        let (nurse, other_nurse) = (
            person(&db, &admin, "Verpleegkundige", Roles::default()).await,
            person(&db, &admin, "Collega", Roles::default()).await,
        );
        add_member(&db, &admin, north_east, nurse.user, true, Utc::now()).await.expect("nurse");
        add_member(&db, &admin, south, other_nurse.user, true, Utc::now()).await.expect("other");
        let hr = person(&db, &admin, "HR-adviseur", ADMIN).await;

        assert_eq!(may_read_content_of(&db, &hr, nurse.user).await.expect("checked"), None, "administering is not reading");
        set_hr_reader(&db, &admin, north, hr.user, true, Utc::now()).await.expect("granted");
        assert_eq!(may_read_content_of(&db, &hr, nurse.user).await.expect("checked"), Some(ReadReason::HrReader), "below the unit too");
        assert_eq!(may_read_content_of(&db, &hr, other_nurse.user).await.expect("checked"), None, "not another unit");
        assert_eq!(details(&db, &admin, north_east).await.expect("details").inherited_hr_readers.len(), 1);

        set_hr_reader(&db, &admin, north, hr.user, false, Utc::now()).await.expect("revoked");
        assert_eq!(may_read_content_of(&db, &hr, nurse.user).await.expect("checked"), None);
        let nurse_as_grantee = set_hr_reader(&db, &admin, north, nurse.user, true, Utc::now()).await;
        assert!(matches!(nurse_as_grantee, Err(AppError::Invalid { ref errors }) if errors[0].problem == Problem::NotAnAdmin));
        let actions = crate::server::entity::audit_event::Entity::find().all(&db).await.expect("audit");
        assert!(actions.iter().any(|e| e.action == "structure.hr_reader_granted"));
        assert!(actions.iter().any(|e| e.action == "structure.hr_reader_revoked"));
    }

    async fn managers_read_their_reports_and_people_their_own(db) {
        let admin = admin(&db).await;
        let [_, north, _] = three_levels(&db, &admin).await;
        let (head, nurse) = (
            person(&db, &admin, "Teamleider", Roles { manager: true, ..Roles::default() }).await,
            person(&db, &admin, "Verpleegkundige", Roles::default()).await,
        );
        set_manager(&db, &admin, north, head.user, true, Utc::now()).await.expect("head");
        add_member(&db, &admin, north, nurse.user, true, Utc::now()).await.expect("nurse");
        assert_eq!(may_read_content_of(&db, &head, nurse.user).await.expect("checked"), Some(ReadReason::Manager));
        assert_eq!(may_read_content_of(&db, &nurse, head.user).await.expect("checked"), None);
        assert_eq!(may_read_content_of(&db, &nurse, nurse.user).await.expect("checked"), Some(ReadReason::Own));
    }

    async fn another_organisation_can_neither_see_nor_touch_the_structure(db) {
        let admin = admin(&db).await;
        let intruder = self::admin(&db).await;
        let [care, north, _] = three_levels(&db, &admin).await;
        let nurse = person(&db, &admin, "Verpleegkundige", Roles::default()).await;
        add_member(&db, &admin, north, nurse.user, true, Utc::now()).await.expect("nurse");
        assert!(tree(&db, &intruder).await.expect("own tree").is_empty());
        assert_eq!(details(&db, &intruder, care).await.err(), Some(AppError::NotFound));
        assert_eq!(create(&db, &intruder, "Kaping", Some(care), Utc::now()).await.err(), Some(AppError::NotFound));
        assert_eq!(update(&db, &intruder, care, "Kaping", None, Utc::now()).await.err(), Some(AppError::NotFound));
        assert_eq!(delete(&db, &intruder, north, Utc::now()).await.err(), Some(AppError::NotFound));
        assert_eq!(add_member(&db, &intruder, care, intruder.user, true, Utc::now()).await.err(), Some(AppError::NotFound));
        let own = create(&db, &intruder, "Eigen team", None, Utc::now()).await.expect("own unit");
        assert_eq!(add_member(&db, &intruder, own, nurse.user, true, Utc::now()).await.err(), Some(AppError::NotFound), "not their person");
        assert_eq!(set_hr_reader(&db, &intruder, care, intruder.user, true, Utc::now()).await.err(), Some(AppError::NotFound));
        assert_eq!(may_read_content_of(&db, &intruder, nurse.user).await.expect("checked"), None);
    }
}
