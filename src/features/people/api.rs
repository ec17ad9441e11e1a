//! Server functions for managing people. All require the admin role and act
//! only within the admin's own organisation.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{
    HandedOutCode, NewPersonForm, PeopleFilter, PeopleListing, PersonDetails, RectifyForm,
};
use crate::domain::ids::UserId;
use crate::domain::rights::{ErasureForm, ErasureOutcome};

/// Admins: one page of the people of their organisation that match `filter`.
#[server(endpoint = "people/list")]
pub async fn list_people(filter: PeopleFilter) -> Result<PeopleListing, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    service::people::list(&state.db, &admin, &filter, state.config.site.time_zone, chrono::Utc::now()).await
}

/// Admins: adds a person and invites them by e-mail or text message (at
/// once or at a chosen moment), or with a code, which is returned to be
/// handed out; the other ways go back to the list, searched for the new
/// person so they show however long the list is.
#[server(endpoint = "people/invite")]
pub async fn invite_person(form: NewPersonForm) -> Result<Option<HandedOutCode>, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let person = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let state = AppState::current()?;
    let public_url = state.config.site.public_url.as_str();
    let time_zone = state.config.site.time_zone;
    let invited =
        service::people::invite(&state.db, &admin, &person, public_url, time_zone, chrono::Utc::now())
            .await?;
    state.outbox.notify();
    let Some(code) = invited.code else {
        let found = crate::domain::validation::encode_query_value(&person.name);
        leptos_axum::redirect(&format!("/admin/people?q={found}"));
        return Ok(None);
    };
    Ok(Some(HandedOutCode {
        name: person.name,
        username: person.username.unwrap_or_default(),
        code,
        enter_at: format!("{public_url}/invite"),
        valid_days: service::invitations::VALID_DAYS,
    }))
}

/// Admins: one person of their organisation with their place in the structure.
#[server(endpoint = "people/details")]
pub async fn person_with_placement(user: UserId) -> Result<PersonDetails, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    service::people::details(&state.db, &admin, user, state.config.site.time_zone, chrono::Utc::now()).await
}

/// Admins: names someone's manager by hand (a matrix manager), or with an
/// empty `manager` lets the structure decide again.
#[server(endpoint = "people/manager_override")]
pub async fn set_manager_override(user: UserId, manager: String) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let manager = match manager.trim() {
        "" => None,
        id => Some(UserId(id.parse().map_err(|_| AppError::NotFound)?)),
    };
    let db = &AppState::current()?.db;
    service::structure::set_manager_override(db, &admin, user, manager, chrono::Utc::now()).await
}

/// Admins: stops a person of their organisation from signing in; their open
/// sessions end at once. Not for themselves.
#[server(endpoint = "people/deactivate")]
pub async fn deactivate_person(user: UserId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::people::deactivate(&AppState::current()?.db, &admin, user, chrono::Utc::now()).await
}

/// Admins: restricts the processing of a person's data (GDPR art. 18):
/// their account is frozen until the restriction is lifted. Not for themselves.
#[server(endpoint = "people/restrict")]
pub async fn restrict_person(user: UserId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::restriction::restrict(&AppState::current()?.db, &admin, user, chrono::Utc::now()).await
}

/// Admins: corrects a person's account data (GDPR art. 16).
#[server(endpoint = "people/rectify")]
pub async fn rectify_person(user: UserId, #[server(default)] form: RectifyForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::rectification::rectify(&AppState::current()?.db, &admin, user, &form, chrono::Utc::now()).await
}

/// Admins: erases a person (GDPR art. 17), keeping or deleting what they
/// wrote for others as `form.authored` says, once `form.confirmation`
/// repeats their name. Not for themselves.
#[server(endpoint = "people/erase")]
pub async fn erase_person(
    user: UserId,
    #[server(default)] form: ErasureForm,
) -> Result<ErasureOutcome, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    let directory = &state.config.site.data_directory;
    let files = (directory.as_path(), &state.storage);
    service::erasure::erase(&state.db, &admin, user, &form, files, chrono::Utc::now()).await
}

/// Admins: lifts a restriction of processing; the account is as it was before.
#[server(endpoint = "people/lift_restriction")]
pub async fn lift_restriction(user: UserId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::restriction::lift(&AppState::current()?.db, &admin, user, chrono::Utc::now()).await
}

/// Admins: ends someone's access for good, choosing what happens to their
/// data: `delete` it, or `transfer` their shared items to `successor`.
#[server(endpoint = "people/offboard")]
pub async fn offboard_person(user: UserId, choice: String, successor: String) -> Result<(), AppError> {
    use crate::domain::dto::{Offboarding, PersonRef};
    use crate::domain::roles::Role;
    use crate::domain::validation::{FieldError, Problem};
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let choice = match (choice.as_str(), successor.trim().parse::<uuid::Uuid>()) {
        ("delete", _) => Offboarding::DeleteData,
        ("transfer", Ok(id)) => Offboarding::TransferTo(PersonRef { id: UserId(id), name: String::new() }),
        ("transfer", Err(_)) => {
            let errors = vec![FieldError { field: "successor".into(), problem: Problem::Required }];
            return Err(AppError::Invalid { errors });
        }
        _ => {
            let errors = vec![FieldError { field: "choice".into(), problem: Problem::Required }];
            return Err(AppError::Invalid { errors });
        }
    };
    service::people::offboard(&AppState::current()?.db, &admin, user, &choice, chrono::Utc::now()).await
}

/// Admins: lets a deactivated person of their organisation sign in again.
#[server(endpoint = "people/reactivate")]
pub async fn reactivate_person(user: UserId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::people::reactivate(&AppState::current()?.db, &admin, user, chrono::Utc::now()).await
}

/// Admins: removes the authenticator app of a person of their organisation
/// who lost it and their recovery codes, and signs them out everywhere.
#[server(endpoint = "people/reset_second_factor")]
pub async fn reset_second_factor(user: UserId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::people::reset_second_factor(&AppState::current()?.db, &admin, user, chrono::Utc::now()).await
}

/// Admins: sets the extra roles (manager, admin, auditor) of a person of
/// their organisation; not their own admin role.
#[server(endpoint = "people/set_roles")]
pub async fn set_roles(
    user: UserId,
    manager: Option<String>,
    admin: Option<String>,
    auditor: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::roles::{Role, Roles};
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?.require(Role::Admin)?;
    let roles = Roles { manager: manager.is_some(), admin: admin.is_some(), auditor: auditor.is_some() };
    service::people::set_roles(&AppState::current()?.db, &scope, user, roles, chrono::Utc::now()).await
}
