//! On an evaluation's page: the reviews by others — whom the employee
//! asked, the manager's approval, and the answers once they may be shown
//! (with names, or anonymously from the cycle's threshold).

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{Evaluation, Nomination, PeerAnswers, PeerReviews};
use crate::features::evaluations::api::{ApproveNominations, NominateReviewer, WithdrawNomination};
use crate::i18n::{I18n, Key};
use crate::ui::{FieldError, FormError};

/// The actions of the section; a success reloads the page.
#[derive(Clone, Copy)]
pub struct PeerActions {
    pub nominate: ServerAction<NominateReviewer>,
    pub withdraw: ServerAction<WithdrawNomination>,
    pub approve: ServerAction<ApproveNominations>,
}

impl Default for PeerActions {
    fn default() -> PeerActions {
        PeerActions {
            nominate: ServerAction::new(),
            withdraw: ServerAction::new(),
            approve: ServerAction::new(),
        }
    }
}

impl PeerActions {
    pub fn outcomes(self) -> [Option<Result<(), AppError>>; 3] {
        [self.nominate.value().get(), self.withdraw.value().get(), self.approve.value().get()]
    }
}

pub fn peer_section(i18n: I18n, evaluation: &Evaluation, actions: PeerActions) -> impl IntoView + use<> {
    let Some(peers) = evaluation.peers.clone() else { return ().into_any() };
    let (moment, employee) = (evaluation.moment.to_string(), evaluation.employee.id.to_string());
    let how = if peers.named {
        i18n.t(Key::PeerReviewsNamed).to_owned()
    } else {
        i18n.format(Key::PeerReviewsAnonymous, &[("threshold", &peers.threshold.to_string())])
    };
    let nominations = nominations(i18n, &peers.nominations, peers.may_nominate, actions.withdraw);
    let nominate =
        peers.may_nominate.then(|| nominate_forms(i18n, &peers, &moment, &employee, actions.nominate));
    let approve = peers.may_approve.then(|| {
        let (moment, employee) = (moment.clone(), employee.clone());
        view! {
            <ActionForm action=actions.approve attr:class="inline-form" attr:id="approve-nominations">
                <input type="hidden" name="moment" value=moment/>
                <input type="hidden" name="employee" value=employee/>
                <button type="submit" class="button-primary">{i18n.t(Key::PeerReviewsApprove)}</button>
            </ActionForm>
        }
    });
    let approve_error = Signal::derive(move || actions.approve.value().get().and_then(Result::err));
    view! {
        <section id="peer-reviews">
            <h2>{i18n.t(Key::PeerReviewsTitle)}</h2>
            <p class="hint">{how}</p>
            {nominations}
            {approve}
            <FieldError error=approve_error field="approve"/>
            <FormError error=approve_error/>
            {nominate}
            <h3>{i18n.t(Key::PeerReviewsAnswers)}</h3>
            {results(i18n, &peers)}
        </section>
    }
    .into_any()
}

