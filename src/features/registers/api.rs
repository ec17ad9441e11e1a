//! Server functions of the registers, for admins and auditors.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::PrivacyDocument;

/// Admins and auditors: the register of processing activities, as of now.
#[server(endpoint = "registers/processing")]
pub async fn processing_register() -> Result<PrivacyDocument, AppError> {
    read(crate::server::service::registers::Register::ProcessingActivities).await
}

/// Admins and auditors: the DPIA information pack, as of now.
#[server(endpoint = "registers/dpia")]
pub async fn dpia_pack() -> Result<PrivacyDocument, AppError> {
    read(crate::server::service::registers::Register::DpiaPack).await
}

#[cfg(feature = "ssr")]
async fn read(which: crate::server::service::registers::Register) -> Result<PrivacyDocument, AppError> {
    use crate::server::http::request_language;
    use crate::server::service::registers::{Installation, document};
    use crate::server::{AppState, auth};

    let viewer = auth::require_privacy_reader().await?;
    let state = AppState::current()?;
    let lang = request_language(state.config.site.default_language);
    document(&state.db, &viewer, which, Installation::of(&state.config), lang, chrono::Utc::now()).await
}
