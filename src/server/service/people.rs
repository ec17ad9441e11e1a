//! The people of an organisation, as its admins manage them: invite,
//! deactivate (every session ends at once) and reactivate. Every function
//! takes the admin's scope and only ever touches that organisation: an id of
//! another organisation is simply not found.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set, SqlErr,
    TransactionTrait,
};

use super::invitations::{self, Invitee};
use crate::domain::AppError;
use crate::domain::audit::{ActorKind, AuditAction};
use crate::domain::dto::{AccountStatus, NewPerson, PersonSummary};
use crate::domain::ids::UserId;
use crate::domain::roles::Roles;
use crate::domain::validation::{FieldError, Problem};
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::{OrgScope, session};
use crate::server::db::internal;
use crate::server::entity::{organisation, user_account};

pub async fn list(db: &DatabaseConnection, admin: &OrgScope) -> Result<Vec<PersonSummary>, AppError> {
    let people = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(admin.org.0))
        .order_by_asc(user_account::Column::Name)
        .all(db)
        .await
        .map_err(internal)?;
    Ok(people
        .into_iter()
        .map(|person| PersonSummary {
            id: UserId(person.id),
            status: if person.deactivated_at.is_some() {
                AccountStatus::Deactivated
            } else if person.password_hash.is_none() {
                AccountStatus::Invited
            } else {
                AccountStatus::Active
            },
            is_you: person.id == admin.user.0,
            roles: Roles { manager: person.is_manager, admin: person.is_admin, auditor: person.is_auditor },
            name: person.name,
            email: person.email,
        })
        .collect())
}

/// Adds a person to the admin's organisation and e-mails them an invitation.
pub async fn invite(
    db: &DatabaseConnection,
    admin: &OrgScope,
    person: &NewPerson,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<UserId, AppError> {
    let organisation = organisation::Entity::find_by_id(admin.org.0).one(db).await.map_err(internal)?;
    let organisation = organisation.map(|o| o.name).unwrap_or_default();
    let user = UserId(uuid::Uuid::now_v7());
    let txn = db.begin().await.map_err(internal)?;
    let inserted = user_account::ActiveModel {
        id: Set(user.0),
        org_id: Set(admin.org.0),
        name: Set(person.name.clone()),
        email: Set(Some(person.email.clone())),
        username: Set(None),
        phone: Set(None),
        language: Set(person.language.code().to_owned()),
        password_hash: Set(None),
        is_manager: Set(person.roles.manager),
        is_admin: Set(person.roles.admin),
        is_auditor: Set(person.roles.auditor),
        created_at: Set(now),
        deactivated_at: Set(None),
    }
    .insert(&txn)
    .await;
    if let Err(error) = inserted {
        // Unique per organisation only, so this says nothing about other organisations.
        if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) {
            let errors = vec![FieldError { field: "email".into(), problem: Problem::AlreadyInUse }];
            return Err(AppError::Invalid { errors });
        }
        return Err(internal(error));
    }
    let invitee = Invitee {
        user,
        org: admin.org,
        name: &person.name,
        email: &person.email,
        language: person.language,
        organisation: &organisation,
    };
    invitations::invite_by_email(&txn, &invitee, public_url, now).await?;
    txn.commit().await.map_err(internal)?;
    record(db, admin, AuditAction::UserInvited, user, now).await?;
    Ok(user)
}

/// Stops a person from signing in and ends their open sessions at once.
pub async fn deactivate(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if user == admin.user {
        return Err(AppError::Forbidden);
    }
    let person = member(db, admin, user).await?;
    if person.deactivated_at.is_none() {
        let mut change: user_account::ActiveModel = person.into();
        change.deactivated_at = Set(Some(now));
        change.update(db).await.map_err(internal)?;
        record(db, admin, AuditAction::UserDeactivated, user, now).await?;
    }
    session::end_all_of_user(db, user.0).await.map_err(internal)?;
    Ok(())
}

pub async fn reactivate(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let person = member(db, admin, user).await?;
    if person.deactivated_at.is_some() {
        let mut change: user_account::ActiveModel = person.into();
        change.deactivated_at = Set(None);
        change.update(db).await.map_err(internal)?;
        record(db, admin, AuditAction::UserReactivated, user, now).await?;
    }
    Ok(())
}

/// Sets the extra roles of a person of the admin's organisation. An admin
/// cannot take the admin role from themselves, so an organisation is never
/// left without one by accident.
pub async fn set_roles(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
    roles: Roles,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if user == admin.user && !roles.admin {
        return Err(AppError::Forbidden);
    }
    let person = member(db, admin, user).await?;
    let mut change: user_account::ActiveModel = person.into();
    change.is_manager = Set(roles.manager);
    change.is_admin = Set(roles.admin);
    change.is_auditor = Set(roles.auditor);
    change.update(db).await.map_err(internal)?;
    record(db, admin, AuditAction::RolesChanged, user, now).await
}

