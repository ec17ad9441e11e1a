//! Server functions for engagement surveys: the builder (admins), answering
//! (everyone asked), results (managers and admins) and comment conversations.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::surveys::{
    Answer, AudienceForm, CustomQuestionForm, MySurvey, OwnComments, ReplyForm, ResultsEntry, ResultsQuery,
    SurveyDetails, SurveyForm, SurveyResults, SurveySummary, SurveyToAnswer,
};
use crate::domain::ids::{SurveyAnswerId, SurveyId, SurveyQuestionId, SurveyRoundId};

/// The cookie, per round, holding the code to a respondent's own comments.
/// Only their browser has it; the database keeps its hash.
pub const REPLY_COOKIE_PREFIX: &str = "koers_reply_";

/// Admins: the organisation's surveys.
#[server(endpoint = "surveys/list")]
pub async fn list_surveys() -> Result<Vec<SurveySummary>, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    service::surveys::builder::list(&state.db, &admin, state.config.site.time_zone).await
}

/// Admins: a survey with its questions, audience and rounds.
#[server(endpoint = "surveys/details")]
pub async fn load_survey(id: SurveyId) -> Result<SurveyDetails, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    service::surveys::builder::details(&state.db, &admin, id, state.config.site.time_zone).await
}

/// Admins: a new survey with the library's default questions, then its builder.
#[server(endpoint = "surveys/create")]
pub async fn create_survey(form: SurveyForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let id = service::surveys::builder::create(&AppState::current()?.db, &admin, &form, chrono::Utc::now())
        .await?;
    leptos_axum::redirect(&format!("/admin/surveys/{id}"));
    Ok(())
}

/// Admins: changes a survey's title, introduction and schedule.
#[server(endpoint = "surveys/update")]
pub async fn update_survey(id: SurveyId, form: SurveyForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::surveys::builder::update(&AppState::current()?.db, &admin, id, &form).await
}

/// Admins: deletes a survey that never opened.
#[server(endpoint = "surveys/delete")]
pub async fn delete_survey(id: SurveyId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::surveys::builder::delete(&AppState::current()?.db, &admin, id).await?;
    leptos_axum::redirect("/admin/surveys");
    Ok(())
}

/// Admins: takes a library question into a survey.
#[server(endpoint = "surveys/add_library_question")]
pub async fn add_library_question(id: SurveyId, key: String) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::surveys::builder::add_from_library(&AppState::current()?.db, &admin, id, &key).await
}

/// Admins: adds a question of their own to a survey.
#[server(endpoint = "surveys/add_custom_question")]
pub async fn add_custom_question(id: SurveyId, question: CustomQuestionForm) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::surveys::builder::add_custom(&AppState::current()?.db, &admin, id, &question).await
}

/// Admins: removes a question from a survey that has not opened.
#[server(endpoint = "surveys/remove_question")]
pub async fn remove_survey_question(id: SurveyQuestionId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::surveys::builder::remove_question(&AppState::current()?.db, &admin, id).await
}

/// Admins: moves a question up or down.
#[server(endpoint = "surveys/move_question")]
pub async fn move_survey_question(id: SurveyQuestionId, up: bool) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::surveys::builder::move_question(&AppState::current()?.db, &admin, id, up).await
}

/// Admins: the units a survey is for.
#[server(endpoint = "surveys/set_units")]
pub async fn set_survey_units(
    id: SurveyId,
    #[server(default)] audience: AudienceForm,
) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::surveys::builder::set_units(&AppState::current()?.db, &admin, id, &audience.units()?).await
}

/// Admins: plans a survey's next round (empty date: now).
#[server(endpoint = "surveys/schedule")]
pub async fn schedule_survey(id: SurveyId, #[server(default)] opens_on: String) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    let tz = state.config.site.time_zone;
    let now = chrono::Utc::now();
    service::surveys::builder::schedule(&state.db, &admin, id, &opens_on, tz, now).await?;
    let context = service::notifications::jobs::JobContext {
        public_url: state.config.site.public_url.as_str().to_owned(),
        time_zone: tz,
        keys: (*state.keys).clone(),
        data_directory: state.config.site.data_directory.clone(),
        storage: state.storage.clone(),
    };
    service::surveys::rounds::tell_open(&state.db, &context, now).await?;
    state.outbox.notify();
    Ok(())
}

/// Admins: closes an open round now, or drops a planned one.
#[server(endpoint = "surveys/close_round")]
pub async fn close_survey_round(round: SurveyRoundId) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let state = AppState::current()?;
    service::surveys::builder::close_now(
        &state.db,
        &admin,
        round,
        state.config.site.time_zone,
        chrono::Utc::now(),
    )
    .await
}

/// Admins: the organisation's anonymity threshold for rounds opening from now on.
#[server(endpoint = "surveys/set_threshold")]
pub async fn set_survey_threshold(threshold: String) -> Result<(), AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    service::surveys::builder::set_threshold(&AppState::current()?.db, &admin, &threshold).await
}

/// Everyone: the open rounds waiting for their answers.
#[server(endpoint = "surveys/mine")]
pub async fn my_surveys() -> Result<Vec<MySurvey>, AppError> {
    use crate::server::{AppState, auth, service};

    let member = auth::require_member().await?;
    let state = AppState::current()?;
    service::surveys::answering::mine(&state.db, &member, state.config.site.time_zone).await
}

