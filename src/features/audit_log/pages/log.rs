//! The audit-log pages: a filter by action (a plain GET form, so it works
//! without JavaScript), the state of the hash chain, and the lines.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::AuditPage;
use crate::features::account::components::RequireSignIn;
use crate::features::audit_log::api::{organisation_audit_log, platform_audit_log};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn OrganisationAuditLogPage() -> impl IntoView {
    view! { <AuditLog platform=false/> }
}

#[component]
pub fn PlatformAuditLogPage() -> impl IntoView {
    view! { <AuditLog platform=true/> }
}

#[component]
fn AuditLog(platform: bool) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = move || query.with(|q| q.get("action")).filter(|a| !a.is_empty());
    let page = move || query.with(|q| q.get("page")).and_then(|p| p.parse::<u64>().ok()).unwrap_or(0);
    let log = Resource::new(
        move || (filter(), page()),
        move |(action, page)| async move {
            if platform {
                platform_audit_log(action, page).await
            } else {
                organisation_audit_log(action, page).await
            }
        },
    );
    let path = if platform { "/operator/audit-log" } else { "/privacy/audit-log" };
    let title = if platform { Key::AuditPlatformTitle } else { Key::AuditTitle };
    view! {
        <Title text=i18n.t(title)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(title)}</h1>
                <p>{i18n.t(Key::AuditIntro)}</p>
                <form method="get" action=path class="filter-form">
                    <label for="audit-action">{i18n.t(Key::AuditFilter)}</label>
                    <select id="audit-action" name="action">
                        <option value="">{i18n.t(Key::AuditAllActions)}</option>
                        {AuditAction::ALL
                            .iter()
                            .map(|action| {
                                let selected = filter().as_deref() == Some(action.code());
                                view! {
                                    <option value=action.code() selected=selected>
                                        {i18n.t(action.label_key())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <button type="submit">{i18n.t(Key::AuditApply)}</button>
                </form>
                <Transition>
                    {move || Suspend::new(async move {
                        match log.await {
                            Ok(log) => lines(i18n, log, path, filter(), page()).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn lines(i18n: I18n, log: AuditPage, path: &'static str, filter: Option<String>, page: u64) -> impl IntoView {
    let chain = match log.broken_at {
        None => view! { <p class="notice" role="status">{i18n.t(Key::AuditChainIntact)}</p> }.into_any(),
        Some(seq) => view! {
            <ErrorMessage error=AppError::AuditChainBroken { seq }/>
        }
        .into_any(),
    };
    let link = move |page: u64| {
        let action = filter.clone().map(|a| format!("&action={a}")).unwrap_or_default();
        format!("{path}?page={page}{action}")
    };
    let newer = (page > 0).then(|| view! { <A href=link(page - 1)>{i18n.t(Key::AuditNewer)}</A> });
    let older = log.has_more.then(|| view! { <A href=link(page + 1)>{i18n.t(Key::AuditOlder)}</A> });
    view! {
        {chain}
        <table class="data-table">
            <thead>
                <tr>
                    <th scope="col">{i18n.t(Key::AuditWhen)}</th>
                    <th scope="col">{i18n.t(Key::AuditWho)}</th>
                    <th scope="col">{i18n.t(Key::AuditWhat)}</th>
                    <th scope="col">{i18n.t(Key::AuditObject)}</th>
                    <th scope="col">{i18n.t(Key::AuditRequest)}</th>
                </tr>
            </thead>
            <tbody>
                {log
                    .lines
                    .into_iter()
                    .map(|line| {
                        let what = line.action.map_or(line.action_code.clone(), |a| i18n.t(a.label_key()).to_owned());
                        view! {
                            <tr>
                                <td>{line.occurred_at}</td>
                                <td>{line.actor.unwrap_or_else(|| i18n.t(Key::AuditNobody).to_owned())}</td>
                                <td>{what}</td>
                                <td>{line.object.unwrap_or_default()}</td>
                                <td class="mono">{line.request_id.unwrap_or_default()}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <nav class="pager">{newer} {older}</nav>
    }
}
