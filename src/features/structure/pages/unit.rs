//! `/admin/structure/{id}`: one unit — its name and place in the tree, its
//! managers and members, and the admins who may read its people's content.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::AppError;
use crate::domain::dto::{PersonRef, UnitDetails};
use crate::features::account::components::RequireSignIn;
use crate::features::settings::components::UnitSettings;
use crate::features::structure::api::{
    AddUnitMember, DeleteUnit, RemoveUnitMember, SetHrReader, SetUnitManager, UpdateUnit, unit_with_people,
};
use crate::features::structure::pages::tree::indented;
use crate::i18n::{Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError};

/// Every change this page can make; each one reloads the unit.
#[derive(Clone, Copy)]
struct Actions {
    update: ServerAction<UpdateUnit>,
    delete: ServerAction<DeleteUnit>,
    manager: ServerAction<SetUnitManager>,
    add_member: ServerAction<AddUnitMember>,
    remove_member: ServerAction<RemoveUnitMember>,
    hr_reader: ServerAction<SetHrReader>,
}

impl Actions {
    fn versions(&self) -> [usize; 5] {
        [
            self.update.version().get(),
            self.manager.version().get(),
            self.add_member.version().get(),
            self.remove_member.version().get(),
            self.hr_reader.version().get(),
        ]
    }

