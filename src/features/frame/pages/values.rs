//! `/admin/values`: the organisation's core values; add, change (both
//! languages) and delete.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::AppError;
use crate::domain::dto::CoreValue;
use crate::features::account::components::RequireSignIn;
use crate::features::frame::api::{CreateValue, DeleteValue, UpdateValue, list_values};
use crate::i18n::{Key, use_i18n};
use crate::ui::{ErrorMessage, FormError, bilingual_fields};

#[component]
pub fn ValuesPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateValue>::new();
    let update = ServerAction::<UpdateValue>::new();
    let delete = ServerAction::<DeleteValue>::new();
    let values = Resource::new(
        move || (create.version().get(), update.version().get(), delete.version().get()),
        |_| list_values(),
    );
    let create_error: Signal<Option<AppError>> =
        Signal::derive(move || create.value().get().and_then(Result::err));
    let delete_error =
        move || delete.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> });
    view! {
        <Title text=i18n.t(Key::ValuesTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::ValuesTitle)}</h1>
                <p>{i18n.t(Key::ValuesIntro)}</p>
                {delete_error}
                <Transition>
                    {move || Suspend::new(async move {
                        match values.await {
                            Ok(list) if list.is_empty() => view! { <p>{i18n.t(Key::ValuesEmpty)}</p> }.into_any(),
                            Ok(list) => view! {
                                <ul class="chart-units">
                                    <For each=move || list.clone() key=Clone::clone let:value>
                                        {item(value, update, delete)}
                                    </For>
                                </ul>
                            }
                                .into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
                <section aria-labelledby="add-value-title">
                    <h2 id="add-value-title">{i18n.t(Key::ValuesAdd)}</h2>
                    <ActionForm action=create attr:class="form wide-form">
                        {bilingual_fields("new".to_owned(), None, create_error)}
                        <FormError error=create_error/>
                        <button type="submit" class="button-primary">{i18n.t(Key::ValuesAdd)}</button>
                    </ActionForm>
                </section>
            }
        }/>
    }
}

fn item(
    value: CoreValue,
    update: ServerAction<UpdateValue>,
    delete: ServerAction<DeleteValue>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = value.id.to_string();
    let name = value.name(i18n.lang).to_owned();
    let error: Signal<Option<AppError>> = Signal::derive(move || update.value().get().and_then(Result::err));
    let delete_label = format!("{} {}", i18n.t(Key::FunctionsDelete), name);
    let prefix = format!("v-{id}");
    let (update_id, delete_id) = (id.clone(), id);
    view! {
        <li>
            <details>
                <summary>{name}</summary>
                <ActionForm action=update attr:class="form wide-form">
                    <input type="hidden" name="value" value=update_id/>
                    {bilingual_fields(prefix, Some(value.texts()), error)}
                    <button type="submit">{i18n.t(Key::StructureSave)}</button>
                </ActionForm>
                <ActionForm action=delete>
                    <input type="hidden" name="value" value=delete_id/>
                    <button type="submit" class="button-danger" aria-label=delete_label>{i18n.t(Key::FunctionsDelete)}</button>
                </ActionForm>
            </details>
        </li>
    }
}
