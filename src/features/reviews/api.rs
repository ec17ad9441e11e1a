//! Server functions for review cycles, for admins of the organisation so
//! far: the form editor, and cycles with their scope and moments.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{
    BilingualForm, CycleForm, MomentForm, QuestionForm, ReviewCycleDetails, ReviewCycleSummary,
    ReviewFormDetails, ReviewFormSummary, ScopeForm,
};
use crate::domain::ids::{MomentId, QuestionId, ReviewCycleId, ReviewFormId};

/// Admins: the organisation's review forms.
#[server(endpoint = "review_forms/list")]
pub async fn list_review_forms() -> Result<Vec<ReviewFormSummary>, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::reviews::forms::list(&AppState::current()?.db, &admin).await
}

/// Admins: a form with its questions.
#[server(endpoint = "review_forms/details")]
pub async fn load_review_form(id: ReviewFormId) -> Result<ReviewFormDetails, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::reviews::forms::details(&AppState::current()?.db, &admin, id).await
}

/// Admins: a new form, then its editor.
#[server(endpoint = "review_forms/create")]
pub async fn create_review_form(form: BilingualForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let id =
        service::reviews::forms::create(&AppState::current()?.db, &admin, &form, chrono::Utc::now()).await?;
    leptos_axum::redirect(&format!("/admin/reviews/forms/{id}"));
    Ok(())
}

/// Admins: renames or describes a form.
#[server(endpoint = "review_forms/update")]
pub async fn update_review_form(id: ReviewFormId, form: BilingualForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::reviews::forms::update(&AppState::current()?.db, &admin, id, &form).await
}

/// Admins: deletes a form, then shows the others.
#[server(endpoint = "review_forms/delete")]
pub async fn delete_review_form(id: ReviewFormId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::reviews::forms::delete(&AppState::current()?.db, &admin, id).await?;
    leptos_axum::redirect("/admin/reviews/forms");
    Ok(())
}

/// Admins: copies a form, then opens the copy.
#[server(endpoint = "review_forms/copy")]
pub async fn copy_review_form(id: ReviewFormId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let copied =
        service::reviews::forms::copy(&AppState::current()?.db, &admin, id, chrono::Utc::now()).await?;
    leptos_axum::redirect(&format!("/admin/reviews/forms/{copied}"));
    Ok(())
}

/// Admins: a question at the end of a form.
#[server(endpoint = "review_forms/add_question")]
pub async fn add_review_question(id: ReviewFormId, question: QuestionForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::reviews::forms::add_question(&AppState::current()?.db, &admin, id, &question).await.map(|_| ())
}

/// Admins: changes a question.
#[server(endpoint = "review_forms/update_question")]
pub async fn update_review_question(id: QuestionId, question: QuestionForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::reviews::forms::update_question(&AppState::current()?.db, &admin, id, &question).await
}

/// Admins: deletes a question.
#[server(endpoint = "review_forms/delete_question")]
pub async fn delete_review_question(id: QuestionId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::reviews::forms::delete_question(&AppState::current()?.db, &admin, id).await
}

/// Admins: moves a question up or down.
#[server(endpoint = "review_forms/move_question")]
pub async fn move_review_question(id: QuestionId, up: bool) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::reviews::forms::move_question(&AppState::current()?.db, &admin, id, up).await
}

/// Admins: the organisation's review cycles.
#[server(endpoint = "review_cycles/list")]
pub async fn list_review_cycles() -> Result<Vec<ReviewCycleSummary>, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::reviews::cycles::list(&AppState::current()?.db, &admin).await
}

/// Admins: a cycle with its scope and moments.
#[server(endpoint = "review_cycles/details")]
pub async fn load_review_cycle(id: ReviewCycleId) -> Result<ReviewCycleDetails, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::reviews::cycles::details(&AppState::current()?.db, &admin, id).await
}

/// Admins: a new cycle, then its page.
#[server(endpoint = "review_cycles/create")]
pub async fn create_review_cycle(form: CycleForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let id =
        service::reviews::cycles::create(&AppState::current()?.db, &admin, &form, chrono::Utc::now()).await?;
    leptos_axum::redirect(&format!("/admin/reviews/{id}"));
    Ok(())
}

/// Admins: renames a cycle or changes its period or repeat.
#[server(endpoint = "review_cycles/update")]
pub async fn update_review_cycle(id: ReviewCycleId, form: CycleForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::reviews::cycles::update(&AppState::current()?.db, &admin, id, &form).await
}

/// Admins: deletes a cycle, then shows the others.
#[server(endpoint = "review_cycles/delete")]
pub async fn delete_review_cycle(id: ReviewCycleId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::reviews::cycles::delete(&AppState::current()?.db, &admin, id).await?;
    leptos_axum::redirect("/admin/reviews");
    Ok(())
}

/// Admins: who a cycle is for.
#[server(endpoint = "review_cycles/scope")]
pub async fn set_review_scope(
    id: ReviewCycleId,
    #[server(default)] scope: ScopeForm,
) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::reviews::cycles::set_scope(&AppState::current()?.db, &admin, id, &scope).await
}

/// Admins: a moment of a cycle.
#[server(endpoint = "review_cycles/add_moment")]
pub async fn add_review_moment(id: ReviewCycleId, moment: MomentForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::reviews::cycles::add_moment(&AppState::current()?.db, &admin, id, &moment).await.map(|_| ())
}

/// Admins: changes a moment.
#[server(endpoint = "review_cycles/update_moment")]
pub async fn update_review_moment(id: MomentId, moment: MomentForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::reviews::cycles::update_moment(&AppState::current()?.db, &admin, id, &moment).await
}

/// Admins: removes a moment.
#[server(endpoint = "review_cycles/delete_moment")]
pub async fn delete_review_moment(id: MomentId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::reviews::cycles::delete_moment(&AppState::current()?.db, &admin, id).await
}
