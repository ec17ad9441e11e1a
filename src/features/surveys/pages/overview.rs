//! `/surveys`: the surveys waiting for the signed-in person's answers; the
//! replies to comments they wrote (found through the code their browser
//! holds, never through their name); and, for managers and admins, the
//! results they may read.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::AppError;
use crate::domain::dto::ViewerKind;
use crate::domain::dto::surveys::{CommentThread, OwnComments, ResultsEntry};
use crate::domain::roles::Role;
use crate::features::account::components::RequireSignIn;
use crate::features::surveys::api::{RespondToReply, load_own_comments, my_surveys, readable_results};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, successes};

use super::results::conversation;

#[component]
pub fn SurveysPage() -> impl IntoView {
    let i18n = use_i18n();
    let respond = ServerAction::<RespondToReply>::new();
    let responded = successes(move || [respond.value().get()]);
    let mine = Resource::new(|| (), |_| my_surveys());
    let comments = Resource::new(move || responded.get(), |_| load_own_comments());
    let results = Resource::new(|| (), |_| readable_results());
    let sent = move || {
        use_query_map()
            .with(|q| q.get("sent").is_some())
            .then(|| view! { <p role="status" id="sent">{i18n.t(Key::SurveysSent)}</p> })
    };
    view! {
        <Title text=i18n.t(Key::SurveysTitle)/>
        <RequireSignIn children=move |viewer| {
            let is_admin = matches!(&viewer.kind, ViewerKind::Member { roles, .. } if roles.contains(&Role::Admin));
            let admin = is_admin.then(|| view! {
                <p><A href="/admin/surveys" attr:class="button-primary">{i18n.t(Key::SurveysManage)}</A></p>
            });
            view! {
                <h1>{i18n.t(Key::SurveysTitle)}</h1>
                {sent}
                {admin}
                <section aria-labelledby="mine-title">
                    <h2 id="mine-title">{i18n.t(Key::SurveysWaiting)}</h2>
                    <Transition>
                        {move || Suspend::new(async move {
                            match mine.await {
                                Ok(list) if list.is_empty() => view! { <p>{i18n.t(Key::SurveysNothingWaiting)}</p> }.into_any(),
                                Ok(list) => {
                                    let items = list.into_iter().map(|survey| {
                                        let until = i18n.format(Key::SurveysOpenUntil, &[("date", &survey.closes_on)]);
                                        let label = if survey.started { Key::SurveysContinue } else { Key::SurveysAnswer };
                                        view! {
                                            <li class="inline-pair">
                                                <span><strong>{survey.title.in_language(i18n.lang).to_owned()}</strong>" "<span class="hint">{until}</span></span>
                                                <A href=format!("/surveys/answer/{}", survey.round) attr:class="button-primary">{i18n.t(label)}</A>
                                            </li>
                                        }
                                    }).collect_view();
                                    view! { <ul class="request-list" id="waiting">{items}</ul> }.into_any()
                                }
                                Err(error) => view! { <ErrorMessage error/> }.into_any(),
                            }
                        })}
                    </Transition>
                </section>
                <Transition>
                    {move || Suspend::new(async move {
                        match comments.await {
                            Ok(list) if list.is_empty() => ().into_any(),
                            Ok(list) => own_comments_section(i18n, list, respond).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
                <Transition>
                    {move || Suspend::new(async move {
                        match results.await {
                            Ok(list) if list.is_empty() => ().into_any(),
                            Ok(list) => results_section(i18n, list).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn own_comments_section(
    i18n: I18n,
    list: Vec<OwnComments>,
    respond: ServerAction<RespondToReply>,
) -> impl IntoView + use<> {
    let error: Signal<Option<AppError>> = Signal::derive(move || respond.value().get().and_then(Result::err));
    let rounds = list
        .into_iter()
        .map(|own| {
            let round = own.round.to_string();
            let threads = own
                .themes
                .into_iter()
                .flat_map(|theme| theme.comments)
                .map(|thread| own_thread(i18n, &round, thread, respond, error))
                .collect_view();
            view! {
                <h3>{own.title.in_language(i18n.lang).to_owned()}</h3>
                <ul class="feedback-list">{threads}</ul>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="own-comments-title" id="own-comments">
            <h2 id="own-comments-title">{i18n.t(Key::SurveysOwnComments)}</h2>
            <p class="hint">{i18n.t(Key::SurveysOwnCommentsHint)}</p>
            {rounds}
        </section>
    }
}

fn own_thread(
    i18n: I18n,
    round: &str,
    thread: CommentThread,
    respond: ServerAction<RespondToReply>,
    error: Signal<Option<AppError>>,
) -> impl IntoView + use<> {
    let answer = thread.answer.to_string();
    let round = round.to_owned();
    let field_id = format!("respond-{answer}");
    let can_answer = !thread.replies.is_empty();
    let form = can_answer.then(|| {
        view! {
            <ActionForm action=respond attr:class="form">
                <input type="hidden" name="round" value=round/>
                <input type="hidden" name="answer" value=answer/>
                <label for=field_id.clone()>{i18n.t(Key::SurveysAnswerReply)}</label>
                <textarea id=field_id name="reply[text]" rows="3" required></textarea>
                <FieldError error field="text"/>
                <FormError error/>
                <button type="submit" class="button-primary">{i18n.t(Key::SurveysSendReply)}</button>
            </ActionForm>
        }
    });
    view! {
        <li class="feedback-card">
            {conversation(i18n, thread)}
            {form}
        </li>
    }
}

fn results_section(i18n: I18n, list: Vec<ResultsEntry>) -> impl IntoView + use<> {
    let items = list
        .into_iter()
        .map(|entry| {
            let rounds = entry
                .rounds
                .iter()
                .map(|round| {
                    view! {
                        <li class="inline-pair">
                            <span>{round.line(i18n.lang)}</span>
                            <A href=format!("/surveys/results/{}", round.id)>{i18n.t(Key::SurveysSeeResults)}</A>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3>{entry.title.in_language(i18n.lang).to_owned()}</h3>
                <ul class="request-list">{rounds}</ul>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="results-title" id="results">
            <h2 id="results-title">{i18n.t(Key::SurveysResults)}</h2>
            {items}
        </section>
    }
}
