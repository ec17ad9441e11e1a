//! The people of an organisation, as its admins manage them: invite,
//! deactivate (every session ends at once) and reactivate. Every function
//! takes the admin's scope and only ever touches that organisation: an id of
//! another organisation is simply not found.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

use super::invitations::{self, Invitee};
use super::structure;
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{
    AccountStatus, Delivery, NewPerson, Offboarding, PeopleFilter, PeopleListing, PersonDetails, PersonRef,
    PersonSummary,
};
use crate::domain::ids::{FunctionId, UserId};
use crate::domain::roles::Roles;
use crate::domain::validation::{FieldError, Problem};
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::{OrgScope, second_factor, session};
use crate::server::db::internal;
use crate::server::entity::{invitation, organisation, totp_credential, unit_member, user_account};
use crate::server::service::local_time::future_moment;

/// People on one page of the admin's list.
pub const PAGE_SIZE: u32 = 50;

/// One page of the people of the admin's organisation that match `filter`,
/// by name; for invitations that go out later, when (in `time_zone`).
pub async fn list(
    db: &DatabaseConnection,
    admin: &OrgScope,
    filter: &PeopleFilter,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<PeopleListing, AppError> {
    let mut query = user_account::Entity::find().filter(user_account::Column::OrgId.eq(admin.org.0));
    let words: String =
        filter.q.trim().to_lowercase().chars().filter(|c| !matches!(c, '%' | '_' | '\\')).collect();
    if !words.is_empty() {
        let pattern = format!("%{words}%");
        let lower = |column: user_account::Column| Expr::expr(Func::lower(Expr::col(column)));
        query = query.filter(
            Condition::any()
                .add(lower(user_account::Column::Name).like(pattern.as_str()))
                .add(lower(user_account::Column::Email).like(pattern.as_str()))
                .add(lower(user_account::Column::Username).like(pattern.as_str())),
        );
    }
    query = match filter.status.as_str() {
        "invited" => query
            .filter(user_account::Column::DeactivatedAt.is_null())
            .filter(user_account::Column::PasswordHash.is_null()),
        "active" => query
            .filter(user_account::Column::DeactivatedAt.is_null())
            .filter(user_account::Column::PasswordHash.is_not_null()),
        "deactivated" => query.filter(user_account::Column::DeactivatedAt.is_not_null()),
        _ => query,
    };
    if let Ok(unit) = filter.unit.trim().parse::<uuid::Uuid>() {
        let in_unit: Vec<uuid::Uuid> = unit_member::Entity::find()
            .filter(unit_member::Column::UnitId.eq(unit))
            .all(db)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|m| m.user_id)
            .collect();
        query = query.filter(user_account::Column::Id.is_in(in_unit));
    }
    if let Ok(function) = filter.function.trim().parse::<uuid::Uuid>() {
        query = query.filter(user_account::Column::FunctionId.eq(function));
    }
    query = match filter.role.as_str() {
        "manager" => query.filter(user_account::Column::IsManager.eq(true)),
        "admin" => query.filter(user_account::Column::IsAdmin.eq(true)),
        "auditor" => query.filter(user_account::Column::IsAuditor.eq(true)),
        _ => query,
    };
    query = match filter.sort.as_str() {
        "name_desc" => query.order_by_desc(user_account::Column::Name),
        // Ids are time-ordered (UUIDv7): they break ties between equal times.
        "newest" => {
            query.order_by_desc(user_account::Column::CreatedAt).order_by_desc(user_account::Column::Id)
        }
        _ => query.order_by_asc(user_account::Column::Name),
    };
    let paginator = query.paginate(db, u64::from(PAGE_SIZE));
    let total = paginator.num_items().await.map_err(internal)?;
    let people = paginator.fetch_page(u64::from(filter.page)).await.map_err(internal)?;
    let people = summaries(db, Some(admin.user), people, time_zone, now).await?;
    Ok(PeopleListing { people, total, page: filter.page, page_size: PAGE_SIZE })
}

