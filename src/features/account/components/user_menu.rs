//! The header's account corner: who is signed in and a sign-out button, or
//! a sign-in link. Sign-out is a plain form, so it works without JavaScript.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::components::A;

use super::use_viewer;
use crate::features::account::api::SignOut;
use crate::i18n::{Key, use_i18n};

#[component]
pub fn UserMenu() -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    view! {
        <Transition>
            {move || Suspend::new(async move {
                match viewer.await {
                    Ok(Some(viewer)) => {
                        view! {
                            <form class="user-menu" method="post" action=SignOut::url()>
                                <A href="/account">{i18n.format(Key::NavSignedInAs, &[("name", &viewer.name)])}</A>
                                <button type="submit">{i18n.t(Key::NavSignOut)}</button>
                            </form>
                        }
                            .into_any()
                    }
                    _ => view! { <A href="/login" attr:class="user-menu">{i18n.t(Key::NavSignIn)}</A> }.into_any(),
                }
            })}
        </Transition>
    }
}
