//! Server functions for the organisation's structure. All require the admin
//! role and act only within the admin's own organisation.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{UnitDetails, UnitNode};
use crate::domain::ids::{UnitId, UserId};

/// Admins: every unit, depth first.
#[server(endpoint = "structure/tree")]
pub async fn unit_tree() -> Result<Vec<UnitNode>, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::structure::tree(&AppState::current()?.db, &admin).await
}

/// Admins: one unit with its members, managers and HR readers.
#[server(endpoint = "structure/unit")]
pub async fn unit_with_people(unit: UnitId) -> Result<UnitDetails, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::structure::details(&AppState::current()?.db, &admin, unit).await
}

/// Admins: adds a unit under `parent` (empty: right under the organisation).
#[server(endpoint = "structure/create")]
pub async fn create_unit(name: String, parent: String) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let parent = parse_parent(&parent)?;
    service::structure::create(&AppState::current()?.db, &admin, &name, parent, chrono::Utc::now()).await?;
    Ok(())
}

/// Admins: renames a unit and moves it under `parent` (empty: the top).
#[server(endpoint = "structure/update")]
pub async fn update_unit(unit: UnitId, name: String, parent: String) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let parent = parse_parent(&parent)?;
    service::structure::update(&AppState::current()?.db, &admin, unit, &name, parent, chrono::Utc::now())
        .await
}

/// Admins: deletes a unit without sub-units or members, then shows the tree.
#[server(endpoint = "structure/delete")]
pub async fn delete_unit(unit: UnitId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::structure::delete(&AppState::current()?.db, &admin, unit, chrono::Utc::now()).await?;
    leptos_axum::redirect("/admin/structure");
    Ok(())
}

/// Admins: makes someone a manager of a unit (`manager` true) or not.
#[server(endpoint = "structure/manager")]
pub async fn set_unit_manager(unit: UnitId, user: UserId, manager: bool) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let db = &AppState::current()?.db;
    service::structure::set_manager(db, &admin, unit, user, manager, chrono::Utc::now()).await
}

/// Admins: puts someone in a unit; `primary` makes it their primary unit.
#[server(endpoint = "structure/add_member")]
pub async fn add_unit_member(unit: UnitId, user: UserId, primary: Option<String>) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let db = &AppState::current()?.db;
    service::structure::add_member(db, &admin, unit, user, primary.is_some(), chrono::Utc::now()).await
}

/// Admins: takes someone out of a unit.
#[server(endpoint = "structure/remove_member")]
pub async fn remove_unit_member(unit: UnitId, user: UserId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::structure::remove_member(&AppState::current()?.db, &admin, unit, user, chrono::Utc::now()).await
}

/// Admins: grants an admin the right to read the content of the people in a
/// unit and below (`granted` true), or revokes it. Audit-logged.
#[server(endpoint = "structure/hr_reader")]
pub async fn set_hr_reader(unit: UnitId, user: UserId, granted: bool) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let db = &AppState::current()?.db;
    service::structure::set_hr_reader(db, &admin, unit, user, granted, chrono::Utc::now()).await
}

/// A parent chosen in a form: empty for the top, else a unit id.
#[cfg(feature = "ssr")]
fn parse_parent(parent: &str) -> Result<Option<UnitId>, AppError> {
    if parent.trim().is_empty() {
        return Ok(None);
    }
    parent.trim().parse::<uuid::Uuid>().map(|id| Some(UnitId(id))).map_err(|_| AppError::BadRequest)
}
