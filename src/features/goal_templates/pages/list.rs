//! `/admin/goals/templates`: the organisation's goal templates, for admins.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::dto::GoalTemplate;
use crate::features::account::components::RequireSignIn;
use crate::features::goal_templates::api::list_goal_templates;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn TemplatesPage() -> impl IntoView {
    let i18n = use_i18n();
    let templates = Resource::new(|| (), |_| list_goal_templates());
    view! {
        <Title text=i18n.t(Key::GoalTemplatesTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::GoalTemplatesTitle)}</h1>
                <p>{i18n.t(Key::GoalTemplatesIntro)}</p>
                <p><A href="/admin/goals/templates/new" attr:class="button-primary">{i18n.t(Key::GoalTemplatesNew)}</A></p>
                <Transition>
                    {move || Suspend::new(async move {
                        match templates.await {
                            Ok(templates) => table(i18n, templates).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn table(i18n: I18n, templates: Vec<GoalTemplate>) -> impl IntoView {
    if templates.is_empty() {
        return view! { <p>{i18n.t(Key::GoalTemplatesEmpty)}</p> }.into_any();
    }
    let rows = templates
        .into_iter()
        .map(|template| {
            let develops = template.develops.map(|(_, name)| name.in_language(i18n.lang).to_owned());
            view! {
                <tr>
                    <th scope="row"><A href=format!("/admin/goals/templates/{}", template.id)>{template.title}</A></th>
                    <td>{i18n.t(template.kind.label_key())}</td>
                    <td>{develops}</td>
                    <td>{template.key_results.len()}</td>
                    <td>{template.copies}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::GoalsTitleField)}</th>
                        <th scope="col">{i18n.t(Key::GoalsKind)}</th>
                        <th scope="col">{i18n.t(Key::GoalsDevelops)}</th>
                        <th scope="col">{i18n.t(Key::GoalsKeyResults)}</th>
                        <th scope="col">{i18n.t(Key::GoalTemplatesCopies)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
