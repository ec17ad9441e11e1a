//! `/operator/breaches`: the processor's breach register and the form to
//! record an incident (DPA 7.G); once recorded, its page opens.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::domain::AppError;
use crate::features::account::components::RequireSignIn;
use crate::features::breaches::api::{RecordBreach, breach_register};
use crate::features::breaches::components::incident_list;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError};

#[component]
pub fn OperatorBreachesPage() -> impl IntoView {
    let i18n = use_i18n();
    let record = ServerAction::<RecordBreach>::new();
    let records = Resource::new(|| (), |()| breach_register());
    Effect::new(move || {
        if let Some(Ok(id)) = record.value().get() {
            use_navigate()(&format!("/operator/breaches/{id}"), Default::default());
        }
    });
    let error: Signal<Option<AppError>> = Signal::derive(move || record.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::BreachesOperatorTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::BreachesOperatorTitle)}</h1>
                <p>{i18n.t(Key::BreachesOperatorIntro)}</p>
                <p class="hint">{i18n.t(Key::BreachesNoAuthority)}</p>
                <Suspense>
                    {move || Suspend::new(async move {
                        match records.await {
                            Ok(records) => incident_list(i18n, records).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Suspense>
                <h2>{i18n.t(Key::BreachesRecordTitle)}</h2>
                {record_form(i18n, record, error)}
            }
        }/>
    }
}

fn record_form(
    i18n: I18n,
    record: ServerAction<RecordBreach>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let text = move |field: &'static str, label: Key| {
        let id = format!("breach-{field}");
        view! {
            <label for=id.clone()>{i18n.t(label)}</label>
            <textarea id=id name=format!("form[{field}]") rows="3" required></textarea>
            <FieldError error field=field/>
        }
    };
    view! {
        <ActionForm action=record attr:class="form" attr:id="record-breach">
            <label for="breach-discovered-at">{i18n.t(Key::BreachesDiscoveredAt)}</label>
            <input id="breach-discovered-at" name="form[discovered_at]" type="datetime-local" required/>
            <FieldError error field="discovered_at"/>
            {text("nature", Key::BreachesNature)}
            {text("consequences", Key::BreachesConsequences)}
            {text("measures", Key::BreachesMeasures)}
            {text("contact_point", Key::BreachesContactPoint)}
            <FormError error/>
            <button type="submit" class="button-primary">{i18n.t(Key::BreachesRecord)}</button>
        </ActionForm>
    }
}
