//! `/one-on-ones/{id}`: one 1:1 as one of its two people sees it — the
//! upcoming meeting's agenda (shared points and one's own private ones),
//! action items, wrapping the meeting up with shared notes, and the
//! meetings held before.

use leptos::html;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::AppError;
use crate::domain::dto::{ActionItem, Meeting, OneOnOneDetails, TalkingPoint};
use crate::domain::ids::OneOnOneId;
use crate::features::account::components::RequireSignIn;
use crate::features::one_on_ones::api::{
    AddActionItem, AddTalkingPoint, DeleteTalkingPoint, HoldMeeting, MarkActionDone, MarkPointDiscussed,
    RescheduleMeeting, load_one_on_one,
};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError, successes};

/// Every action of the page; a change that succeeded reloads the 1:1.
#[derive(Clone, Copy)]
struct Actions {
    add_point: ServerAction<AddTalkingPoint>,
    discussed: ServerAction<MarkPointDiscussed>,
    delete_point: ServerAction<DeleteTalkingPoint>,
    add_action: ServerAction<AddActionItem>,
    action_done: ServerAction<MarkActionDone>,
    hold: ServerAction<HoldMeeting>,
    reschedule: ServerAction<RescheduleMeeting>,
}

impl Actions {
    fn new() -> Actions {
        Actions {
            add_point: ServerAction::new(),
            discussed: ServerAction::new(),
            delete_point: ServerAction::new(),
            add_action: ServerAction::new(),
            action_done: ServerAction::new(),
            hold: ServerAction::new(),
            reschedule: ServerAction::new(),
        }
    }

    /// The outcomes of all actions, newest dispatch of each.
    fn outcomes(self) -> [Option<Result<(), AppError>>; 7] {
        [
            self.add_point.value().get(),
            self.discussed.value().get(),
            self.delete_point.value().get(),
            self.add_action.value().get(),
            self.action_done.value().get(),
            self.hold.value().get(),
            self.reschedule.value().get(),
        ]
    }
}

