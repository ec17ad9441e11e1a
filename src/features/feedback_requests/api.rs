//! Server functions for feedback requests. Who may answer, remind or
//! withdraw is decided in `service::feedback::requests`; members first
//! obtain their scope. The two functions behind an external person's link
//! need no account: the link's secret is the permission.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{
    AnswerForm, ExternalPerson, ExternalRequest, FeedbackRequestForm, FeedbackRequests, RequestToAnswer,
};
use crate::domain::ids::{AskedId, FeedbackRequestId};

/// Members: their requests, and the requests waiting for their answer.
#[server(endpoint = "feedback_requests/list")]
pub async fn list_feedback_requests() -> Result<FeedbackRequests, AppError> {
    use crate::server::service::feedback::requests::{self, Site};
    use crate::server::{AppState, auth};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    requests::overview(&state.db, &state.keys, &scope, Site::of(&state.config.site), chrono::Utc::now()).await
}

/// Members: ask colleagues and external people for feedback.
#[server(endpoint = "feedback_requests/ask")]
pub async fn ask_for_feedback(form: FeedbackRequestForm) -> Result<(), AppError> {
    use crate::server::service::feedback::requests::{self, Site};
    use crate::server::{AppState, auth};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let site = Site::of(&state.config.site);
    requests::ask(&state.db, &state.keys, &scope, &form, site, chrono::Utc::now()).await?;
    state.outbox.notify();
    leptos_axum::redirect("/feedback/requests");
    Ok(())
}

/// The colleague asked: the request, to answer it.
#[server(endpoint = "feedback_requests/to_answer")]
pub async fn load_request_to_answer(asked: AskedId) -> Result<RequestToAnswer, AppError> {
    use crate::server::service::feedback::requests::{self, Site};
    use crate::server::{AppState, auth};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let site = Site::of(&state.config.site);
    requests::to_answer(&state.db, &state.keys, &scope, asked, site, chrono::Utc::now()).await
}

/// The colleague asked: answers, then sees what they gave.
#[server(endpoint = "feedback_requests/answer")]
pub async fn answer_feedback_request(asked: AskedId, form: AnswerForm) -> Result<(), AppError> {
    use crate::server::service::feedback::requests::{self, Site};
    use crate::server::{AppState, auth};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let site = Site::of(&state.config.site);
    requests::answer(&state.db, &state.keys, &scope, asked, &form, site, chrono::Utc::now()).await?;
    state.outbox.notify();
    leptos_axum::redirect("/feedback?box=given");
    Ok(())
}

/// The requester: reminds those who have not answered; how many were.
#[server(endpoint = "feedback_requests/remind")]
pub async fn remind_feedback_request(request: FeedbackRequestId) -> Result<u32, AppError> {
    use crate::server::service::feedback::requests::{self, Site};
    use crate::server::{AppState, auth};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let site = Site::of(&state.config.site);
    let reminded =
        requests::remind(&state.db, &state.keys, &scope, request, site, chrono::Utc::now()).await?;
    state.outbox.notify();
    Ok(reminded)
}

/// The requester: withdraws a request; its links stop working.
#[server(endpoint = "feedback_requests/withdraw")]
pub async fn withdraw_feedback_request(request: FeedbackRequestId) -> Result<(), AppError> {
    use crate::server::service::feedback::requests;
    use crate::server::{AppState, auth};

    let scope = auth::require_member().await?;
    requests::withdraw(&AppState::current()?.db, &scope, request, chrono::Utc::now()).await
}

/// Admins: the organisation's register of the external people asked.
#[server(endpoint = "feedback_requests/externals")]
pub async fn external_people() -> Result<Vec<ExternalPerson>, AppError> {
    use crate::domain::roles::Role;
    use crate::server::service::feedback::requests::{self, Site};
    use crate::server::{AppState, auth};

    let scope = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    requests::external_register(&state.db, &state.keys, &scope, Site::of(&state.config.site)).await
}

/// Anyone holding an external person's link: what it asks, while it works.
#[server(endpoint = "feedback_requests/external")]
pub async fn external_feedback_request(token: String) -> Result<Option<ExternalRequest>, AppError> {
    use crate::server::AppState;
    use crate::server::service::feedback::requests::{self, Site};

    let state = AppState::current()?;
    let site = Site::of(&state.config.site);
    requests::external_request(&state.db, &state.keys, &token, site, chrono::Utc::now()).await
}

/// Anyone holding an external person's link: answers once, then is thanked.
#[server(endpoint = "feedback_requests/answer_external")]
pub async fn answer_as_external(token: String, form: AnswerForm) -> Result<(), AppError> {
    use crate::server::AppState;
    use crate::server::service::feedback::requests::{self, Site};

    let state = AppState::current()?;
    let site = Site::of(&state.config.site);
    requests::answer_external(&state.db, &state.keys, &token, &form, site, chrono::Utc::now()).await?;
    state.outbox.notify();
    leptos_axum::redirect("/feedback/thanks");
    Ok(())
}
