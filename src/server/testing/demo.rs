//! The demo organisation as a fixture: a realistic organisation with a year
//! of data, for tests that must find a person's data wherever it lives.

use std::collections::HashSet;

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use crate::domain::ids::{OrgId, UserId};
use crate::domain::roles::Roles;
use crate::server::auth::OrgScope;
use crate::server::crypto::{Keyring, Purpose};
use crate::server::entity::{
    feedback, goal, one_on_one, organisation, private_note, review_evaluation, review_moment,
    review_nomination, user_account,
};
use crate::server::seed;
use crate::server::service::tenant_keys;
use crate::server::storage::Storage;

pub struct Demo {
    pub org: OrgId,
    /// An admin of the demo organisation, as the services see them.
    pub admin: OrgScope,
    /// Someone other than the admin with data of every kind: goals,
    /// feedback given and received, notes about them, a 1:1, an evaluation,
    /// peer reviews of them (by the admin and by someone outside) and of
    /// the admin by them.
    pub person: user_account::Model,
    /// The object store holding the demo's documents.
    pub storage: Storage,
}

/// Seeds the demo organisation into `db`.
pub async fn demo(db: &DatabaseConnection, keys: &Keyring) -> Demo {
    let storage = super::local_storage();
    seed::seed_demo_if_empty(db, (keys, &storage), "https://koers.example", Utc::now())
        .await
        .expect("the demo organisation");
    let org = organisation::Entity::find()
        .filter(organisation::Column::Name.eq(seed::DEMO_ORGANISATION))
        .one(db)
        .await
        .expect("read")
        .map(|o| OrgId(o.id))
        .expect("seeded");
    let people = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(org.0))
        .all(db)
        .await
        .expect("read");
    let admin = people.iter().find(|p| p.is_admin).expect("the demo has an admin");
    let roles = Roles { manager: admin.is_manager, admin: true, auditor: admin.is_auditor };
    let admin = OrgScope { org, user: UserId(admin.id), name: admin.name.clone(), roles };
    let with = |ids: Vec<uuid::Uuid>| ids.into_iter().collect::<HashSet<_>>();
    let owners = with(
        goal::Entity::find().all(db).await.expect("read").into_iter().filter_map(|g| g.owner_id).collect(),
    );
    let feedbacks = feedback::Entity::find().all(db).await.expect("read");
    let receivers = with(feedbacks.iter().map(|f| f.recipient_id).collect());
    let givers = with(feedbacks.iter().filter_map(|f| f.giver_id).collect());
    let noted = with(
        private_note::Entity::find().all(db).await.expect("read").into_iter().map(|n| n.subject_id).collect(),
    );
    let talked = with(
        one_on_one::Entity::find().all(db).await.expect("read").into_iter().map(|s| s.employee_id).collect(),
    );
    let evaluated = with(
        review_evaluation::Entity::find()
            .all(db)
            .await
            .expect("read")
            .into_iter()
            .map(|e| e.employee_id)
            .collect(),
    );
    let kinds = [&owners, &receivers, &givers, &noted, &talked, &evaluated];
    let person = people
        .into_iter()
        .filter(|p| p.id != admin.user.0 && p.deactivated_at.is_none())
        .max_by_key(|p| kinds.iter().filter(|set| set.contains(&p.id)).count())
        .expect("the demo has people");
    let missing: Vec<usize> = (0..kinds.len()).filter(|i| !kinds[*i].contains(&person.id)).collect();
    assert!(missing.is_empty(), "{} lacks data of kinds {missing:?}", person.name);
    peer_reviews(db, keys, org, &person, admin.user).await;
    Demo { org, admin, person, storage }
}

/// The demo asks nobody for peer reviews: the person reviews a colleague,
/// and is reviewed by that colleague and by someone outside.
async fn peer_reviews(
    db: &DatabaseConnection,
    keys: &Keyring,
    org: OrgId,
    person: &user_account::Model,
    colleague: UserId,
) {
    let cipher = tenant_keys::content_cipher(db, keys, org).await.expect("cipher");
    let moment = review_moment::Entity::find()
        .filter(review_moment::Column::OrgId.eq(org.0))
        .one(db)
        .await
        .expect("read")
        .expect("the demo has review moments");
    let reviews = [
        (colleague.0, Some(person.id), None),
        (person.id, Some(colleague.0), None),
        (person.id, None, Some(("Eva Extern", "eva@extern.example"))),
    ];
    for (employee, reviewer, external) in reviews {
        let id = uuid::Uuid::now_v7();
        let seal = |field: &str, text: &str| {
            cipher.seal_text(Purpose::Evaluation, &format!("review_nomination/{id}/{field}"), text)
        };
        review_nomination::ActiveModel {
            id: Set(id),
            org_id: Set(org.0),
            moment_id: Set(moment.id),
            employee_id: Set(employee),
            reviewer_id: Set(reviewer),
            external_name: Set(external.map(|(name, _)| seal("external_name", name))),
            external_email: Set(external.map(|(_, email)| seal("external_email", email))),
            token_hash: Set(None),
            approved_at: Set(Some(Utc::now())),
            approved_by: Set(Some(colleague.0)),
            answers: Set(Some(seal("answers", r#"{"q1":"Helpt collega's graag verder"}"#))),
            answered_at: Set(Some(Utc::now())),
            created_at: Set(Utc::now()),
        }
        .insert(db)
        .await
        .expect("a peer review");
    }
}
