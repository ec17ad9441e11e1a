//! `/surveys/results/{round}?unit=…&by=…`: a closed round's results as far
//! as the anonymity engine allows — the group looked from, a heatmap of its
//! units or of a segment, the questions, the trend over earlier rounds and
//! the comments by theme, with their conversations. A hidden number says
//! why it is hidden. The same view downloads as a spreadsheet.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::domain::AppError;
use crate::domain::dto::surveys::{
    Cell, CommentThread, Comments, ResultsQuery, SurveyResults, ThemeComments,
};
use crate::domain::surveys::{Segment, Theme};
use crate::features::account::components::RequireSignIn;
use crate::features::surveys::api::{ReplyToComment, load_survey_results};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, successes};

#[component]
pub fn SurveyResultsPage() -> impl IntoView {
    let i18n = use_i18n();
    let reply = ServerAction::<ReplyToComment>::new();
    let replied = successes(move || [reply.value().get()]);
    let query = move || {
        let round = use_params_map().with(|p| p.get("round")).unwrap_or_default();
        let (unit, by) =
            use_query_map().with(|q| (q.get("unit").unwrap_or_default(), q.get("by").unwrap_or_default()));
        (round, unit, by)
    };
    let results = Resource::new(
        move || (query(), replied.get()),
        |((round, unit, by), _)| async move {
            load_survey_results(ResultsQuery::from_address(&round, &unit, &by)?).await
        },
    );
    view! {
        <Title text=i18n.t(Key::SurveysResults)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/surveys">{i18n.t(Key::SurveysBackToMine)}</A></p>
                <Transition>
                    {move || Suspend::new(async move {
                        match results.await {
                            Ok(results) => page(i18n, results, reply).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn page(i18n: I18n, results: SurveyResults, reply: ServerAction<ReplyToComment>) -> impl IntoView + use<> {
    let line = results.round.line(i18n.lang);
    let hint = i18n.format(Key::SurveysResultsHint, &[("threshold", &results.threshold.to_string())]);
    let columns = results.themes.clone();
    let has_enps = results.has_enps;
    let overall = table(
        i18n,
        &columns,
        has_enps,
        vec![(i18n.t(Key::SurveysGroupLookedFrom).to_owned(), results.overall.clone())],
        "overall",
    );
    let rows: Vec<(String, Cell)> =
        results.rows.iter().map(|row| (row.label.in_language(i18n.lang), row.cell.clone())).collect();
    let heatmap = if rows.is_empty() {
        view! { <p>{i18n.t(Key::SurveysNoRows)}</p> }.into_any()
    } else {
        table(i18n, &columns, has_enps, rows, "heatmap").into_any()
    };
    let trend_rows: Vec<(String, Cell)> =
        results.trend.iter().map(|point| (point.opens_on.clone(), point.cell.clone())).collect();
    let trend = table(i18n, &columns, has_enps, trend_rows, "trend");
    let fewer = i18n.format(Key::SurveysFewerThan, &[("threshold", &results.threshold.to_string())]);
    let questions = results
        .questions
        .iter()
        .map(|q| {
            let score = q.score.map(|s| s.to_string()).unwrap_or_else(|| "–".to_owned());
            let answers = q.answers.map_or_else(|| fewer.clone(), |n| n.to_string());
            view! {
                <tr>
                    <td>{q.text.in_language(i18n.lang).to_owned()}</td>
                    <td>{i18n.t(q.theme.label_key())}</td>
                    <td>{score}</td>
                    <td>{answers}</td>
                </tr>
            }
        })
        .collect_view();
    let comments = match results.comments.clone() {
        Comments::Shown(themes) if themes.is_empty() => {
            view! { <p>{i18n.t(Key::SurveysNoComments)}</p> }.into_any()
        }
        Comments::Shown(themes) => comments_by_theme(i18n, themes, reply).into_any(),
        Comments::Hidden => {
            let why =
                i18n.format(Key::SurveysCommentsHidden, &[("threshold", &results.threshold.to_string())]);
            view! { <p class="hidden-cell" id="comments-hidden">{why}</p> }.into_any()
        }
    };
    // What is shown, for tests and assistive tools to tell one view from the next.
    let scope_name = results
        .scopes
        .iter()
        .find(|(unit, _)| *unit == results.query.unit)
        .map(|(_, name)| name.clone())
        .unwrap_or_default();
    let shown_view = format!("{scope_name}|{}", results.query.breakdown.code());
    view! {
        <div id="results-view" data-view=shown_view>
        <h1>{results.title.in_language(i18n.lang).to_owned()}</h1>
        <p class="hint">{line}</p>
        <p class="hint">{hint}</p>
        {filters(i18n, &results)}
        <p><a href=results.query.export_address() download id="results-export">{i18n.t(Key::SurveysExportXlsx)}</a></p>
        <section aria-labelledby="overall-title">
            <h2 id="overall-title">{i18n.t(Key::SurveysOverall)}</h2>
            {overall}
        </section>
        <section aria-labelledby="heatmap-title">
            <h2 id="heatmap-title">{i18n.t(Key::SurveysHeatmap)}</h2>
            {heatmap}
        </section>
        <section aria-labelledby="questions-title">
            <h2 id="questions-title">{i18n.t(Key::SurveysPerQuestion)}</h2>
            <div class="table-scroll">
                <table class="data-table" id="question-results">
                    <thead><tr>
                        <th>{i18n.t(Key::SurveysQuestion)}</th>
                        <th>{i18n.t(Key::SurveysThemeLabel)}</th>
                        <th>{i18n.t(Key::SurveysScore)}</th>
                        <th>{i18n.t(Key::SurveysAnswers)}</th>
                    </tr></thead>
                    <tbody>{questions}</tbody>
                </table>
            </div>
        </section>
        <section aria-labelledby="trend-title">
            <h2 id="trend-title">{i18n.t(Key::SurveysTrend)}</h2>
            {trend}
        </section>
        <section aria-labelledby="comments-title">
            <h2 id="comments-title">{i18n.t(Key::SurveysComments)}</h2>
            {comments}
        </section>
        </div>
    }
}

/// "Look from" a unit (or everyone) and "cut by" a segment: a plain GET
/// form, so the page works without scripts too.
fn filters(i18n: I18n, results: &SurveyResults) -> impl IntoView + use<> {
    let scopes = results
        .scopes
        .iter()
        .map(|(unit, name)| {
            let value = unit.map(|u| u.to_string()).unwrap_or_default();
            let label = if unit.is_none() { i18n.t(Key::SurveysEveryone).to_owned() } else { name.clone() };
            view! { <option value=value selected=*unit == results.query.unit>{label}</option> }
        })
        .collect_view();
    let segments = Segment::ALL
        .iter()
        .map(|segment| {
            view! { <option value=segment.code() selected=*segment == results.query.breakdown>{i18n.t(segment.label_key())}</option> }
        })
        .collect_view();
    view! {
        <Form method="GET" action="" attr:class="form filters">
            <label for="look-from">{i18n.t(Key::SurveysLookFrom)}</label>
            <select id="look-from" name="unit">{scopes}</select>
            <label for="cut-by">{i18n.t(Key::SurveysCutBy)}</label>
            <select id="cut-by" name="by">{segments}</select>
            <button type="submit" class="button-primary">{i18n.t(Key::SurveysShow)}</button>
        </Form>
    }
}

/// Groups as rows, themes (and eNPS) as columns; a hidden group spans the
/// row with its reason.
fn table(
    i18n: I18n,
    themes: &[Theme],
    has_enps: bool,
    rows: Vec<(String, Cell)>,
    id: &str,
) -> impl IntoView + use<> {
    let headers = themes.iter().map(|theme| view! { <th>{i18n.t(theme.label_key())}</th> }).collect_view();
    let enps_header = has_enps.then(|| view! { <th>{i18n.t(Key::SurveysEnps)}</th> });
    let span = (themes.len() + usize::from(has_enps) + 1).to_string();
    let body = rows
        .into_iter()
        .map(|(label, cell)| match cell {
            Cell::Shown { respondents, themes, enps } => {
                let scores = themes
                    .into_iter()
                    .map(|score| match score {
                        Some(score) => view! { <td class=format!("heat heat-{}", (score / 20).clamp(0, 4))>{score.to_string()}</td> }.into_any(),
                        None => view! { <td>"–"</td> }.into_any(),
                    })
                    .collect_view();
                let enps = has_enps.then(|| view! { <td>{enps.map(|e| format!("{e:+}")).unwrap_or_else(|| "–".to_owned())}</td> });
                view! {
                    <tr>
                        <th scope="row">{label}</th>
                        <td>{respondents.to_string()}</td>
                        {scores}
                        {enps}
                    </tr>
                }
                .into_any()
            }
            Cell::Hidden(verdict) => {
                let why = i18n.t(verdict.reason_key());
                view! {
                    <tr>
                        <th scope="row">{label}</th>
                        <td class="hidden-cell" colspan=span.clone()>{why}</td>
                    </tr>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table heatmap" id=id.to_owned()>
                <thead><tr>
                    <th>{i18n.t(Key::SurveysGroup)}</th>
                    <th>{i18n.t(Key::SurveysRespondents)}</th>
                    {headers}
                    {enps_header}
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

fn comments_by_theme(
    i18n: I18n,
    themes: Vec<ThemeComments>,
    reply: ServerAction<ReplyToComment>,
) -> impl IntoView + use<> {
    let error: Signal<Option<AppError>> = Signal::derive(move || reply.value().get().and_then(Result::err));
    themes
        .into_iter()
        .map(|theme| {
            let threads = theme
                .comments
                .into_iter()
                .map(|thread| {
                    let answer = thread.answer.to_string();
                    let field_id = format!("reply-{answer}");
                    view! {
                        <li class="feedback-card">
                            {conversation(i18n, thread)}
                            <ActionForm action=reply attr:class="form">
                                <input type="hidden" name="answer" value=answer/>
                                <label for=field_id.clone()>{i18n.t(Key::SurveysReply)}</label>
                                <textarea id=field_id name="reply[text]" rows="3" required></textarea>
                                <FieldError error field="text"/>
                                <FormError error/>
                                <button type="submit" class="button-primary">{i18n.t(Key::SurveysSendReply)}</button>
                            </ActionForm>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3>{i18n.t(theme.theme.label_key())}</h3>
                <ul class="feedback-list">{threads}</ul>
            }
        })
        .collect_view()
}

/// A comment with its replies, the respondent's shown as theirs without a name.
pub(super) fn conversation(i18n: I18n, thread: CommentThread) -> impl IntoView + use<> {
    let replies = thread
        .replies
        .into_iter()
        .map(|reply| {
            let who = match reply.author {
                None => i18n.t(Key::SurveysRespondent).to_owned(),
                Some(name) if name.is_empty() => i18n.t(Key::SurveysFormerManager).to_owned(),
                Some(name) => name,
            };
            view! {
                <li>
                    <p class="feedback-meta"><strong>{who}</strong>" "<span class="hint">{reply.written_at}</span></p>
                    <p>{reply.text}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="hint">{thread.question.in_language(i18n.lang).to_owned()}</p>
        <blockquote>{thread.text}</blockquote>
        <ul class="replies">{replies}</ul>
    }
}
