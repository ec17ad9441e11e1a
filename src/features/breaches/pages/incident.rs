//! `/operator/breaches/{id}`: one incident. The processor's staff name the
//! affected organisations with their numbers (DPA 7.A.1), send each its
//! notice within the 24 hours the page counts down to (7.A), and send
//! follow-ups to those told (7.C).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::AppError;
use crate::domain::dto::{
    AffectedOrganisation, BreachRecord, ContractState, DeadlineState, OrganisationSummary,
};
use crate::domain::ids::BreachId;
use crate::features::account::components::RequireSignIn;
use crate::features::breaches::api::{
    AddBreachOrganisation, SendBreachNotice, SendBreachUpdate, breach_incident,
};
use crate::features::breaches::components::{approximately, breach_facts, notice_state};
use crate::features::operator::api::list_organisations;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, successes};

/// The three things done on the page, each refreshing it when it succeeds.
#[derive(Clone, Copy)]
struct Actions {
    add: ServerAction<AddBreachOrganisation>,
    notify: ServerAction<SendBreachNotice>,
    update: ServerAction<SendBreachUpdate>,
}

#[component]
pub fn OperatorBreachPage() -> impl IntoView {
    let i18n = use_i18n();
    let actions =
        Actions { add: ServerAction::new(), notify: ServerAction::new(), update: ServerAction::new() };
    let changed = successes(move || {
        [actions.add.value().get(), actions.notify.value().get(), actions.update.value().get()]
    });
    let id = move || use_params_map().with(|p| p.get("id")).and_then(|id| id.parse::<uuid::Uuid>().ok());
    let shown = Resource::new(
        move || (id(), changed.get()),
        |(id, _)| async move {
            let id = id.map(BreachId).ok_or(AppError::NotFound)?;
            Ok::<_, AppError>((breach_incident(id).await?, list_organisations().await?))
        },
    );
    view! {
        <Title text=i18n.t(Key::BreachesOperatorTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/operator/breaches">{i18n.t(Key::BreachesBack)}</A></p>
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok((record, organisations)) => incident(i18n, record, organisations, actions).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn incident(
    i18n: I18n,
    record: BreachRecord,
    organisations: Vec<OrganisationSummary>,
    actions: Actions,
) -> impl IntoView + use<> {
    let id = record.facts.id;
    let due = i18n.format(Key::BreachesNoticeDue, &[("date", &record.facts.notice_due)]);
    let recorded_by = i18n.format(Key::BreachesRecordedBy, &[("name", &record.recorded_by)]);
    let not_yet_affected: Vec<OrganisationSummary> = organisations
        .into_iter()
        .filter(|o| !matches!(o.contract, ContractState::Destroyed { .. }))
        .filter(|o| record.affected.iter().all(|a| a.org != o.id))
        .collect();
    let affected = if record.affected.is_empty() {
        view! { <p class="hint">{i18n.t(Key::BreachesNoAffected)}</p> }.into_any()
    } else {
        let rows =
            record.affected.into_iter().map(|a| affected_row(i18n, id, a, actions.notify)).collect_view();
        view! { <ul class="request-list" id="affected-organisations">{rows}</ul> }.into_any()
    };
    let notice_error: Signal<Option<AppError>> =
        Signal::derive(move || actions.notify.value().get().and_then(Result::err));
    view! {
        <h1>{record.facts.nature.clone()}</h1>
        <p class="hint">{recorded_by}" · "{due}</p>
        {breach_facts(i18n, record.facts, None)}
        <h2>{i18n.t(Key::BreachesAffectedTitle)}</h2>
        {affected}
        <FieldError error=notice_error field="notice"/>
        <FormError error=notice_error/>
        <h2>{i18n.t(Key::BreachesAddAffectedTitle)}</h2>
        {affected_form(i18n, id, not_yet_affected, actions.add)}
        <h2>{i18n.t(Key::BreachesUpdateTitle)}</h2>
        {update_form(i18n, id, actions.update)}
    }
}

fn affected_row(
    i18n: I18n,
    id: BreachId,
    affected: AffectedOrganisation,
    notify: ServerAction<SendBreachNotice>,
) -> impl IntoView + use<> {
    let (line, class) = notice_state(i18n, &affected.notice);
    let send = matches!(affected.notice, DeadlineState::Due | DeadlineState::Overdue).then(|| {
        view! {
            <ActionForm action=notify>
                <input type="hidden" name="id" value=id.to_string()/>
                <input type="hidden" name="org" value=affected.org.to_string()/>
                <button type="submit" class="button-primary">{i18n.t(Key::BreachesSendNotice)}</button>
            </ActionForm>
        }
    });
    view! {
        <li class="feedback-card" data-organisation=affected.name.clone()>
            <h3>{affected.name.clone()}</h3>
            <p class=format!("notice-{class}")>{line}</p>
            <dl class="facts">
                <dt>{i18n.t(Key::BreachesSubjects)}</dt>
                <dd>{approximately(i18n, &affected.data.subject_categories, affected.data.subjects_approx)}</dd>
                <dt>{i18n.t(Key::BreachesRecords)}</dt>
                <dd>{approximately(i18n, &affected.data.record_categories, affected.data.records_approx)}</dd>
            </dl>
            {send}
        </li>
    }
}

fn affected_form(
    i18n: I18n,
    id: BreachId,
    organisations: Vec<OrganisationSummary>,
    add: ServerAction<AddBreachOrganisation>,
) -> impl IntoView + use<> {
    let error: Signal<Option<AppError>> = Signal::derive(move || add.value().get().and_then(Result::err));
    let options = organisations
        .into_iter()
        .map(|o| view! { <option value=o.id.to_string()>{o.name}</option> })
        .collect_view();
    let field = move |name: &'static str, label: Key, kind: &'static str| {
        let input_id = format!("affected-{name}");
        view! {
            <label for=input_id.clone()>{i18n.t(label)}</label>
            <input id=input_id name=format!("form[{name}]") type=kind min="0" required/>
            <FieldError error field=name/>
        }
    };
    view! {
        <ActionForm action=add attr:class="form" attr:id="add-affected">
            <input type="hidden" name="id" value=id.to_string()/>
            <label for="affected-org">{i18n.t(Key::BreachesOrganisation)}</label>
            <select id="affected-org" name="form[org]" required>
                <option value="">{i18n.t(Key::BreachesChooseOrganisation)}</option>
                {options}
            </select>
            <FieldError error field="org"/>
            {field("subject_categories", Key::BreachesSubjectCategories, "text")}
            {field("subjects_approx", Key::BreachesSubjectsApprox, "number")}
            {field("record_categories", Key::BreachesRecordCategories, "text")}
            {field("records_approx", Key::BreachesRecordsApprox, "number")}
            <FormError error/>
            <button type="submit" class="button-primary">{i18n.t(Key::BreachesAddAffected)}</button>
        </ActionForm>
    }
}

fn update_form(i18n: I18n, id: BreachId, update: ServerAction<SendBreachUpdate>) -> impl IntoView + use<> {
    let error: Signal<Option<AppError>> = Signal::derive(move || update.value().get().and_then(Result::err));
    view! {
        <ActionForm action=update attr:class="form" attr:id="breach-update">
            <input type="hidden" name="id" value=id.to_string()/>
            <label for="breach-update-body">{i18n.t(Key::BreachesUpdateBody)}</label>
            <textarea id="breach-update-body" name="body" rows="4" required></textarea>
            <p class="hint">{i18n.t(Key::BreachesUpdateHint)}</p>
            <FieldError error field="body"/>
            <FormError error/>
            <button type="submit" class="button-primary">{i18n.t(Key::BreachesSendUpdate)}</button>
        </ActionForm>
    }
}
