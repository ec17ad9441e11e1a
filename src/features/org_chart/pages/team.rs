//! `/team`: the people a manager manages directly, with their unit, and
//! the people below them when the organisation allows it; from each, to
//! feedback for them and one's private notes about them.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::features::account::components::RequireSignIn;
use crate::features::org_chart::api::my_team;
use crate::i18n::{Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn TeamPage() -> impl IntoView {
    let i18n = use_i18n();
    let team = Resource::new(|| (), |_| my_team());
    view! {
        <Title text=i18n.t(Key::TeamTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::TeamTitle)}</h1>
                <Transition>
                    {move || Suspend::new(async move {
                        match team.await {
                            Ok(team) if team.is_empty() => view! { <p>{i18n.t(Key::TeamEmpty)}</p> }.into_any(),
                            Ok(team) => view! {
                                <table class="data-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{i18n.t(Key::PeopleName)}</th>
                                            <th scope="col">{i18n.t(Key::PeopleFunction)}</th>
                                            <th scope="col">{i18n.t(Key::TeamUnit)}</th>
                                            <th scope="col">{i18n.t(Key::TeamReportsTo)}</th>
                                            <th scope="col">{i18n.t(Key::TeamActions)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {team.into_iter().map(|member| view! {
                                            <tr>
                                                <td>{member.person.name}</td>
                                                <td>{member.function.map(|f| f.in_language(i18n.lang).to_owned())}</td>
                                                <td>{member.unit.unwrap_or_default()}</td>
                                                <td>{member.reports_to.map(|manager| manager.name).unwrap_or_else(|| i18n.t(Key::TeamDirect).to_owned())}</td>
                                                <td class="row-actions">
                                                    <A href=format!("/feedback/give?to={}", member.person.id)>{i18n.t(Key::TeamGiveFeedback)}</A>
                                                    <A href=format!("/notes?subject={}", member.person.id)>{i18n.t(Key::TeamNotes)}</A>
                                                    <A href=format!("/people/{}/documents", member.person.id)>{i18n.t(Key::DocumentsTitle)}</A>
                                                </td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
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
