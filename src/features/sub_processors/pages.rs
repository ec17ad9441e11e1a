//! `/privacy/sub-processors` for an organisation's admins and auditors,
//! and `/operator/sub-processors` for the processor's staff, who announce
//! new ones there.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::AppError;
use crate::domain::dto::SubProcessorView;
use crate::features::account::components::RequireSignIn;
use crate::features::sub_processors::api::{
    AnnounceSubProcessor, ObjectToSubProcessor, list_sub_processors, operator_sub_processors,
};
use crate::features::sub_processors::components::register_list;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, successes};

#[component]
pub fn SubProcessorsPage() -> impl IntoView {
    let i18n = use_i18n();
    let object = ServerAction::<ObjectToSubProcessor>::new();
    let changed = successes(move || [object.value().get()]);
    let rows = Resource::new(move || changed.get(), |_| list_sub_processors());
    view! {
        <Title text=i18n.t(Key::SubProcessorsTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::SubProcessorsTitle)}</h1>
                <p>{i18n.t(Key::SubProcessorsIntro)}</p>
                {shown(i18n, rows, Some(object))}
            }
        }/>
    }
}

#[component]
pub fn OperatorSubProcessorsPage() -> impl IntoView {
    let i18n = use_i18n();
    let announce = ServerAction::<AnnounceSubProcessor>::new();
    let changed = successes(move || [announce.value().get()]);
    let rows = Resource::new(move || changed.get(), |_| operator_sub_processors());
    let error: Signal<Option<AppError>> =
        Signal::derive(move || announce.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::SubProcessorsTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::SubProcessorsTitle)}</h1>
                <p>{i18n.t(Key::SubProcessorsOperatorIntro)}</p>
                {shown(i18n, rows, None)}
                <h2>{i18n.t(Key::SubProcessorsAnnounceTitle)}</h2>
                {announce_form(i18n, announce, error)}
            }
        }/>
    }
}

fn shown(
    i18n: I18n,
    rows: Resource<Result<Vec<SubProcessorView>, AppError>>,
    object: Option<ServerAction<ObjectToSubProcessor>>,
) -> impl IntoView {
    view! {
        <Transition>
            {move || Suspend::new(async move {
                match rows.await {
                    Ok(rows) => register_list(i18n, rows, object).into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn announce_form(
    i18n: I18n,
    announce: ServerAction<AnnounceSubProcessor>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let text = move |field: &'static str, label: Key| {
        let id = format!("sub-processor-{field}");
        view! {
            <label for=id.clone()>{i18n.t(label)}</label>
            <input id=id name=format!("form[{field}]") type="text" required/>
            <FieldError error field=field/>
        }
    };
    view! {
        <ActionForm action=announce attr:class="form" attr:id="announce-sub-processor">
            {text("name", Key::SubProcessorsName)}
            {text("function", Key::SubProcessorsFunction)}
            {text("data_categories", Key::SubProcessorsDataCategories)}
            {text("head_office", Key::SubProcessorsHeadOffice)}
            {text("data_location", Key::SubProcessorsDataLocation)}
            <label>
                <input type="checkbox" name="form[in_eea]" value="on" checked=true/>
                {i18n.t(Key::SubProcessorsInEea)}
            </label>
            <label for="sub-processor-effective-from">{i18n.t(Key::SubProcessorsEffectiveFrom)}</label>
            <input id="sub-processor-effective-from" name="form[effective_from]" type="date" required/>
            <p class="hint">{i18n.t(Key::SubProcessorsEffectiveFromHint)}</p>
            <FieldError error field="effective_from"/>
            <FormError error/>
            <button type="submit" class="button-primary">{i18n.t(Key::SubProcessorsAnnounce)}</button>
        </ActionForm>
    }
}