/// One person of the admin's organisation with their place in the structure.
pub async fn details(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<PersonDetails, AppError> {
    let account = member(db, admin, user).await?;
    let language = account.language.clone();
    let phone = account.phone.clone();
    let function = account.function_id;
    let started_on = account.started_on.map(|day| day.format("%Y-%m-%d").to_string());
    let birth_year = account.birth_year.and_then(|year| u32::try_from(year).ok());
    let (account_choice, account_successor) =
        (account.offboarding_choice.clone(), account.offboarding_successor);
    let summary = summaries(db, Some(admin.user), vec![account], time_zone, now)
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let placement = structure::placement(db, admin, user).await?;
    let offboarding = match (account_choice.as_deref(), account_successor) {
        (Some("delete"), _) => Some(Offboarding::DeleteData),
        (Some("transfer"), Some(successor)) => {
            let successor = member(db, admin, UserId(successor)).await?;
            Some(Offboarding::TransferTo(PersonRef { id: UserId(successor.id), name: successor.name }))
        }
        _ => None,
    };
    Ok(PersonDetails {
        function: function.map(FunctionId),
        functions: super::functions::list(db, admin.org).await?,
        offboarding,
        summary,
        language,
        phone,
        units: placement.units,
        managers: placement.managers,
        manager_override: placement.manager_override,
        candidates: placement.candidates,
        started_on,
        birth_year,
    })
}

/// People as lists show them: status, second factor, a scheduled
/// invitation; `you` is the member looking, if a member is.
pub(super) async fn summaries(
    db: &DatabaseConnection,
    you: Option<UserId>,
    people: Vec<user_account::Model>,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<Vec<PersonSummary>, AppError> {
    let ids: Vec<uuid::Uuid> = people.iter().map(|p| p.id).collect();
    let scheduled: std::collections::HashMap<uuid::Uuid, DateTime<Utc>> = invitation::Entity::find()
        .filter(invitation::Column::UserId.is_in(ids.clone()))
        .filter(invitation::Column::AcceptedAt.is_null())
        .filter(invitation::Column::SendAt.gt(now))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .filter_map(|i| i.send_at.map(|at| (i.user_id, at)))
        .collect();
    let with_app: std::collections::HashSet<uuid::Uuid> = totp_credential::Entity::find()
        .filter(totp_credential::Column::UserId.is_in(ids))
        .filter(totp_credential::Column::ConfirmedAt.is_not_null())
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .filter_map(|credential| credential.user_id)
        .collect();
    Ok(people
        .into_iter()
        .map(|person| PersonSummary {
            id: UserId(person.id),
            status: if person.restricted_at.is_some() {
                AccountStatus::Restricted
            } else if person.deactivated_at.is_some() {
                AccountStatus::Deactivated
            } else if person.password_hash.is_none() {
                AccountStatus::Invited
            } else {
                AccountStatus::Active
            },
            is_you: you.is_some_and(|you| you.0 == person.id),
            roles: Roles { manager: person.is_manager, admin: person.is_admin, auditor: person.is_auditor },
            has_second_factor: with_app.contains(&person.id),
            invitation_goes_out: scheduled
                .get(&person.id)
                .map(|at| at.with_timezone(&time_zone).format("%Y-%m-%d %H:%M").to_string()),
            name: person.name,
            email: person.email,
            username: person.username,
        })
        .collect())
}

/// What inviting someone gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invited {
    pub user: UserId,
    /// For an invitation by code: the code to hand out, shown once.
    pub code: Option<String>,
}

/// Adds a person to the admin's organisation and invites them: by e-mail, by
/// text message or with a code, at once or at `person.send_at` (read in
/// `time_zone`). E-mail address and username are unique within the
/// organisation; a clash says nothing about other organisations.
pub async fn invite(
    db: &DatabaseConnection,
    admin: &OrgScope,
    person: &NewPerson,
    public_url: &str,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<Invited, AppError> {
    let send_at =
        person.send_at.as_deref().map(|local| future_moment("send_at", local, time_zone, now)).transpose()?;
    let (email, phone) = match &person.delivery {
        Delivery::Email(address) => (Some(address.clone()), None),
        Delivery::Sms(number) => (None, Some(number.clone())),
        Delivery::Code => (None, None),
    };
    let organisation = organisation::Entity::find_by_id(admin.org.0).one(db).await.map_err(internal)?;
    let organisation = organisation.map(|o| o.name).unwrap_or_default();
    let user = UserId(uuid::Uuid::now_v7());
    let txn = db.begin().await.map_err(internal)?;
    refuse_names_in_use(&txn, admin, (email.as_deref(), person.username.as_deref()), None).await?;
    user_account::ActiveModel {
        id: Set(user.0),
        org_id: Set(admin.org.0),
        name: Set(person.name.clone()),
        email: Set(email),
        username: Set(person.username.clone()),
        phone: Set(phone),
        language: Set(person.language.code().to_owned()),
        password_hash: Set(None),
        is_manager: Set(person.roles.manager),
        is_admin: Set(person.roles.admin),
        is_auditor: Set(person.roles.auditor),
        created_at: Set(now),
        deactivated_at: Set(None),
        restricted_at: Set(None),
        offboarding_choice: Set(None),
        offboarding_successor: Set(None),
        offboarded_at: Set(None),
        function_id: Set(None),
        started_on: Set(None),
        birth_year: Set(None),
    }
    .insert(&txn)
    .await
    .map_err(internal)?;
    let invitee = Invitee {
        user,
        org: admin.org,
        name: &person.name,
        language: person.language,
        organisation: &organisation,
    };
    let sending = invitations::Sending { delivery: &person.delivery, at: send_at };
    let code = invitations::invite(&txn, &invitee, sending, public_url, now).await?;
    txn.commit().await.map_err(internal)?;
    record(db, admin, AuditAction::UserInvited, user, now).await?;
    Ok(Invited { user, code })
}

/// Refuses an e-mail address or username that someone else in the
/// organisation has (anyone but `except`).
pub(super) async fn refuse_names_in_use(
    db: &impl sea_orm::ConnectionTrait,
    admin: &OrgScope,
    (email, username): (Option<&str>, Option<&str>),
    except: Option<UserId>,
) -> Result<(), AppError> {
    let mut errors = Vec::new();
    for (field, column, value, problem) in [
        ("email", user_account::Column::Email, email, Problem::AlreadyInUse),
        ("username", user_account::Column::Username, username, Problem::UsernameInUse),
    ] {
        let Some(value) = value else { continue };
        let taken = user_account::Entity::find()
            .filter(user_account::Column::OrgId.eq(admin.org.0))
            .filter(column.eq(value))
            .filter(user_account::Column::Id.ne(except.map_or(uuid::Uuid::nil(), |user| user.0)))
            .count(db)
            .await
            .map_err(internal)?;
        if taken > 0 {
            errors.push(FieldError { field: field.into(), problem });
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(AppError::Invalid { errors }) }
}

/// Stops a person from signing in and ends their open sessions at once; an
/// invitation they have not accepted lapses, and one not yet sent is not.
pub async fn deactivate(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let person = someone_else(db, admin, user).await?;
    if person.deactivated_at.is_none() {
        invitations::lapse(db, &person, now).await?;
        let mut change: user_account::ActiveModel = person.into();
        change.deactivated_at = Set(Some(now));
        change.update(db).await.map_err(internal)?;
        record(db, admin, AuditAction::UserDeactivated, user, now).await?;
    }
    session::end_all_of_user(db, user.0).await.map_err(internal)?;
    Ok(())
}

/// Ends someone's access for good (DPA 8.D): deactivated as above, with
/// the admin's choice for their data — deleted, or their shared items
/// handed to a successor in the organisation — kept and audit-logged until
/// the privacy centre carries it out.
pub async fn offboard(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
    choice: &Offboarding,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if user == admin.user {
        return Err(AppError::Forbidden);
    }
    let successor = match choice {
        Offboarding::DeleteData => None,
        Offboarding::TransferTo(successor) => {
            let found = member(db, admin, successor.id).await?;
            if found.id == user.0 || found.deactivated_at.is_some() {
                let errors = vec![FieldError { field: "successor".into(), problem: Problem::Required }];
                return Err(AppError::Invalid { errors });
            }
            Some(found.id)
        }
    };
    deactivate(db, admin, user, now).await?;
    user_account::ActiveModel {
        id: Set(user.0),
        offboarding_choice: Set(Some(if successor.is_some() { "transfer" } else { "delete" }.to_owned())),
        offboarding_successor: Set(successor),
        offboarded_at: Set(Some(now)),
        ..Default::default()
    }
    .update(db)
    .await
    .map_err(internal)?;
    record(db, admin, AuditAction::UserOffboarded, user, now).await
}

/// Lets a deactivated person sign in again; a pending offboarding choice
/// is dropped with it.
pub async fn reactivate(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let person = member(db, admin, user).await?;
    if person.restricted_at.is_some() {
        // Only lifting the restriction ends it (`restriction::lift`).
        return Err(AppError::invalid("restriction", Problem::NotNow));
    }
    if person.deactivated_at.is_some() {
        let mut change: user_account::ActiveModel = person.into();
        change.deactivated_at = Set(None);
        change.offboarding_choice = Set(None);
        change.offboarding_successor = Set(None);
        change.offboarded_at = Set(None);
        change.update(db).await.map_err(internal)?;
        record(db, admin, AuditAction::UserReactivated, user, now).await?;
    }
    Ok(())
}

/// Removes the authenticator app and recovery codes of a person who lost
/// both, and ends their sessions: they sign in with their password again
/// (and, as an admin, set up a new app first). Not for oneself, who has
/// recovery codes for that.
pub async fn reset_second_factor(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let person = someone_else(db, admin, user).await?;
    let holder = session::Holder::User { user: person.id, org: person.org_id };
    if second_factor::is_enabled(db, holder).await.map_err(internal)? {
        second_factor::remove(db, holder).await.map_err(internal)?;
        session::end_all_of_user(db, person.id).await.map_err(internal)?;
        record(db, admin, AuditAction::SecondFactorDisabled, user, now).await?;
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

/// A member of the admin's organisation other than the admin: what an
/// admin does to end or freeze access is never done to themselves.
pub(super) async fn someone_else(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
) -> Result<user_account::Model, AppError> {
    if user == admin.user {
        return Err(AppError::Forbidden);
    }
    member(db, admin, user).await
}

/// A person of the admin's own organisation; any other id is not found.
pub(super) async fn member(
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

pub(super) async fn record(
    db: &DatabaseConnection,
    admin: &OrgScope,
    action: AuditAction,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let entry = AuditEntry::by_user(admin.org, admin.user, action).on("user", user);
    audit::record(db, entry, now).await.map_err(internal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dto::{BilingualForm, NewPersonForm, PeopleFilter};
    use crate::i18n::Lang;
    use crate::server::auth::session::Holder;
    use crate::server::config::SecurityConfig;
    use crate::server::service::{accounts, organisations};
    use crate::server::testing::for_each_backend;
    use sea_orm::EntityTrait;

    const SECURITY: SecurityConfig = crate::server::testing::TEST_SECURITY;

    async fn admin_of_new_organisation(db: &DatabaseConnection) -> OrgScope {
        let keys = crate::server::testing::test_keyring();
        let org = organisations::create(db, &keys, "De Linde", Utc::now()).await.expect("organisation");
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

    const AMSTERDAM: chrono_tz::Tz = chrono_tz::Europe::Amsterdam;

    async fn details_of(db: &DatabaseConnection, admin: &OrgScope, user: UserId) -> Option<Offboarding> {
        details(db, admin, user, AMSTERDAM, Utc::now()).await.expect("details").offboarding
    }

    /// The first page of the unfiltered list.
    async fn everyone(db: &DatabaseConnection, admin: &OrgScope) -> Vec<PersonSummary> {
        list(db, admin, &PeopleFilter::default(), AMSTERDAM, Utc::now()).await.expect("list").people
    }

    async fn invite_now(
        db: &DatabaseConnection,
        admin: &OrgScope,
        person: &NewPerson,
    ) -> Result<Invited, AppError> {
        invite(db, admin, person, "https://koers.example", AMSTERDAM, Utc::now()).await
    }

    for_each_backend! {
        async fn an_invited_person_is_listed_as_invited(db) {
            let admin = admin_of_new_organisation(&db).await;
            invite_now(&db, &admin, &person("sanne@example.org")).await.expect("invited");
            let people = everyone(&db, &admin).await;
            let statuses: Vec<(&str, AccountStatus, bool)> = people.iter().map(|p| (p.name.as_str(), p.status, p.is_you)).collect();
            assert_eq!(statuses, [("Femke", AccountStatus::Active, true), ("Sanne", AccountStatus::Invited, false)]);
        }

        async fn the_list_searches_filters_and_pages(db) {
            let admin = admin_of_new_organisation(&db).await;
            for n in 1..=55 {
                let name = format!("Medewerker {n:02}");
                let user = accounts::NewUser { name: &name, email: Some(&format!("m{n}@example.org")), language: Lang::Nl, roles: Roles::default() };
                accounts::create_user(&db, admin.org, user, None, Utc::now()).await.expect("user");
            }
            let page = |filter: PeopleFilter| {
                let (db, admin) = (db.clone(), admin.clone());
                async move { list(&db, &admin, &filter, AMSTERDAM, Utc::now()).await.expect("list") }
            };
            let first = page(PeopleFilter::default()).await;
            assert_eq!((first.total, first.people.len()), (56, 50));
            let second = page(PeopleFilter { page: 1, ..Default::default() }).await;
            assert_eq!(second.people.len(), 6);
            assert_eq!(second.people.last().map(|p| p.name.as_str()), Some("Medewerker 55"), "by name");
            let reversed = page(PeopleFilter { sort: "name_desc".into(), ..Default::default() }).await;
            assert_eq!(reversed.people.first().map(|p| p.name.as_str()), Some("Medewerker 55"));
            let newest = page(PeopleFilter { sort: "newest".into(), ..Default::default() }).await;
            assert_eq!(newest.people.iter().take(2).map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Medewerker 55", "Medewerker 54"]);

            let found = page(PeopleFilter { q: "WERKER 1".into(), ..Default::default() }).await;
            assert_eq!(found.total, 10, "Medewerker 10 to 19");
            let by_address = page(PeopleFilter { q: "m7@".into(), ..Default::default() }).await;
            assert_eq!(by_address.people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Medewerker 07"]);
            let invited = page(PeopleFilter { status: "invited".into(), ..Default::default() }).await;
            assert_eq!(invited.total, 55);
            let active = page(PeopleFilter { status: "active".into(), ..Default::default() }).await;
            assert_eq!(active.people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Femke"]);

            let team = crate::server::service::structure::create(&db, &admin, "Team", None, Utc::now()).await.expect("unit");
            let member = first.people.iter().find(|p| p.name == "Medewerker 03").map(|p| p.id).expect("listed");
            crate::server::service::structure::add_member(&db, &admin, team, member, true, Utc::now()).await.expect("member");
            let in_team = page(PeopleFilter { unit: team.to_string(), ..Default::default() }).await;
            assert_eq!(in_team.people.iter().map(|p| p.id).collect::<Vec<_>>(), [member]);

            let nurse = BilingualForm { name_nl: "Verpleegkundige".into(), ..Default::default() };
            let nurse = crate::server::service::functions::create(&db, &admin, &nurse, Utc::now()).await.expect("function");
            crate::server::service::functions::assign(&db, &admin, member, Some(nurse)).await.expect("assigned");
            let nurses = page(PeopleFilter { function: nurse.to_string(), ..Default::default() }).await;
            assert_eq!(nurses.people.iter().map(|p| p.id).collect::<Vec<_>>(), [member]);
            let admins = page(PeopleFilter { role: "admin".into(), ..Default::default() }).await;
            assert_eq!(admins.people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Femke"]);
            let managers = page(PeopleFilter { role: "manager".into(), ..Default::default() }).await;
            assert_eq!(managers.total, 0);
        }

        async fn offboarding_ends_access_and_keeps_the_choice_for_the_data(db) {
            let admin = admin_of_new_organisation(&db).await;
            let other = admin_of_new_organisation(&db).await;
            let (leaver, _) = crate::server::testing::member(&db, admin.org, "Vertrekker", Roles::default()).await;
            let (successor, _) = crate::server::testing::member(&db, admin.org, "Opvolger", Roles::default()).await;
            let holder = Holder::User { user: leaver.0, org: admin.org.0 };
            let token = session::start(&db, holder, "test", &SECURITY, Utc::now()).await.expect("session");
            let to = |id: UserId| Offboarding::TransferTo(PersonRef { id, name: String::new() });

            assert_eq!(offboard(&db, &other, leaver, &Offboarding::DeleteData, Utc::now()).await, Err(AppError::NotFound));
            assert_eq!(offboard(&db, &admin, admin.user, &Offboarding::DeleteData, Utc::now()).await, Err(AppError::Forbidden));
            assert!(matches!(offboard(&db, &admin, leaver, &to(leaver), Utc::now()).await, Err(AppError::Invalid { .. })), "not their own successor");

            offboard(&db, &admin, leaver, &to(successor), Utc::now()).await.expect("offboarded");
            assert!(session::resolve(&db, &token, &SECURITY, Utc::now()).await.expect("lookup").is_none(), "sessions end");
            let details = details(&db, &admin, leaver, AMSTERDAM, Utc::now()).await.expect("details");
            assert_eq!(details.summary.status, AccountStatus::Deactivated);
            assert!(matches!(details.offboarding, Some(Offboarding::TransferTo(ref p)) if p.id == successor && p.name == "Opvolger"));
            let actions = crate::server::entity::audit_event::Entity::find().all(&db).await.expect("audit");
            assert!(actions.iter().any(|e| e.action == "user.offboarded"));

            reactivate(&db, &admin, leaver, Utc::now()).await.expect("back");
            assert_eq!(details_of(&db, &admin, leaver).await, None, "the choice goes with the reactivation");
        }

        async fn an_address_is_used_once_per_organisation_only(db) {
            let admin = admin_of_new_organisation(&db).await;
            let other = admin_of_new_organisation(&db).await;
            invite_now(&db, &admin, &person("sanne@example.org")).await.expect("invited");
            let again = invite_now(&db, &admin, &person("SANNE@example.org")).await;
            assert!(matches!(again, Err(AppError::Invalid { ref errors }) if errors[0].problem == Problem::AlreadyInUse), "{again:?}");
            // Another organisation may use the same address, and learns nothing.
            assert!(invite_now(&db, &other, &person("sanne@example.org")).await.is_ok());
        }

        async fn an_invitation_by_text_message_queues_the_link_to_the_number(db) {
            use crate::server::entity::outbound_message;
            let admin = admin_of_new_organisation(&db).await;
            let form = NewPersonForm {
                name: "Jan".into(),
                delivery: "sms".into(),
                phone: "06 1234 5678".into(),
                username: "Jan.V".into(),
                language: "nl".into(),
                ..Default::default()
            };
            let invited = invite_now(&db, &admin, &form.validate().expect("valid")).await.expect("invited");
            assert_eq!(invited.code, None);
            let queued = outbound_message::Entity::find().all(&db).await.expect("queue");
            let sms: Vec<_> = queued.iter().filter(|m| m.channel == "sms").collect();
            assert_eq!(sms.len(), 1);
            assert_eq!(sms[0].recipient, "+31612345678");
            assert!(sms[0].text_body.contains("https://koers.example/invite/"), "{}", sms[0].text_body);
            let jan = everyone(&db, &admin).await.into_iter().find(|p| p.name == "Jan");
            assert_eq!(jan.and_then(|p| p.username), Some("jan.v".into()));
        }

        async fn an_invitation_by_code_is_accepted_with_the_code_however_typed(db) {
            let admin = admin_of_new_organisation(&db).await;
            let form = NewPersonForm {
                name: "Piet".into(),
                delivery: "code".into(),
                username: "piet".into(),
                language: "nl".into(),
                ..Default::default()
            };
            let invited = invite_now(&db, &admin, &form.validate().expect("valid")).await.expect("invited");
            let code = invited.code.expect("a code to hand out");
            let typed = code.to_lowercase().replace('-', " ");
            let details = invitations::details(&db, &typed, Utc::now()).await.expect("details").expect("usable");
            assert_eq!(details.sign_in_name, "piet");
            invitations::accept(&db, &typed, "paarse olifant op de fiets", None, Utc::now()).await.expect("accepted");
            assert_eq!(invitations::details(&db, &code, Utc::now()).await.expect("details"), None, "used once");
        }

        async fn a_username_is_used_once_per_organisation(db) {
            let admin = admin_of_new_organisation(&db).await;
            let form = NewPersonForm { name: "Piet".into(), delivery: "code".into(), username: "piet".into(), language: "nl".into(), ..Default::default() };
            invite_now(&db, &admin, &form.validate().expect("valid")).await.expect("invited");
            let again = invite_now(&db, &admin, &form.validate().expect("valid")).await;
            assert!(matches!(again, Err(AppError::Invalid { ref errors }) if errors[0].field == "username" && errors[0].problem == Problem::UsernameInUse), "{again:?}");
        }

        async fn a_scheduled_invitation_goes_out_at_its_local_time_and_not_before(db) {
            use crate::server::entity::outbound_message;
            let admin = admin_of_new_organisation(&db).await;
            let now = Utc::now();
            let form = |send_at: &str| NewPersonForm {
                name: "Lotte".into(),
                email: "lotte@example.org".into(),
                language: "nl".into(),
                send_at: send_at.into(),
                ..Default::default()
            };
            let past = invite(&db, &admin, &form("2020-01-06T09:00").validate().expect("valid"), "https://k.example", AMSTERDAM, now).await;
            assert!(matches!(past, Err(AppError::Invalid { ref errors }) if errors[0].problem == Problem::InPast), "{past:?}");

            let next_year = now.with_timezone(&AMSTERDAM).format("%Y").to_string().parse::<i32>().expect("year") + 1;
            let send_at = format!("{next_year}-01-04T09:00");
            invite(&db, &admin, &form(&send_at).validate().expect("valid"), "https://k.example", AMSTERDAM, now).await.expect("scheduled");
            let mail = outbound_message::Entity::find().one(&db).await.expect("queue").expect("queued");
            // January in Amsterdam is UTC+1.
            assert_eq!(mail.send_after.format("%Y-%m-%d %H:%M").to_string(), format!("{next_year}-01-04 08:00"));
            let lotte = everyone(&db, &admin).await.into_iter().find(|p| p.name == "Lotte").expect("listed");
            assert_eq!(lotte.invitation_goes_out, Some(format!("{next_year}-01-04 09:00")));

            // Deactivated before it goes out: the message is taken back.
            deactivate(&db, &admin, lotte.id, now).await.expect("deactivated");
            assert_eq!(outbound_message::Entity::find().count(&db).await.expect("queue"), 0);
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
            let status = everyone(&db, &admin).await.into_iter().find(|p| p.id == sanne).map(|p| p.status);
            assert_eq!(status, Some(AccountStatus::Deactivated));

            assert_eq!(reactivate(&db, &other, sanne, Utc::now()).await, Err(AppError::NotFound));
            reactivate(&db, &admin, sanne, Utc::now()).await.expect("reactivated");
        }

        async fn an_admin_resets_the_second_factor_of_someone_who_lost_it(db) {
            let admin = admin_of_new_organisation(&db).await;
            let other = admin_of_new_organisation(&db).await;
            let (sanne, _) = crate::server::testing::member(&db, admin.org, "Sanne", Roles::default()).await;
            let holder = Holder::User { user: sanne.0, org: admin.org.0 };
            crate::server::testing::enrol_app(&db, holder).await;
            let token = session::start(&db, holder, "test", &SECURITY, Utc::now()).await.expect("session");
            let listed = |people: Vec<PersonSummary>| people.into_iter().find(|p| p.id == sanne).map(|p| p.has_second_factor);
            assert_eq!(listed(everyone(&db, &admin).await), Some(true));

            assert_eq!(reset_second_factor(&db, &other, sanne, Utc::now()).await, Err(AppError::NotFound));
            assert_eq!(reset_second_factor(&db, &admin, admin.user, Utc::now()).await, Err(AppError::Forbidden));
            reset_second_factor(&db, &admin, sanne, Utc::now()).await.expect("reset");
            assert!(!second_factor::is_enabled(&db, holder).await.expect("status"));
            assert!(session::resolve(&db, &token, &SECURITY, Utc::now()).await.expect("lookup").is_none(), "signed out everywhere");
            assert_eq!(listed(everyone(&db, &admin).await), Some(false));
        }

        async fn roles_change_within_the_organisation_and_never_strand_it_without_admin(db) {
            let admin = admin_of_new_organisation(&db).await;
            let other = admin_of_new_organisation(&db).await;
            let user = accounts::NewUser { name: "Sanne", email: Some("sanne@example.org"), language: Lang::Nl, roles: Roles::default() };
            let sanne = accounts::create_user(&db, admin.org, user, None, Utc::now()).await.expect("user");
            let manager = Roles { manager: true, ..Roles::default() };
            assert_eq!(set_roles(&db, &other, sanne, manager, Utc::now()).await, Err(AppError::NotFound));
            set_roles(&db, &admin, sanne, manager, Utc::now()).await.expect("changed");
            let roles = everyone(&db, &admin).await.into_iter().find(|p| p.id == sanne).map(|p| p.roles);
            assert_eq!(roles, Some(manager));
            assert_eq!(set_roles(&db, &admin, admin.user, Roles::default(), Utc::now()).await, Err(AppError::Forbidden));
        }
    }
}
