//! `/admin/functions`: every job function with its holders; add, change
//! (both languages) and delete.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::AppError;
use crate::domain::dto::JobFunction;
use crate::features::account::components::RequireSignIn;
use crate::features::functions::api::{CreateFunction, DeleteFunction, UpdateFunction, list_functions};
use crate::i18n::{Key, use_i18n};
use crate::ui::{ErrorMessage, FormError, bilingual_fields};

#[component]
pub fn FunctionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateFunction>::new();
    let update = ServerAction::<UpdateFunction>::new();
    let delete = ServerAction::<DeleteFunction>::new();
    let functions = Resource::new(
        move || (create.version().get(), update.version().get(), delete.version().get()),
        |_| list_functions(),
    );
    let create_error: Signal<Option<AppError>> =
        Signal::derive(move || create.value().get().and_then(Result::err));
    let change_error = move || {
        [update.value().get().and_then(Result::err), delete.value().get().and_then(Result::err)]
            .into_iter()
            .flatten()
            .next()
            .map(|error| view! { <ErrorMessage error/> })
    };
    view! {
        <Title text=i18n.t(Key::FunctionsTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::FunctionsTitle)}</h1>
                <p>{i18n.t(Key::FunctionsIntro)}</p>
                {change_error}
                <Transition>
                    {move || Suspend::new(async move {
                        match functions.await {
                            Ok(list) if list.is_empty() => view! { <p>{i18n.t(Key::FunctionsEmpty)}</p> }.into_any(),
                            Ok(list) => view! {
                                <ul class="chart-units">
                                    <For each=move || list.clone() key=Clone::clone let:function>
                                        {item(function, update, delete)}
                                    </For>
                                </ul>
                            }
                                .into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
                <section aria-labelledby="add-function-title">
                    <h2 id="add-function-title">{i18n.t(Key::FunctionsAdd)}</h2>
                    <ActionForm action=create attr:class="form wide-form">
                        {bilingual_fields("new".to_owned(), None, create_error)}
                        <FormError error=create_error/>
                        <button type="submit" class="button-primary">{i18n.t(Key::FunctionsAdd)}</button>
                    </ActionForm>
                </section>
            }
        }/>
    }
}

fn item(
    function: JobFunction,
    update: ServerAction<UpdateFunction>,
    delete: ServerAction<DeleteFunction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = function.id.to_string();
    let name = function.name(i18n.lang).to_owned();
    let holders = i18n.format(Key::FunctionsHolders, &[("count", &function.people.to_string())]);
    let error: Signal<Option<AppError>> = Signal::derive(move || update.value().get().and_then(Result::err));
    let delete_label = format!("{} {}", i18n.t(Key::FunctionsDelete), name);
    let prefix = format!("f-{id}");
    let (update_id, delete_id) = (id.clone(), id);
    view! {
        <li>
            <details>
                <summary>{name}<span class="hint">{holders}</span></summary>
                <ActionForm action=update attr:class="form wide-form">
                    <input type="hidden" name="function" value=update_id/>
                    {bilingual_fields(prefix, Some(function.texts()), error)}
                    <button type="submit">{i18n.t(Key::StructureSave)}</button>
                </ActionForm>
                <ActionForm action=delete>
                    <input type="hidden" name="function" value=delete_id/>
                    <button type="submit" class="button-danger" aria-label=delete_label>{i18n.t(Key::FunctionsDelete)}</button>
                </ActionForm>
            </details>
        </li>
    }
}
