//! `/goals/new`: a new goal — one's own, a report's (for managers), a
//! unit's (for its managers) or the organisation's (for admins).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::query_number;
use crate::domain::AppError;
use crate::domain::goals::GoalKind;
use crate::features::account::components::RequireSignIn;
use crate::features::goals::api::{CreateGoal, goal_form_choices};
use crate::features::goals::components::GoalFields;
use crate::i18n::{Key, use_i18n};
use crate::ui::{ErrorMessage, FormError};

#[component]
pub fn NewGoalPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateGoal>::new();
    let year = query_number("year");
    let kind = use_query_map().get_untracked().get("kind").and_then(|k| GoalKind::from_code(&k));
    let choices = Resource::new(move || year, goal_form_choices);
    let error: Signal<Option<AppError>> = Signal::derive(move || create.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::GoalsNew)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::GoalsNew)}</h1>
                <Transition>
                    {move || Suspend::new(async move {
                        match choices.await {
                            Ok(choices) => view! {
                                <ActionForm action=create attr:class="form wide-form goal-form">
                                    <GoalFields year=choices.year choices goal=None kind error/>
                                    <FormError error/>
                                    <button type="submit" class="button-primary">{i18n.t(Key::GoalsSave)}</button>
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
