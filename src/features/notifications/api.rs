//! Server functions for notifications: every member reads and settles only
//! their own.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{NotificationPage, NotificationSettings, NotificationSettingsForm};
use crate::domain::ids::NotificationId;

/// Members: their newest notifications and how many are unread.
#[server(endpoint = "notifications/list")]
pub async fn list_notifications() -> Result<NotificationPage, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    service::notifications::page(&state.db, &state.keys, &scope, state.config.site.time_zone).await
}

/// Members: how many of their notifications are unread (for the header).
#[server(endpoint = "notifications/unread")]
pub async fn unread_notifications() -> Result<u32, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    service::notifications::unread(&AppState::current()?.db, &scope).await
}

/// Members: marks one of their notifications read and goes where it leads.
#[server(endpoint = "notifications/open")]
pub async fn open_notification(id: NotificationId) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let link = service::notifications::open(&AppState::current()?.db, &scope, id, chrono::Utc::now()).await?;
    leptos_axum::redirect(&link);
    Ok(())
}

/// Members: marks all their notifications read.
#[server(endpoint = "notifications/read_all")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    service::notifications::mark_all_read(&AppState::current()?.db, &scope, chrono::Utc::now()).await
}

/// Members: which notifications they get, and the weekly digest.
#[server(endpoint = "notifications/settings")]
pub async fn read_notification_settings() -> Result<NotificationSettings, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    service::notifications::settings(&AppState::current()?.db, &scope).await
}

/// Members: stores their choices.
#[server(endpoint = "notifications/save_settings")]
pub async fn save_notification_settings(
    #[server(default)] form: NotificationSettingsForm,
) -> Result<NotificationSettings, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    service::notifications::save_settings(&AppState::current()?.db, &scope, &form, chrono::Utc::now()).await
}
