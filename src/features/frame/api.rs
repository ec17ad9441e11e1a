//! Server functions for core values and competencies: everyone in the
//! organisation reads them; admins change them.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{BilingualForm, Competency, CompetencyLevelForm, CompetencyScopeForm, CoreValue};
use crate::domain::ids::{CompetencyId, LevelId, ValueId};

/// Members: the organisation's core values.
#[server(endpoint = "values/list")]
pub async fn list_values() -> Result<Vec<CoreValue>, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    service::core_values::list(&AppState::current()?.db, scope.org).await
}

/// Admins: adds a core value.
#[server(endpoint = "values/create")]
pub async fn create_value(form: BilingualForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::core_values::create(&AppState::current()?.db, &admin, &form, chrono::Utc::now())
        .await
        .map(|_| ())
}

/// Admins: renames or describes a core value.
#[server(endpoint = "values/update")]
pub async fn update_value(value: ValueId, form: BilingualForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::core_values::update(&AppState::current()?.db, &admin, value, &form).await
}

/// Admins: deletes a core value.
#[server(endpoint = "values/delete")]
pub async fn delete_value(value: ValueId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::core_values::delete(&AppState::current()?.db, &admin, value).await
}

/// Members: the organisation's competencies with their levels.
#[server(endpoint = "competencies/list")]
pub async fn list_competencies() -> Result<Vec<Competency>, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    service::competencies::list(&AppState::current()?.db, scope.org).await
}

/// Admins: adds a competency.
#[server(endpoint = "competencies/create")]
pub async fn create_competency(form: BilingualForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::competencies::create(&AppState::current()?.db, &admin, &form, chrono::Utc::now())
        .await
        .map(|_| ())
}

/// Admins: renames or describes a competency.
#[server(endpoint = "competencies/update")]
pub async fn update_competency(competency: CompetencyId, form: BilingualForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::competencies::update(&AppState::current()?.db, &admin, competency, &form).await
}

/// Admins: deletes a competency with its levels.
#[server(endpoint = "competencies/delete")]
pub async fn delete_competency(competency: CompetencyId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::competencies::delete(&AppState::current()?.db, &admin, competency).await
}

/// Admins: asks a competency of exactly these functions and units.
#[server(endpoint = "competencies/scope")]
pub async fn set_competency_scope(
    competency: CompetencyId,
    #[server(default)] scope: CompetencyScopeForm,
) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::competencies::set_scope(&AppState::current()?.db, &admin, competency, &scope).await
}

/// Admins: adds a level above the highest.
#[server(endpoint = "competencies/add_level")]
pub async fn add_competency_level(
    competency: CompetencyId,
    level: CompetencyLevelForm,
) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::competencies::add_level(&AppState::current()?.db, &admin, competency, &level).await.map(|_| ())
}

/// Admins: renames a level or changes its indicators.
#[server(endpoint = "competencies/update_level")]
pub async fn update_competency_level(id: LevelId, level: CompetencyLevelForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::competencies::update_level(&AppState::current()?.db, &admin, id, &level).await
}

/// Admins: deletes a level; those above it move down.
#[server(endpoint = "competencies/delete_level")]
pub async fn delete_competency_level(id: LevelId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::competencies::delete_level(&AppState::current()?.db, &admin, id).await
}
