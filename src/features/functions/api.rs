//! Server functions for job functions: everyone in the organisation sees
//! them; admins change them and give people theirs.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{BilingualForm, JobFunction};
use crate::domain::ids::{FunctionId, UserId};

/// Members: the organisation's job functions.
#[server(endpoint = "functions/list")]
pub async fn list_functions() -> Result<Vec<JobFunction>, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    service::functions::list(&AppState::current()?.db, scope.org).await
}

/// Admins: adds a job function.
#[server(endpoint = "functions/create")]
pub async fn create_function(form: BilingualForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::functions::create(&AppState::current()?.db, &admin, &form, chrono::Utc::now()).await.map(|_| ())
}

/// Admins: renames or describes a job function.
#[server(endpoint = "functions/update")]
pub async fn update_function(function: FunctionId, form: BilingualForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::functions::update(&AppState::current()?.db, &admin, function, &form).await
}

/// Admins: deletes a job function; its holders hold none.
#[server(endpoint = "functions/delete")]
pub async fn delete_function(function: FunctionId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::functions::delete(&AppState::current()?.db, &admin, function).await
}

/// Admins: gives a person their job function (empty: none).
#[server(endpoint = "functions/assign")]
pub async fn assign_function(user: UserId, function: String) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let function = match function.trim() {
        "" => None,
        id => Some(FunctionId(id.parse().map_err(|_| AppError::NotFound)?)),
    };
    service::functions::assign(&AppState::current()?.db, &admin, user, function).await
}