/// Someone asked: a round's questions with the answers they saved.
#[server(endpoint = "surveys/to_answer")]
pub async fn load_survey_to_answer(round: SurveyRoundId) -> Result<SurveyToAnswer, AppError> {
    use crate::server::{AppState, auth, service};

    let member = auth::require_member().await?;
    let state = AppState::current()?;
    service::surveys::answering::to_answer(
        &state.db,
        &state.keys,
        &member,
        round,
        state.config.site.time_zone,
    )
    .await
}

/// Someone asked: keeps their answers for later (`send` absent) or sends
/// them, anonymously; after sending, the thanks page.
#[server(endpoint = "surveys/answer")]
pub async fn answer_survey(
    round: SurveyRoundId,
    #[server(default)] answers: Vec<Answer>,
    #[server(default)] send: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{AppState, auth, http, service};

    let member = auth::require_member().await?;
    let state = AppState::current()?;
    if send.is_none() {
        return service::surveys::answering::save_draft(&state.db, &state.keys, &member, round, &answers)
            .await;
    }
    let tz = state.config.site.time_zone;
    let code = service::surveys::answering::submit(
        &state.db,
        &state.keys,
        &member,
        round,
        &answers,
        tz,
        chrono::Utc::now(),
    )
    .await?;
    if let Some(code) = code {
        http::set_cookie(&reply_cookie(round, &bind(member.user, &code), state.config.served_over_https()));
    }
    leptos_axum::redirect("/surveys?sent=1");
    Ok(())
}

/// A reply code as its cookie holds it: tagged with the account that
/// answered, so whoever signs in next on the same browser cannot use it.
/// The database never sees the tag.
#[cfg(feature = "ssr")]
fn bind(user: crate::domain::ids::UserId, code: &str) -> String {
    let tag = crate::server::auth::token::token_hash(&format!("{user}/{code}"));
    format!("{}.{code}", tag.get(..16).unwrap_or_default())
}

#[cfg(feature = "ssr")]
fn reply_cookie(round: SurveyRoundId, code: &str, https: bool) -> String {
    cookie::Cookie::build((format!("{REPLY_COOKIE_PREFIX}{round}"), code.to_owned()))
        .path("/")
        .max_age(cookie::time::Duration::days(730))
        .same_site(cookie::SameSite::Strict)
        .http_only(true)
        .secure(https)
        .build()
        .to_string()
}

/// Managers and admins: the surveys whose results they may read.
#[server(endpoint = "surveys/readable")]
pub async fn readable_results() -> Result<Vec<ResultsEntry>, AppError> {
    use crate::server::{AppState, auth, service};

    let member = auth::require_member().await?;
    let state = AppState::current()?;
    service::surveys::results::readable(&state.db, &member, state.config.site.time_zone).await
}

/// Managers (their units) and admins (everyone): a closed round's results.
#[server(endpoint = "surveys/results")]
pub async fn load_survey_results(query: ResultsQuery) -> Result<SurveyResults, AppError> {
    use crate::server::{AppState, auth, service};

    let member = auth::require_member().await?;
    let state = AppState::current()?;
    service::surveys::results::results(&state.db, &state.keys, &member, query, state.config.site.time_zone)
        .await
}

/// Managers and admins: replies to a comment they may see.
#[server(endpoint = "surveys/reply")]
pub async fn reply_to_comment(answer: SurveyAnswerId, reply: ReplyForm) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let member = auth::require_member().await?;
    let state = AppState::current()?;
    service::surveys::comments::reply(&state.db, &state.keys, &member, answer, &reply, chrono::Utc::now())
        .await
}

/// A respondent: their own comments and the replies to them, on every
/// round this browser holds a code for.
#[server(endpoint = "surveys/own_comments")]
pub async fn load_own_comments() -> Result<Vec<OwnComments>, AppError> {
    use crate::server::{AppState, auth, service};

    let member = auth::require_member().await?;
    let state = AppState::current()?;
    let mut found = Vec::new();
    for (round, code) in reply_codes(member.user) {
        let tz = state.config.site.time_zone;
        match service::surveys::comments::own(&state.db, &state.keys, &member, round, &code, tz).await {
            Ok(comments) => found.push(comments),
            Err(AppError::NotFound) => {} // the survey was deleted since
            Err(error) => return Err(error),
        }
    }
    Ok(found)
}

/// The reply codes this browser holds for `user`, by round.
#[cfg(feature = "ssr")]
fn reply_codes(user: crate::domain::ids::UserId) -> Vec<(SurveyRoundId, String)> {
    use axum::http::{header, request::Parts};

    let Some(parts) = use_context::<Parts>() else { return Vec::new() };
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .filter_map(|cookie| {
            let round = cookie.name().strip_prefix(REPLY_COOKIE_PREFIX)?.parse().ok()?;
            let (_, code) = cookie.value().split_once('.')?;
            (bind(user, code) == cookie.value()).then(|| (SurveyRoundId(round), code.to_owned()))
        })
        .collect()
}

/// A respondent: answers a reply to their comment, anonymously.
#[server(endpoint = "surveys/respond")]
pub async fn respond_to_reply(
    round: SurveyRoundId,
    answer: SurveyAnswerId,
    reply: ReplyForm,
) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let member = auth::require_member().await?;
    let state = AppState::current()?;
    let code = reply_codes(member.user)
        .into_iter()
        .find(|(of, _)| *of == round)
        .map(|(_, code)| code)
        .ok_or(AppError::NotFound)?;
    let now = (chrono::Utc::now(), state.config.site.time_zone);
    service::surveys::comments::answer_as_respondent(
        &state.db,
        &state.keys,
        &member,
        (round, &code),
        answer,
        &reply,
        now,
    )
    .await
}
