//! Carrying out a plan inside the caller's transaction: new job functions
//! and units first, then every row that changes something, then the
//! explicit managers (who may be new people further down the file).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};

use super::plan::{ManagerRef, Plan, RowPerson};
use super::snapshot::{PATH_SEPARATOR, Snapshot, path_key, path_segments};
use crate::domain::AppError;
use crate::domain::dto::{Delivery, ImportOutcome};
use crate::domain::ids::{OrgId, UnitId, UserId};
use crate::i18n::Lang;
use crate::server::db::internal;
use crate::server::entity::{job_function, manager_override, org_unit, user_account};
use crate::server::service::invitations::{self, Invitee, Sending};
use crate::server::service::structure::{link_manager, link_member};

/// What an import needs to know besides the plan.
pub struct Context<'a> {
    pub org: OrgId,
    pub organisation_name: &'a str,
    /// For new people whose row names no language.
    pub default_language: Lang,
    /// Whether new people get their invitation now (by e-mail, else by text message).
    pub invite: bool,
    pub public_url: &'a str,
    pub now: DateTime<Utc>,
}

pub async fn apply(
    db: &impl ConnectionTrait,
    plan: &Plan,
    snapshot: &Snapshot,
    context: &Context<'_>,
    progress: impl Fn(u32),
) -> Result<ImportOutcome, AppError> {
    let mut outcome = ImportOutcome::default();
    let functions = create_functions(db, plan, snapshot, context, &mut outcome).await?;
    let units = create_units(db, plan, snapshot, context, &mut outcome).await?;
    let mut ids: Vec<Option<UserId>> = plan.rows.iter().map(|row| row.existing).collect();
    for (at, planned) in plan.rows.iter().enumerate() {
        if !planned.does_something() {
            outcome.unchanged += u32::from(planned.valid);
        } else {
            let person = &planned.person;
            let function = person
                .function
                .as_ref()
                .map(|name| name.as_ref().and_then(|name| functions.get(&name.to_lowercase()).copied()));
            let user = match planned.existing {
                Some(user) => {
                    update_person(db, user, person, function).await?;
                    outcome.updated += 1;
                    user
                }
                None => {
                    let user = create_person(db, person, function.flatten(), context).await?;
                    outcome.created += 1;
                    if context.invite && invite(db, user, person, context).await? {
                        outcome.invitations_sent += 1;
                    }
                    user
                }
            };
            ids[at] = Some(user);
            place(db, user, person, &units).await?;
        }
        progress(u32::try_from(at + 1).unwrap_or(u32::MAX));
    }
    for (at, planned) in plan.rows.iter().enumerate() {
        if let (true, Some(manager), Some(user)) = (planned.does_something(), planned.person.manager, ids[at])
        {
            let manager = match manager {
                None => None,
                Some(ManagerRef::Existing(id)) => Some(id),
                Some(ManagerRef::InFile(other)) => ids[other],
            };
            set_override(db, user, manager).await?;
        }
    }
    Ok(outcome)
}

/// The functions the plan adds; all functions by lower-case Dutch name.
async fn create_functions(
    db: &impl ConnectionTrait,
    plan: &Plan,
    snapshot: &Snapshot,
    context: &Context<'_>,
    outcome: &mut ImportOutcome,
) -> Result<HashMap<String, uuid::Uuid>, AppError> {
    let mut functions = snapshot.function_by_name.clone();
    for name in &plan.new_functions {
        let id = uuid::Uuid::now_v7();
        job_function::ActiveModel {
            id: Set(id),
            org_id: Set(context.org.0),
            name_nl: Set(name.clone()),
            name_en: Set(String::new()),
            description_nl: Set(String::new()),
            description_en: Set(String::new()),
            created_at: Set(context.now),
        }
        .insert(db)
        .await
        .map_err(internal)?;
        functions.insert(name.to_lowercase(), id);
        outcome.functions_created += 1;
    }
    Ok(functions)
}

/// The units the plan adds, parents first; all units by path key.
async fn create_units(
    db: &impl ConnectionTrait,
    plan: &Plan,
    snapshot: &Snapshot,
    context: &Context<'_>,
    outcome: &mut ImportOutcome,
) -> Result<HashMap<String, UnitId>, AppError> {
    let mut units = snapshot.unit_by_path.clone();
    for path in &plan.new_units {
        let mut segments = path_segments(path);
        let name = segments.pop().unwrap_or_default();
        let parent = (!segments.is_empty())
            .then(|| units.get(&path_key(&segments.join(PATH_SEPARATOR))).copied())
            .flatten();
        let id = UnitId(uuid::Uuid::now_v7());
        org_unit::ActiveModel {
            id: Set(id.0),
            org_id: Set(context.org.0),
            parent_id: Set(parent.map(|p| p.0)),
            name: Set(name),
            created_at: Set(context.now),
        }
        .insert(db)
        .await
        .map_err(internal)?;
        units.insert(path_key(path), id);
        outcome.units_created += 1;
    }
    Ok(units)
}