    /// The error of the last change that failed, other than the form's own.
    fn error(&self) -> Option<AppError> {
        [
            self.delete.value().get().and_then(Result::err),
            self.manager.value().get().and_then(Result::err),
            self.add_member.value().get().and_then(Result::err),
            self.remove_member.value().get().and_then(Result::err),
            self.hr_reader.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
    }
}

#[component]
pub fn UnitPage() -> impl IntoView {
    let i18n = use_i18n();
    let actions = Actions {
        update: ServerAction::new(),
        delete: ServerAction::new(),
        manager: ServerAction::new(),
        add_member: ServerAction::new(),
        remove_member: ServerAction::new(),
        hr_reader: ServerAction::new(),
    };
    let id = move || use_params_map().with(|params| params.get("id")).unwrap_or_default();
    let unit = Resource::new(
        move || (id(), actions.versions()),
        |(id, _)| async move {
            let id = id.parse::<uuid::Uuid>().map_err(|_| AppError::NotFound)?;
            unit_with_people(crate::domain::ids::UnitId(id)).await
        },
    );
    view! {
        <Title text=i18n.t(Key::StructureTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <p>
                    <A href="/admin/structure">{i18n.t(Key::StructureBack)}</A>
                </p>
                {move || actions.error().map(|error| view! { <ErrorMessage error/> })}
                <Transition>
                    {move || Suspend::new(async move {
                        match unit.await {
                            Ok(details) => page(details, actions).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
                {move || view! { <UnitSettings unit=id()/> }}
            }
        }/>
    }
}

fn page(details: UnitDetails, actions: Actions) -> impl IntoView {
    let unit = details.unit.id.to_string();
    view! {
        <h1>{details.unit.name.clone()}</h1>
        {edit_section(&details, actions)}
        {managers_section(unit.clone(), &details.unit.managers, &details.people, actions)}
        {members_section(unit.clone(), &details, actions)}
        {hr_readers_section(unit, &details, actions)}
    }
}

fn edit_section(details: &UnitDetails, actions: Actions) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let unit = details.unit.id.to_string();
    let name = details.unit.name.clone();
    let error: Signal<Option<AppError>> =
        Signal::derive(move || actions.update.value().get().and_then(Result::err));
    let current_parent = details.unit.parent.map(|p| p.to_string()).unwrap_or_default();
    let at_top = current_parent.is_empty();
    let parents: Vec<_> = details
        .possible_parents
        .iter()
        .map(|candidate| {
            let value = candidate.id.to_string();
            let selected = value == current_parent;
            view! { <option value=value selected=selected>{indented(candidate)}</option> }
        })
        .collect();
    let unit_to_delete = unit.clone();
    view! {
        <section aria-labelledby="unit-edit-title">
            <h2 id="unit-edit-title">{i18n.t(Key::StructureEdit)}</h2>
            <ActionForm action=actions.update attr:class="form">
                <input type="hidden" name="unit" value=unit/>
                <label for="unit-name">{i18n.t(Key::StructureName)}</label>
                <input id="unit-name" name="name" type="text" value=name required/>
                <FieldError error field="name"/>
                <label for="unit-parent">{i18n.t(Key::StructureParent)}</label>
                <select id="unit-parent" name="parent" aria-describedby="parent-error">
                    <option value="" selected=at_top>{i18n.t(Key::StructureTop)}</option>
                    {parents}
                </select>
                <FieldError error field="parent"/>
                <FormError error/>
                <button type="submit">{i18n.t(Key::StructureSave)}</button>
            </ActionForm>
            <ActionForm action=actions.delete>
                <input type="hidden" name="unit" value=unit_to_delete/>
                <button type="submit" class="button-danger">{i18n.t(Key::StructureDelete)}</button>
            </ActionForm>
        </section>
    }
}

fn managers_section(
    unit: String,
    managers: &[PersonRef],
    people: &[PersonRef],
    actions: Actions,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let list = people_with_remove(managers, &unit, move |unit, user| {
        let label = format!("{} {}", i18n.t(Key::StructureRemoveManager), user.name);
        view! {
            <ActionForm action=actions.manager>
                <input type="hidden" name="unit" value=unit/>
                <input type="hidden" name="user" value=user.id.to_string()/>
                <input type="hidden" name="manager" value="false"/>
                <button type="submit" aria-label=label>{i18n.t(Key::StructureRemove)}</button>
            </ActionForm>
        }
    });
    let choose = person_select("new-manager", Key::StructureAddManager, people);
    view! {
        <section aria-labelledby="unit-managers-title">
            <h2 id="unit-managers-title">{i18n.t(Key::StructureManagers)}</h2>
            {list}
            <ActionForm action=actions.manager attr:class="inline-form">
                <input type="hidden" name="unit" value=unit/>
                <input type="hidden" name="manager" value="true"/>
                {choose}
                <button type="submit">{i18n.t(Key::StructureAddManager)}</button>
            </ActionForm>
        </section>
    }
}

fn members_section(unit: String, details: &UnitDetails, actions: Actions) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let members: Vec<_> = details
        .members
        .iter()
        .map(|member| {
            let label = format!("{} {}", i18n.t(Key::StructureRemoveMember), member.person.name);
            let (unit, user, name) = (unit.clone(), member.person.id.to_string(), member.person.name.clone());
            let primary = member
                .is_primary
                .then(|| view! { <span class="badge">{i18n.t(Key::StructurePrimary)}</span> });
            view! {
                <li>
                    {name}
                    {primary}
                    <ActionForm action=actions.remove_member>
                        <input type="hidden" name="unit" value=unit/>
                        <input type="hidden" name="user" value=user/>
                        <button type="submit" aria-label=label>{i18n.t(Key::StructureRemove)}</button>
                    </ActionForm>
                </li>
            }
        })
        .collect();
    let choose = person_select("new-member", Key::StructureAddMember, &details.people);
    view! {
        <section aria-labelledby="unit-members-title">
            <h2 id="unit-members-title">{i18n.t(Key::StructureMembers)}</h2>
            <ul class="people-list">{members}</ul>
            <ActionForm action=actions.add_member attr:class="inline-form">
                <input type="hidden" name="unit" value=unit/>
                {choose}
                <label><input type="checkbox" name="primary" checked/>{i18n.t(Key::StructureAsPrimary)}</label>
                <button type="submit">{i18n.t(Key::StructureAddMember)}</button>
            </ActionForm>
        </section>
    }
}

fn hr_readers_section(unit: String, details: &UnitDetails, actions: Actions) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let list = people_with_remove(&details.hr_readers, &unit, move |unit, user| {
        let label = format!("{} {}", i18n.t(Key::StructureRevoke), user.name);
        view! {
            <ActionForm action=actions.hr_reader>
                <input type="hidden" name="unit" value=unit/>
                <input type="hidden" name="user" value=user.id.to_string()/>
                <input type="hidden" name="granted" value="false"/>
                <button type="submit" aria-label=label>{i18n.t(Key::StructureRevoke)}</button>
            </ActionForm>
        }
    });
    let inherited = (!details.inherited_hr_readers.is_empty()).then(|| {
        let names =
            details.inherited_hr_readers.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ");
        view! { <p class="hint">{i18n.format(Key::StructureInherited, &[("names", &names)])}</p> }
    });
    let choose = person_select("new-hr-reader", Key::StructureGrant, &details.admins);
    view! {
        <section aria-labelledby="unit-hr-title">
            <h2 id="unit-hr-title">{i18n.t(Key::StructureHrReaders)}</h2>
            <p>{i18n.t(Key::StructureHrReadersIntro)}</p>
            {list}
            {inherited}
            <ActionForm action=actions.hr_reader attr:class="inline-form">
                <input type="hidden" name="unit" value=unit/>
                <input type="hidden" name="granted" value="true"/>
                {choose}
                <button type="submit">{i18n.t(Key::StructureGrant)}</button>
            </ActionForm>
        </section>
    }
}

/// A list of people, each with the button `remove` makes.
fn people_with_remove<V: IntoView + 'static, F: Fn(String, PersonRef) -> V>(
    people: &[PersonRef],
    unit: &str,
    remove: F,
) -> impl IntoView + use<V, F> {
    let items: Vec<_> = people
        .iter()
        .map(|person| view! { <li>{person.name.clone()}{remove(unit.to_owned(), person.clone())}</li> })
        .collect();
    view! { <ul class="people-list">{items}</ul> }
}

/// A labelled choice of people, named `user` in the form.
fn person_select(id: &'static str, label: Key, people: &[PersonRef]) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let options: Vec<_> =
        people.iter().map(|p| view! { <option value=p.id.to_string()>{p.name.clone()}</option> }).collect();
    view! {
        <label for=id class="visually-hidden">{i18n.t(label)}</label>
        <select id=id name="user" required>{options}</select>
    }
}
