//! `/goals/{id}/edit`: changes a goal; its kind and owner stay.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::AppError;
use crate::domain::ids::GoalId;
use crate::features::account::components::RequireSignIn;
use crate::features::goals::api::{UpdateGoal, goal_form_choices, open_goal};
use crate::features::goals::components::GoalFields;
use crate::i18n::{Key, use_i18n};
use crate::ui::{ErrorMessage, FormError};

#[component]
pub fn EditGoalPage() -> impl IntoView {
    let i18n = use_i18n();
    let update = ServerAction::<UpdateGoal>::new();
    let id = move || use_params_map().with(|p| p.get("id")).unwrap_or_default();
    let shown = Resource::new(id, |id| async move {
        let details = open_goal(GoalId(id.parse().map_err(|_| AppError::NotFound)?)).await?;
        let choices = goal_form_choices(details.goal.year).await?;
        Ok::<_, AppError>((details.goal, choices))
    });
    let error: Signal<Option<AppError>> = Signal::derive(move || update.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::GoalsEdit)/>
        <RequireSignIn children=move |_| {
            view! {
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok((goal, choices)) => {
                                let id = goal.id.to_string();
                                let back = format!("/goals/{id}");
                                view! {
                                    <p><A href=back>{i18n.t(Key::GoalsBackToGoal)}</A></p>
                                    <h1>{i18n.t(Key::GoalsEdit)}</h1>
                                    <ActionForm action=update attr:class="form wide-form goal-form">
                                        <input type="hidden" name="id" value=id/>
                                        <GoalFields year=goal.year choices goal=Some(goal) kind=None error/>
                                        <FormError error/>
                                        <button type="submit" class="button-primary">{i18n.t(Key::GoalsSave)}</button>
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