async fn create_person(
    db: &impl ConnectionTrait,
    person: &RowPerson,
    function: Option<uuid::Uuid>,
    context: &Context<'_>,
) -> Result<UserId, AppError> {
    let id = UserId(uuid::Uuid::now_v7());
    let roles = person.roles.unwrap_or_default();
    user_account::ActiveModel {
        id: Set(id.0),
        org_id: Set(context.org.0),
        name: Set(person.name.clone()),
        email: Set(person.email.clone()),
        username: Set(person.username.clone()),
        phone: Set(person.phone.clone().flatten()),
        language: Set(person.language.unwrap_or(context.default_language).code().to_owned()),
        password_hash: Set(None),
        is_manager: Set(roles.manager),
        is_admin: Set(roles.admin),
        is_auditor: Set(roles.auditor),
        created_at: Set(context.now),
        deactivated_at: Set(None),
        restricted_at: Set(None),
        offboarding_choice: Set(None),
        offboarding_successor: Set(None),
        offboarded_at: Set(None),
        function_id: Set(function),
        started_on: Set(person.started_on.clone().flatten().and_then(|day| day_of(&day))),
        birth_year: Set(person.birth_year.flatten().and_then(|year| i32::try_from(year).ok())),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    Ok(id)
}

/// A `YYYY-MM-DD` the plan checked.
fn day_of(iso: &str) -> Option<chrono::NaiveDate> {
    iso.parse().ok()
}

/// Sets what the row names; what it leaves out stays as it is.
async fn update_person(
    db: &impl ConnectionTrait,
    user: UserId,
    person: &RowPerson,
    function: Option<Option<uuid::Uuid>>,
) -> Result<(), AppError> {
    let mut change =
        user_account::ActiveModel { id: Set(user.0), name: Set(person.name.clone()), ..Default::default() };
    if let Some(email) = &person.email {
        change.email = Set(Some(email.clone()));
    }
    if let Some(username) = &person.username {
        change.username = Set(Some(username.clone()));
    }
    if let Some(phone) = &person.phone {
        change.phone = Set(phone.clone());
    }
    if let Some(language) = person.language {
        change.language = Set(language.code().to_owned());
    }
    if let Some(function) = function {
        change.function_id = Set(function);
    }
    if let Some(started_on) = &person.started_on {
        change.started_on = Set(started_on.as_deref().and_then(day_of));
    }
    if let Some(birth_year) = person.birth_year {
        change.birth_year = Set(birth_year.and_then(|year| i32::try_from(year).ok()));
    }
    if let Some(roles) = person.roles {
        change.is_manager = Set(roles.manager);
        change.is_admin = Set(roles.admin);
        change.is_auditor = Set(roles.auditor);
    }
    change.update(db).await.map(|_| ()).map_err(internal)
}

/// Their primary unit, and whether they manage it.
async fn place(
    db: &impl ConnectionTrait,
    user: UserId,
    person: &RowPerson,
    units: &HashMap<String, UnitId>,
) -> Result<(), AppError> {
    let Some(unit) = person.unit.as_deref().and_then(|path| units.get(&path_key(path))).copied() else {
        return Ok(());
    };
    link_member(db, unit, user, true).await?;
    if let Some(manages) = person.manages_unit {
        link_manager(db, unit, user, manages).await?;
    }
    Ok(())
}

async fn set_override(
    db: &impl ConnectionTrait,
    user: UserId,
    manager: Option<UserId>,
) -> Result<(), AppError> {
    manager_override::Entity::delete_by_id(user.0).exec(db).await.map_err(internal)?;
    if let Some(manager) = manager {
        manager_override::ActiveModel { user_id: Set(user.0), manager_id: Set(manager.0) }
            .insert(db)
            .await
            .map_err(internal)?;
    }
    Ok(())
}

/// Queues the invitation of a new person by e-mail, else by text message;
/// someone with neither gets none here.
async fn invite(
    db: &impl ConnectionTrait,
    user: UserId,
    person: &RowPerson,
    context: &Context<'_>,
) -> Result<bool, AppError> {
    let delivery = match (&person.email, person.phone.clone().flatten()) {
        (Some(email), _) => Delivery::Email(email.clone()),
        (None, Some(phone)) => Delivery::Sms(phone),
        (None, None) => return Ok(false),
    };
    let invitee = Invitee {
        user,
        org: context.org,
        name: &person.name,
        language: person.language.unwrap_or(context.default_language),
        organisation: context.organisation_name,
    };
    let sending = Sending { delivery: &delivery, at: None };
    invitations::invite(db, &invitee, sending, context.public_url, context.now).await?;
    Ok(true)
}