#[component]
pub fn OneOnOnePage() -> impl IntoView {
    let i18n = use_i18n();
    let actions = Actions::new();
    let changed = successes(move || actions.outcomes());
    let id = move || use_params_map().with(|p| p.get("id")).unwrap_or_default();
    let shown = Resource::new(
        move || (id(), changed.get()),
        |(id, _)| async move {
            let id = OneOnOneId(id.parse().map_err(|_| AppError::NotFound)?);
            load_one_on_one(id).await
        },
    );
    let refused = move || {
        [
            actions.discussed.value().get(),
            actions.delete_point.value().get(),
            actions.action_done.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(Result::err)
        .map(|error| view! { <ErrorMessage error/> })
    };
    view! {
        <Title text=i18n.t(Key::OneOnOnesTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <p><A href="/one-on-ones">{i18n.t(Key::OneOnOnesTitle)}</A></p>
                {refused}
                <Transition>
                    {move || Suspend::new(async move {
                        match shown.await {
                            Ok(details) => page(i18n, details, actions).into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        }/>
    }
}

fn page(i18n: I18n, details: OneOnOneDetails, actions: Actions) -> impl IntoView {
    let id = details.id.to_string();
    let pair = i18n.format(
        Key::OneOnOnesPair,
        &[("manager", &details.manager.name), ("employee", &details.employee.name)],
    );
    let history = if details.history.is_empty() {
        view! { <p>{i18n.t(Key::OneOnOnesHistoryEmpty)}</p> }.into_any()
    } else {
        details.history.into_iter().map(|meeting| held(i18n, meeting)).collect_view().into_any()
    };
    let people = [details.manager.clone(), details.employee.clone()];
    view! {
        <h1>{i18n.format(Key::OneOnOnesHeading, &[("person", &details.with.name)])}</h1>
        <p class="hint inline-pair"><span>{pair}</span><span>{i18n.t(details.cadence.label_key())}</span></p>
        <h2>{i18n.format(Key::OneOnOnesUpcoming, &[("at", &details.upcoming.at)])}</h2>
        {reschedule_form(i18n, &id, &details.upcoming.at_local, actions.reschedule)}
        <section aria-labelledby="agenda-title">
            <h3 id="agenda-title">{i18n.t(Key::OneOnOnesAgenda)}</h3>
            {agenda(i18n, details.upcoming.points, actions)}
            {point_form(i18n, &id, actions.add_point)}
        </section>
        <section aria-labelledby="actions-title">
            <h3 id="actions-title">{i18n.t(Key::OneOnOnesActions)}</h3>
            {action_items(i18n, details.actions, actions.action_done)}
            {action_form(i18n, &id, &people, actions.add_action)}
        </section>
        <section aria-labelledby="hold-title">
            <h3 id="hold-title">{i18n.t(Key::OneOnOnesHoldTitle)}</h3>
            {hold_form(i18n, &id, actions.hold)}
        </section>
        <section aria-labelledby="history-title">
            <h2 id="history-title">{i18n.t(Key::OneOnOnesHistory)}</h2>
            {history}
        </section>
    }
}

fn agenda(i18n: I18n, points: Vec<TalkingPoint>, actions: Actions) -> impl IntoView {
    if points.is_empty() {
        return view! { <p>{i18n.t(Key::OneOnOnesAgendaEmpty)}</p> }.into_any();
    }
    let items = points.into_iter().map(|point| agenda_point(i18n, point, actions)).collect_view();
    view! { <ul class="feedback-list" id="agenda">{items}</ul> }.into_any()
}

fn agenda_point(i18n: I18n, point: TalkingPoint, actions: Actions) -> impl IntoView {
    let badges = point_badges(i18n, &point);
    let id = point.id.to_string();
    let (toggle_id, delete_id) = (id.clone(), id);
    let toggle_label = if point.discussed { Key::OneOnOnesNotDiscussed } else { Key::OneOnOnesMarkDiscussed };
    let discussed = (!point.discussed).to_string();
    let remove = point.mine.then(move || {
        view! {
            <ActionForm action=actions.delete_point>
                <input type="hidden" name="point" value=delete_id.clone()/>
                <button type="submit" class="button-danger">{i18n.t(Key::OneOnOnesRemove)}</button>
            </ActionForm>
        }
    });
    view! {
        <li class="feedback-card">
            <p class="feedback-meta">
                <strong>{point.body}</strong>
                <span class="hint">{i18n.format(Key::OneOnOnesBy, &[("person", &point.author.name)])}</span>
                {badges}
            </p>
            <div class="row-actions">
                <ActionForm action=actions.discussed>
                    <input type="hidden" name="point" value=toggle_id.clone()/>
                    <input type="hidden" name="discussed" value=discussed.clone()/>
                    <button type="submit" class="link-button">{i18n.t(toggle_label)}</button>
                </ActionForm>
                {remove}
            </div>
        </li>
    }
}

fn point_badges(i18n: I18n, point: &TalkingPoint) -> impl IntoView + use<> {
    let private = point.private.then(|| view! { <span class="badge">{i18n.t(Key::OneOnOnesPrivate)}</span> });
    let carried = (point.carried_over > 0)
        .then(|| view! { <span class="badge">{i18n.t(Key::OneOnOnesCarriedOver)}</span> });
    let discussed =
        point.discussed.then(|| view! { <span class="badge">{i18n.t(Key::OneOnOnesDiscussed)}</span> });
    (private, carried, discussed)
}

fn point_form(i18n: I18n, id: &str, add: ServerAction<AddTalkingPoint>) -> impl IntoView + use<> {
    let id = id.to_owned();
    let error: Signal<Option<AppError>> = Signal::derive(move || add.value().get().and_then(Result::err));
    let form = NodeRef::<html::Form>::new();
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(form)) = (add.value().get(), form.get()) {
            form.reset();
        }
    });
    view! {
        <ActionForm action=add node_ref=form attr:class="form">
            <input type="hidden" name="id" value=id.clone()/>
            <label for="point-body">{i18n.t(Key::OneOnOnesPoint)}</label>
            <input id="point-body" name="form[body]" type="text" required/>
            <FieldError error field="body"/>
            <label><input type="checkbox" name="form[private]" value="on"/>{i18n.t(Key::OneOnOnesPointPrivate)}</label>
            <button type="submit" class="button-primary">{i18n.t(Key::OneOnOnesAddPoint)}</button>
        </ActionForm>
    }
}

fn action_items(i18n: I18n, items: Vec<ActionItem>, done: ServerAction<MarkActionDone>) -> impl IntoView {
    if items.is_empty() {
        return view! { <p>{i18n.t(Key::OneOnOnesActionsEmpty)}</p> }.into_any();
    }
    let rows = items
        .into_iter()
        .map(|item| {
            let due = item.due_on.map(|date| {
                view! { <span class="hint">{i18n.format(Key::OneOnOnesDueOn, &[("date", &date)])}</span> }
            });
            let state = item.done.then(|| view! { <span class="badge">{i18n.t(Key::OneOnOnesDone)}</span> });
            let toggle = if item.done { Key::OneOnOnesReopen } else { Key::OneOnOnesMarkDone };
            let (id, value) = (item.id.to_string(), (!item.done).to_string());
            view! {
                <li class="feedback-card">
                    <p class="feedback-meta">
                        <strong>{item.body}</strong>
                        <span>{item.owner.name}</span>
                        {due}
                        {state}
                    </p>
                    <ActionForm action=done>
                        <input type="hidden" name="action" value=id.clone()/>
                        <input type="hidden" name="done" value=value.clone()/>
                        <button type="submit" class="link-button">{i18n.t(toggle)}</button>
                    </ActionForm>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="feedback-list" id="action-items">{rows}</ul> }.into_any()
}

fn action_form(
    i18n: I18n,
    id: &str,
    people: &[crate::domain::dto::PersonRef],
    add: ServerAction<AddActionItem>,
) -> impl IntoView + use<> {
    let id = id.to_owned();
    let error: Signal<Option<AppError>> = Signal::derive(move || add.value().get().and_then(Result::err));
    let form = NodeRef::<html::Form>::new();
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(form)) = (add.value().get(), form.get()) {
            form.reset();
        }
    });
    let owners = people
        .iter()
        .map(|p| view! { <option value=p.id.to_string()>{p.name.clone()}</option> })
        .collect_view();
    view! {
        <ActionForm action=add node_ref=form attr:class="form">
            <input type="hidden" name="id" value=id.clone()/>
            <label for="action-body">{i18n.t(Key::OneOnOnesAction)}</label>
            <input id="action-body" name="form[body]" type="text" required/>
            <FieldError error field="body"/>
            <label for="action-owner">{i18n.t(Key::OneOnOnesOwner)}</label>
            <select id="action-owner" name="form[owner]">{owners}</select>
            <FieldError error field="owner"/>
            <label for="action-due">{i18n.t(Key::OneOnOnesDue)}</label>
            <input id="action-due" name="form[due_on]" type="date"/>
            <FieldError error field="due_on"/>
            <button type="submit" class="button-primary">{i18n.t(Key::OneOnOnesAddAction)}</button>
        </ActionForm>
    }
}

fn hold_form(i18n: I18n, id: &str, hold: ServerAction<HoldMeeting>) -> impl IntoView + use<> {
    let id = id.to_owned();
    let error: Signal<Option<AppError>> = Signal::derive(move || hold.value().get().and_then(Result::err));
    view! {
        <ActionForm action=hold attr:class="form">
            <input type="hidden" name="id" value=id.clone()/>
            <label for="meeting-notes">{i18n.t(Key::OneOnOnesNotes)}</label>
            <textarea id="meeting-notes" name="form[notes]" rows="5"></textarea>
            <FieldError error field="notes"/>
            <label for="meeting-next">{i18n.t(Key::OneOnOnesNextAt)}</label>
            <input id="meeting-next" name="form[next]" type="datetime-local"/>
            <FieldError error field="next"/>
            <p class="hint">{i18n.t(Key::OneOnOnesHoldHint)}</p>
            <FormError error/>
            <button type="submit" class="button-primary">{i18n.t(Key::OneOnOnesHold)}</button>
        </ActionForm>
    }
}

fn reschedule_form(
    i18n: I18n,
    id: &str,
    at_local: &str,
    reschedule: ServerAction<RescheduleMeeting>,
) -> impl IntoView + use<> {
    let (id, at_local) = (id.to_owned(), at_local.to_owned());
    let error: Signal<Option<AppError>> =
        Signal::derive(move || reschedule.value().get().and_then(Result::err));
    view! {
        <ActionForm action=reschedule attr:class="filter-form">
            <input type="hidden" name="id" value=id.clone()/>
            <label for="meeting-at">{i18n.t(Key::OneOnOnesReschedule)}</label>
            <input id="meeting-at" name="at" type="datetime-local" value=at_local required/>
            <button type="submit">{i18n.t(Key::OneOnOnesRescheduleButton)}</button>
            <FieldError error field="at"/>
        </ActionForm>
    }
}

fn held(i18n: I18n, meeting: Meeting) -> impl IntoView {
    let notes = meeting.notes.unwrap_or_else(|| i18n.t(Key::OneOnOnesNoNotes).to_owned());
    let points = meeting
        .points
        .into_iter()
        .map(|point| {
            let badges = point_badges(i18n, &point);
            view! { <li class="inline-pair"><span>{point.body}</span>{badges}</li> }
        })
        .collect_view();
    view! {
        <article class="feedback-card">
            <h3>{i18n.format(Key::OneOnOnesHeld, &[("at", &meeting.at)])}</h3>
            <p class="goal-text">{notes}</p>
            <ul>{points}</ul>
        </article>
    }
}
