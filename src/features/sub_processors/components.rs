//! The register as a list: each sub-processor with what it does, what it
//! receives, where it is and whether that is inside the EEA, when it was
//! announced and from when it is used; and, for an organisation's admin,
//! the objection form while objecting is possible, or the objection made.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::SubProcessorView;
use crate::features::sub_processors::api::ObjectToSubProcessor;
use crate::i18n::{I18n, Key};
use crate::ui::{FieldError, FormError};

pub fn register_list(
    i18n: I18n,
    rows: Vec<SubProcessorView>,
    object: Option<ServerAction<ObjectToSubProcessor>>,
) -> impl IntoView + use<> {
    if rows.is_empty() {
        return view! { <p>{i18n.t(Key::SubProcessorsEmpty)}</p> }.into_any();
    }
    let items = rows.into_iter().map(|row| item(i18n, row, object)).collect_view();
    view! { <ul class="request-list" id="sub-processors">{items}</ul> }.into_any()
}

fn item(
    i18n: I18n,
    row: SubProcessorView,
    object: Option<ServerAction<ObjectToSubProcessor>>,
) -> impl IntoView + use<> {
    let status = if row.in_use {
        i18n.format(Key::SubProcessorsInUse, &[("date", &row.effective_from)])
    } else {
        i18n.format(
            Key::SubProcessorsAnnounced,
            &[("date", &row.effective_from), ("announced", &row.announced_on)],
        )
    };
    let eea = i18n.t(if row.in_eea { Key::SubProcessorsInEea } else { Key::SubProcessorsOutsideEea });
    let objection = row.objection.clone().map(|o| {
        let by = o.by.unwrap_or_else(|| i18n.t(Key::NotificationsSomeone).to_owned());
        let line = i18n
            .format(Key::SubProcessorsObjected, &[("person", &by), ("date", &o.on), ("reason", &o.reason)]);
        let path = i18n.format(Key::SubProcessorsTerminationPath, &[("date", &o.may_end_on)]);
        view! {
            <p class="notice">{line}</p>
            <p class="hint">{path}</p>
        }
    });
    let form = match (object, row.objection_until.clone()) {
        (Some(action), Some(until)) => Some(objection_form(i18n, action, row.id.to_string(), until)),
        _ => None,
    };
    let name = row.name.clone();
    view! {
        <li class="feedback-card" data-name=name>
            <h2>{row.name}</h2>
            <p class="hint">{status}</p>
            <dl class="facts">
                <dt>{i18n.t(Key::SubProcessorsFunction)}</dt>
                <dd>{row.function}</dd>
                <dt>{i18n.t(Key::SubProcessorsDataCategories)}</dt>
                <dd>{row.data_categories}</dd>
                <dt>{i18n.t(Key::SubProcessorsHeadOffice)}</dt>
                <dd>{row.head_office}</dd>
                <dt>{i18n.t(Key::SubProcessorsDataLocation)}</dt>
                <dd>{row.data_location}</dd>
                <dt>{i18n.t(Key::SubProcessorsEea)}</dt>
                <dd>{eea}</dd>
            </dl>
            {objection}
            {form}
        </li>
    }
}

fn objection_form(
    i18n: I18n,
    object: ServerAction<ObjectToSubProcessor>,
    id: String,
    until: String,
) -> impl IntoView + use<> {
    let error: Signal<Option<AppError>> = Signal::derive(move || object.value().get().and_then(Result::err));
    let field = format!("reason-{id}");
    view! {
        <details class="objection">
            <summary>{i18n.format(Key::SubProcessorsObject, &[("date", &until)])}</summary>
            <ActionForm action=object attr:class="form">
                <input type="hidden" name="id" value=id/>
                <label for=field.clone()>{i18n.t(Key::SubProcessorsReason)}</label>
                <textarea id=field name="reason" rows="3" required></textarea>
                <FieldError error field="reason"/>
                <FormError error/>
                <button type="submit" class="button-danger">{i18n.t(Key::SubProcessorsObjectConfirm)}</button>
            </ActionForm>
        </details>
    }
}
