//! Server functions of the full export, for the organisation's admins.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::FullExportStatus;

/// Admins: starts writing a full export in the background, unless one is
/// being written already.
#[server(endpoint = "full_export/start")]
pub async fn start_full_export() -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::service::full_export;
    use crate::server::{AppState, auth};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    let now = chrono::Utc::now();
    if let Some(export) = full_export::start(&state.db, &admin, now).await? {
        tokio::spawn(async move {
            let directory = &state.config.site.data_directory;
            let keys = (state.keys.as_ref(), &state.storage);
            if let Err(error) = full_export::run(&state.db, keys, directory, &export, now).await {
                tracing::error!(%error, "a full export failed");
            }
        });
    }
    Ok(())
}

/// Admins: the organisation's latest full export, if any.
#[server(endpoint = "full_export/latest")]
pub async fn latest_full_export() -> Result<Option<FullExportStatus>, AppError> {
    use crate::domain::roles::Role;
    use crate::server::service::full_export;
    use crate::server::{AppState, auth};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    full_export::status(&state.db, &admin, state.config.site.time_zone, chrono::Utc::now()).await
}
