//! The start page: who you are and where. Operators have no dashboard
//! here; their start page is the operator console.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

use crate::domain::dto::{Viewer, ViewerKind};
use crate::features::account::components::RequireSignIn;
use crate::features::dashboard::role_name;
use crate::i18n::{Key, use_i18n};

#[component]
pub fn DashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(Key::DashboardTitle)/>
        <RequireSignIn children=move |viewer: Viewer| match viewer.kind {
            ViewerKind::Operator => view! { <Redirect path="/operator"/> }.into_any(),
            ViewerKind::Member { organisation, roles, .. } => {
                let roles = roles.into_iter().map(|role| role_name(i18n, role)).collect::<Vec<_>>().join(", ");
                view! {
                    <h1>{i18n.format(Key::DashboardGreeting, &[("name", &viewer.name)])}</h1>
                    <dl class="facts">
                        <dt>{i18n.t(Key::DashboardOrganisation)}</dt>
                        <dd>{organisation}</dd>
                        <dt>{i18n.t(Key::DashboardRoles)}</dt>
                        <dd>{roles}</dd>
                    </dl>
                }
                    .into_any()
            }
        }/>
    }
}
