//! Server functions for feedback and private notes. Who reads what is
//! decided in `service::feedback` and `service::notes`; every function
//! first obtains the member's scope.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{
    Feedback, FeedbackChoices, FeedbackForm, FeedbackPreview, Note, NoteForm, PersonRef,
};
use crate::domain::ids::{FeedbackId, NoteId};

/// Members: one box of feedback — `received`, `given`, `team` (what their
/// reports received that managers may read) or `praise` (everyone's).
#[server(endpoint = "feedback/list")]
pub async fn list_feedback(feedback_box: String) -> Result<Vec<Feedback>, AppError> {
    use crate::domain::dto::FeedbackBox;
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let time_zone = state.config.site.time_zone;
    service::feedback::list(&state.db, &state.keys, &scope, FeedbackBox::from_code(&feedback_box), time_zone)
        .await
}

/// Members: what the feedback form offers.
#[server(endpoint = "feedback/choices")]
pub async fn feedback_form_choices() -> Result<FeedbackChoices, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    service::feedback::choices(&AppState::current()?.db, &scope).await
}

/// Members: who would read feedback to `recipient` with `visibility`.
#[server(endpoint = "feedback/preview")]
pub async fn preview_feedback(recipient: String, visibility: String) -> Result<FeedbackPreview, AppError> {
    use crate::domain::feedback::FeedbackVisibility;
    use crate::domain::ids::UserId;
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let recipient = UserId(recipient.trim().parse().map_err(|_| AppError::NotFound)?);
    let visibility =
        FeedbackVisibility::from_code(visibility.trim()).unwrap_or(FeedbackVisibility::Recipient);
    let state = AppState::current()?;
    service::feedback::preview(&state.db, &state.keys, &scope, recipient, visibility).await
}

/// Members: gives feedback, then shows what they gave.
#[server(endpoint = "feedback/give")]
pub async fn give_feedback(form: FeedbackForm) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let public_url = state.config.site.public_url.as_str();
    service::feedback::give(&state.db, &state.keys, &scope, &form, public_url, chrono::Utc::now()).await?;
    state.outbox.notify();
    leptos_axum::redirect("/feedback?box=given");
    Ok(())
}

/// The recipient: ties feedback to one of their goals (`goal` empty: unties it).
#[server(endpoint = "feedback/link_goal")]
pub async fn link_feedback_goal(id: FeedbackId, goal: String) -> Result<(), AppError> {
    use crate::domain::ids::GoalId;
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let goal = match goal.trim() {
        "" => None,
        id => Some(GoalId(id.parse().map_err(|_| AppError::NotFound)?)),
    };
    service::feedback::link_goal(&AppState::current()?.db, &scope, id, goal).await
}

/// Members: their own private notes, about one person when `subject` is set.
#[server(endpoint = "notes/list")]
pub async fn list_notes(subject: String) -> Result<(Vec<Note>, Vec<PersonRef>), AppError> {
    use crate::domain::ids::UserId;
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let subject = match subject.trim() {
        "" => None,
        id => Some(UserId(id.parse().map_err(|_| AppError::NotFound)?)),
    };
    let state = AppState::current()?;
    let time_zone = state.config.site.time_zone;
    let notes = service::notes::list(&state.db, &state.keys, &scope, subject, time_zone).await?;
    Ok((notes, service::notes::subjects(&state.db, &scope).await?))
}

/// Members: adds a private note.
#[server(endpoint = "notes/add")]
pub async fn add_note(form: NoteForm) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    service::notes::add(&state.db, &state.keys, &scope, &form, chrono::Utc::now()).await.map(|_| ())
}

/// The author: changes one of their notes.
#[server(endpoint = "notes/update")]
pub async fn update_note(id: NoteId, form: NoteForm) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    service::notes::update(&state.db, &state.keys, &scope, id, &form, chrono::Utc::now()).await
}

/// The author: deletes one of their notes.
#[server(endpoint = "notes/delete")]
pub async fn delete_note(id: NoteId) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    service::notes::delete(&AppState::current()?.db, &scope, id).await
}
