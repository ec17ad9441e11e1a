//! What every request handler and server function can reach.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;

use super::config::Config;
use super::crypto::Keyring;
use super::messages::Wakeup;
use super::service::import::ImportJobs;
use super::storage::Storage;
use crate::domain::AppError;

#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    /// The key-encryption key (from the configuration, or in development
    /// generated once into the data directory) and the store of the
    /// organisations' data keys it wraps.
    pub keys: Arc<Keyring>,
    /// Wakes the message worker after a message was queued.
    pub outbox: Wakeup,
    /// Imports of people that are running, with their progress.
    pub imports: ImportJobs,
    /// Where documents' sealed bytes are kept.
    pub storage: Storage,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl AppState {
    /// The state inside a server function or while rendering; the router
    /// provides it to every request.
    pub fn current() -> Result<AppState, AppError> {
        leptos::prelude::use_context::<AppState>().ok_or_else(|| {
            tracing::error!("AppState missing from the request context");
            AppError::Internal
        })
    }
}