fn nominations(
    i18n: I18n,
    list: &[Nomination],
    may_withdraw: bool,
    withdraw: ServerAction<WithdrawNomination>,
) -> impl IntoView + use<> {
    if list.is_empty() {
        return view! { <p class="hint">{i18n.t(Key::PeerReviewsNobodyYet)}</p> }.into_any();
    }
    let rows = list
        .iter()
        .map(|n| {
            let state = if n.answered {
                Key::PeerReviewsStateAnswered
            } else if n.approved {
                Key::PeerReviewsStateAsked
            } else {
                Key::PeerReviewsStateWaiting
            };
            let external =
                n.external.then(|| view! { <span class="hint">{i18n.t(Key::PeerReviewsExternal)}</span> });
            let id = n.id.to_string();
            let withdraw = (may_withdraw && !n.answered).then(|| {
                view! {
                    <ActionForm action=withdraw attr:class="inline-form">
                        <input type="hidden" name="nomination" value=id/>
                        <button type="submit" class="link-button">{i18n.t(Key::PeerReviewsWithdraw)}</button>
                    </ActionForm>
                }
            });
            view! {
                <li>
                    <span>{reviewer_name(i18n, &n.who)}</span>
                    {external}
                    <span class="badge">{i18n.t(state)}</span>
                    {withdraw}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="panel-list" id="nominations">{rows}</ul> }.into_any()
}

fn nominate_forms(
    i18n: I18n,
    peers: &PeerReviews,
    moment: &str,
    employee: &str,
    nominate: ServerAction<NominateReviewer>,
) -> impl IntoView + use<> {
    let error = Signal::derive(move || nominate.value().get().and_then(Result::err));
    let colleagues = peers
        .colleagues
        .iter()
        .map(|p| view! { <option value=p.id.to_string()>{p.name.clone()}</option> })
        .collect_view();
    let (moment_inside, employee_inside) = (moment.to_owned(), employee.to_owned());
    let (moment_outside, employee_outside) = (moment.to_owned(), employee.to_owned());
    view! {
        <div class="nominate">
            <h3>{i18n.t(Key::PeerReviewsAsk)}</h3>
            <ActionForm action=nominate attr:class="form" attr:id="nominate-colleague">
                <input type="hidden" name="moment" value=moment_inside/>
                <input type="hidden" name="employee" value=employee_inside/>
                <label for="nominate-reviewer">{i18n.t(Key::PeerReviewsColleague)}</label>
                <select id="nominate-reviewer" name="nomination[reviewer]" required>
                    <option value="">{i18n.t(Key::PeerReviewsChooseColleague)}</option>
                    {colleagues}
                </select>
                <FieldError error field="reviewer"/>
                <button type="submit">{i18n.t(Key::PeerReviewsAskColleague)}</button>
            </ActionForm>
            <ActionForm action=nominate attr:class="form" attr:id="nominate-external">
                <input type="hidden" name="moment" value=moment_outside/>
                <input type="hidden" name="employee" value=employee_outside/>
                <label for="nominate-name">{i18n.t(Key::PeerReviewsExternalName)}</label>
                <input id="nominate-name" name="nomination[external_name]" type="text" required/>
                <FieldError error field="external_name"/>
                <label for="nominate-email">{i18n.t(Key::PeerReviewsExternalEmail)}</label>
                <input id="nominate-email" name="nomination[external_email]" type="email" required/>
                <FieldError error field="external_email"/>
                <button type="submit">{i18n.t(Key::PeerReviewsAskExternal)}</button>
            </ActionForm>
            <FormError error/>
        </div>
    }
}

fn results(i18n: I18n, peers: &PeerReviews) -> impl IntoView + use<> {
    let Some(sets) = &peers.results else {
        let waiting = i18n.format(
            Key::PeerReviewsHidden,
            &[("answered", &peers.answered.to_string()), ("threshold", &peers.threshold.to_string())],
        );
        return view! { <p class="notice" id="peer-results">{waiting}</p> }.into_any();
    };
    if sets.is_empty() {
        return view! { <p class="hint" id="peer-results">{i18n.t(Key::PeerReviewsNoAnswers)}</p> }
            .into_any();
    }
    let questions = peers
        .questions
        .iter()
        .map(|asked| {
            let question = &asked.question;
            let given = sets
                .iter()
                .filter_map(|set| answer_line(i18n, set, asked))
                .map(|line| view! { <li>{line}</li> })
                .collect_view();
            view! {
                <dt>{question.text.in_language(i18n.lang).to_owned()}</dt>
                <dd><ul>{given}</ul></dd>
            }
        })
        .collect_view();
    view! { <dl class="answers" id="peer-results">{questions}</dl> }.into_any()
}

/// One reviewer's answer to one question, with their name when named.
fn answer_line(
    i18n: I18n,
    set: &PeerAnswers,
    asked: &crate::domain::dto::EvaluationQuestion,
) -> Option<String> {
    let answer = set.answers.iter().find(|a| a.question == asked.question.id)?;
    let scale = asked.question.scale.to_string();
    let rating_of = |rating: u32| {
        i18n.format(Key::EvaluationsRatingOf, &[("rating", &rating.to_string()), ("scale", &scale)])
    };
    let mut parts: Vec<String> = Vec::new();
    if !answer.text.is_empty() {
        parts.push(answer.text.clone());
    }
    if let Some(rating) = answer.rating {
        parts.push(rating_of(rating));
    }
    for (item, rating) in &answer.ratings {
        if let Some(rated) = asked.items.iter().find(|i| i.id == *item) {
            let values = [("item", rated.name.in_language(i18n.lang)), ("rating", &rating_of(*rating))];
            parts.push(i18n.format(Key::EvaluationsItemRating, &values));
        }
    }
    let text = parts.join(" · ");
    Some(match &set.reviewer {
        Some(name) => {
            i18n.format(Key::PeerReviewsByName, &[("person", &reviewer_name(i18n, name)), ("answer", &text)])
        }
        None => text,
    })
}

/// A reviewer's name; a reviewer erased since (GDPR art. 17) has none, and
/// their answers stay without it.
fn reviewer_name(i18n: I18n, name: &str) -> String {
    if name.is_empty() { i18n.t(Key::PeerReviewsErasedReviewer).to_owned() } else { name.to_owned() }
}
