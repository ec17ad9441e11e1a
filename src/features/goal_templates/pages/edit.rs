//! `/admin/goals/templates/{id}/edit`: changes a template; copies people
//! already have stay as they are.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::fields::template_fields;
use crate::domain::AppError;
use crate::domain::ids::TemplateId;
use crate::features::account::components::RequireSignIn;
use crate::features::goal_templates::api::{UpdateGoalTemplate, goal_template_choices, open_goal_template};
use crate::i18n::{Key, use_i18n};
use crate::ui::{ErrorMessage, FormError};

#[component]
pub fn EditTemplatePage() -> impl IntoView {
    let i18n = use_i18n();
    let update = ServerAction::<UpdateGoalTemplate>::new();
    let id = move || use_params_map().with(|p| p.get("id")).unwrap_or_default();
    let shown = Resource::new(id, |id| async move {
        let details = open_goal_template(TemplateId(id.parse().map_err(|_| AppError::NotFound)?)).await?;
        Ok::<_, AppError>((details.template, goal_template_choices().await?))
    });
    let error: Signal<Option<AppError>> = Signal::derive(move || update.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::GoalTemplatesEdit)/>
        <RequireSignIn children=move |_| {
            view! {
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok((template, choices)) => {
                                let id = template.id.to_string();
                                let title = template.title.clone();
                                let fields = template_fields(&choices, Some(&template), error);
                                view! {
                                    <p><A href=format!("/admin/goals/templates/{id}")>{title}</A></p>
                                    <h1>{i18n.t(Key::GoalTemplatesEdit)}</h1>
                                    <ActionForm action=update attr:class="form wide-form goal-form">
                                        <input type="hidden" name="id" value=id/>
                                        {fields}
                                        <FormError error/>
                                        <button type="submit" class="button-primary">{i18n.t(Key::GoalTemplatesSave)}</button>
                                    </ActionForm>
                                }
                                    .into_any()
                            }
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}