/// A person of the admin's own organisation; any other id is not found.
async fn member(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
) -> Result<user_account::Model, AppError> {
    user_account::Entity::find_by_id(user.0)
        .filter(user_account::Column::OrgId.eq(admin.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

async fn record(
    db: &DatabaseConnection,
    admin: &OrgScope,
    action: AuditAction,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let entry = AuditEntry {
        actor_kind: ActorKind::User,
        actor_id: Some(admin.user.0),
        request_id: crate::server::http::request_id(),
        ..AuditEntry::system(Some(admin.org), action)
    };
    audit::record(db, entry.on("user", user), now).await.map_err(internal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dto::NewPersonForm;
    use crate::i18n::Lang;
    use crate::server::auth::session::Holder;
    use crate::server::config::SecurityConfig;
    use crate::server::service::{accounts, organisations};
    use crate::server::testing::for_each_backend;

    const SECURITY: SecurityConfig = crate::server::testing::TEST_SECURITY;

    async fn admin_of_new_organisation(db: &DatabaseConnection) -> OrgScope {
        let kek = crate::server::testing::test_kek();
        let org = organisations::create(db, &kek, "De Linde", Utc::now()).await.expect("organisation");
        let email = format!("{}@example.org", uuid::Uuid::new_v4().simple());
        let roles = Roles { admin: true, ..Roles::default() };
        let user = accounts::NewUser { name: "Femke", email: Some(&email), language: Lang::Nl, roles };
        let id = accounts::create_user(db, org, user, Some("paarse olifant op de fiets"), Utc::now())
            .await
            .expect("admin");
        OrgScope { org, user: id, name: "Femke".into(), roles }
    }

    fn person(email: &str) -> NewPerson {
        NewPersonForm {
            name: "Sanne".into(),
            email: email.into(),
            language: "en".into(),
            ..Default::default()
        }
        .validate()
        .expect("valid")
    }

    for_each_backend! {
        async fn an_invited_person_is_listed_as_invited(db) {
            let admin = admin_of_new_organisation(&db).await;
            invite(&db, &admin, &person("sanne@example.org"), "https://koers.example", Utc::now()).await.expect("invited");
            let people = list(&db, &admin).await.expect("list");
            let statuses: Vec<(&str, AccountStatus, bool)> = people.iter().map(|p| (p.name.as_str(), p.status, p.is_you)).collect();
            assert_eq!(statuses, [("Femke", AccountStatus::Active, true), ("Sanne", AccountStatus::Invited, false)]);
        }

        async fn an_address_is_used_once_per_organisation_only(db) {
            let admin = admin_of_new_organisation(&db).await;
            let other = admin_of_new_organisation(&db).await;
            invite(&db, &admin, &person("sanne@example.org"), "https://koers.example", Utc::now()).await.expect("invited");
            let again = invite(&db, &admin, &person("SANNE@example.org"), "https://koers.example", Utc::now()).await;
            assert!(matches!(again, Err(AppError::Invalid { ref errors }) if errors[0].problem == Problem::AlreadyInUse), "{again:?}");
            // Another organisation may use the same address, and learns nothing.
            assert!(invite(&db, &other, &person("sanne@example.org"), "https://koers.example", Utc::now()).await.is_ok());
        }

        async fn deactivation_ends_sessions_and_another_organisation_cannot_touch_it(db) {
            let admin = admin_of_new_organisation(&db).await;
            let other = admin_of_new_organisation(&db).await;
            let roles = Roles::default();
            let user = accounts::NewUser { name: "Sanne", email: Some("sanne@example.org"), language: Lang::Nl, roles };
            let sanne = accounts::create_user(&db, admin.org, user, Some("paarse olifant op de fiets"), Utc::now()).await.expect("user");
            let holder = Holder::User { user: sanne.0, org: admin.org.0 };
            let token = session::start(&db, holder, "test", &SECURITY, Utc::now()).await.expect("session");

            assert_eq!(deactivate(&db, &other, sanne, Utc::now()).await, Err(AppError::NotFound));
            assert_eq!(deactivate(&db, &admin, admin.user, Utc::now()).await, Err(AppError::Forbidden), "not yourself");
            deactivate(&db, &admin, sanne, Utc::now()).await.expect("deactivated");
            assert!(session::resolve(&db, &token, &SECURITY, Utc::now()).await.expect("lookup").is_none());
            let status = list(&db, &admin).await.expect("list").into_iter().find(|p| p.id == sanne).map(|p| p.status);
            assert_eq!(status, Some(AccountStatus::Deactivated));

            assert_eq!(reactivate(&db, &other, sanne, Utc::now()).await, Err(AppError::NotFound));
            reactivate(&db, &admin, sanne, Utc::now()).await.expect("reactivated");
        }

        async fn roles_change_within_the_organisation_and_never_strand_it_without_admin(db) {
            let admin = admin_of_new_organisation(&db).await;
            let other = admin_of_new_organisation(&db).await;
            let user = accounts::NewUser { name: "Sanne", email: Some("sanne@example.org"), language: Lang::Nl, roles: Roles::default() };
            let sanne = accounts::create_user(&db, admin.org, user, None, Utc::now()).await.expect("user");
            let manager = Roles { manager: true, ..Roles::default() };
            assert_eq!(set_roles(&db, &other, sanne, manager, Utc::now()).await, Err(AppError::NotFound));
            set_roles(&db, &admin, sanne, manager, Utc::now()).await.expect("changed");
            let roles = list(&db, &admin).await.expect("list").into_iter().find(|p| p.id == sanne).map(|p| p.roles);
            assert_eq!(roles, Some(manager));
            assert_eq!(set_roles(&db, &admin, admin.user, Roles::default(), Utc::now()).await, Err(AppError::Forbidden));
        }
    }
}
