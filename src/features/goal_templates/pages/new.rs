//! `/admin/goals/templates/new`: a new goal template.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::fields::template_fields;
use crate::domain::AppError;
use crate::features::account::components::RequireSignIn;
use crate::features::goal_templates::api::{CreateGoalTemplate, goal_template_choices};
use crate::i18n::{Key, use_i18n};
use crate::ui::{ErrorMessage, FormError};

#[component]
pub fn NewTemplatePage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateGoalTemplate>::new();
    let choices = Resource::new(|| (), |_| goal_template_choices());
    let error: Signal<Option<AppError>> = Signal::derive(move || create.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::GoalTemplatesNew)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/admin/goals/templates">{i18n.t(Key::GoalTemplatesBack)}</A></p>
                <h1>{i18n.t(Key::GoalTemplatesNew)}</h1>
                <Transition>
                    {move || Suspend::new(async move {
                        match choices.await {
                            Ok(choices) => view! {
                                <ActionForm action=create attr:class="form wide-form goal-form">
                                    {template_fields(&choices, None, error)}
                                    <FormError error/>
                                    <button type="submit" class="button-primary">{i18n.t(Key::GoalTemplatesSave)}</button>
                                </ActionForm>
                            }
                                .into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}
