//! `/privacy/externals`, for admins: everyone outside the organisation who
//! was asked for feedback — the organisation's register of their name and
//! e-mail address, who asked them and whether they answered.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::dto::ExternalPerson;
use crate::features::account::components::RequireSignIn;
use crate::features::feedback_requests::api::external_people;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn ExternalPeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    let people = Resource::new(|| (), |_| external_people());
    view! {
        <Title text=i18n.t(Key::ExternalPeopleTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::ExternalPeopleTitle)}</h1>
                <p>{i18n.t(Key::ExternalPeopleIntro)}</p>
                <Transition>
                    {move || Suspend::new(async move {
                        match people.await {
                            Ok(people) => table(i18n, people).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn table(i18n: I18n, people: Vec<ExternalPerson>) -> impl IntoView {
    if people.is_empty() {
        return view! { <p>{i18n.t(Key::ExternalPeopleEmpty)}</p> }.into_any();
    }
    let rows = people
        .into_iter()
        .map(|person| {
            let answered =
                if person.answered { Key::FeedbackRequestsAnswered } else { Key::FeedbackRequestsUnanswered };
            view! {
                <tr>
                    <td>{person.name}</td>
                    <td>{person.email}</td>
                    <td>{person.asked_by}</td>
                    <td>{person.asked_on}</td>
                    <td>{i18n.t(answered)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table" id="external-people">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::FeedbackRequestsExternalName)}</th>
                        <th scope="col">{i18n.t(Key::FeedbackRequestsExternalEmail)}</th>
                        <th scope="col">{i18n.t(Key::ExternalPeopleAskedBy)}</th>
                        <th scope="col">{i18n.t(Key::ExternalPeopleAskedOn)}</th>
                        <th scope="col">{i18n.t(Key::ExternalPeopleAnswered)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
