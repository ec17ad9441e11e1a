//! Pages that need a session: a signed-out visitor is sent to `/login` and,
//! after signing in, back to the page they asked for (PRODUCT.md §6). An
//! admin or operator without their mandatory second factor is sent to set
//! it up first, and then on to the page they asked for.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use super::use_viewer;
use crate::domain::dto::{SecondFactorStatus, Viewer};
use crate::domain::validation::encode_query_value;
use crate::features::second_factor::components::SETUP_PATH;
use crate::ui::ErrorMessage;

#[component]
pub fn RequireSignIn<F, V>(children: F) -> impl IntoView
where
    F: Fn(Viewer) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let viewer = use_viewer();
    let location = use_location();
    view! {
        <Suspense>
            {move || {
                let children = children.clone();
                // The router's `search` is the query without its `?`.
                let asked_for = match location.search.get() {
                    search if search.is_empty() => location.pathname.get(),
                    search => format!("{}?{search}", location.pathname.get()),
                };
                Suspend::new(async move {
                    match viewer.await {
                        Ok(Some(viewer))
                            if viewer.second_factor == SecondFactorStatus::SetupRequired
                                && location.pathname.get_untracked() != SETUP_PATH =>
                        {
                            let path = format!("{SETUP_PATH}?next={}", encode_query_value(&asked_for));
                            view! { <Redirect path/> }.into_any()
                        }
                        Ok(Some(viewer)) => children(viewer).into_any(),
                        Ok(None) => {
                            let path = format!("/login?next={}", encode_query_value(&asked_for));
                            view! { <Redirect path/> }.into_any()
                        }
                        Err(error) => view! { <ErrorMessage error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
