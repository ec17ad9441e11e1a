//! The organisation the review tests share: Ahmed manages Wijkteam Noord
//! with Sanne in it, and the 2027 cycle for Noord has an end evaluation.

use chrono::{DateTime, TimeZone, Utc};
use sea_orm::DatabaseConnection;

use super::{cycles, forms};
use crate::domain::dto::{
    BilingualForm, CycleForm, MomentForm, QuestionForm, ReviewAnswerForm, ScopeForm, WritingForm,
};
use crate::domain::ids::{MomentId, QuestionId, ReviewCycleId, ReviewFormId, UnitId};
use crate::domain::roles::Roles;
use crate::server::auth::OrgScope;
use crate::server::service::structure;
use crate::server::testing;

pub const TZ: chrono_tz::Tz = chrono_tz::Europe::Amsterdam;
pub const SITE: (&str, chrono_tz::Tz) = ("https://koers.example", TZ);

/// Ahmed manages Wijkteam Noord with Sanne in it; the 2027 cycle is for
/// Noord, its end evaluation (written by both) opens on 1 November with
/// an open question and a rating (both required) and a rating per goal.
/// Thomas works elsewhere, Femke is the admin.
pub struct Noord {
    pub femke: OrgScope,
    pub ahmed: OrgScope,
    pub sanne: OrgScope,
    pub thomas: OrgScope,
    pub north: UnitId,
    pub cycle: ReviewCycleId,
    pub form: ReviewFormId,
    pub end: MomentId,
    pub questions: Vec<QuestionId>,
}

pub async fn noord(db: &DatabaseConnection) -> Noord {
    let org = testing::organisation(db, "De Linde").await;
    let femke = testing::scope(db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await;
    let ahmed = testing::scope(db, org, "Ahmed", Roles { manager: true, admin: false, auditor: false }).await;
    let sanne = testing::scope(db, org, "Sanne", Roles::default()).await;
    let thomas = testing::scope(db, org, "Thomas", Roles::default()).await;
    let now = Utc::now();
    let north = structure::create(db, &femke, "Wijkteam Noord", None, now).await.expect("unit");
    structure::set_manager(db, &femke, north, ahmed.user, true, now).await.expect("manager");
    structure::add_member(db, &femke, north, sanne.user, true, now).await.expect("member");

    let named = BilingualForm { name_nl: "Eindgesprek".into(), ..Default::default() };
    let form = forms::create(db, &femke, &named, now).await.expect("form");
    for (kind, text, required) in
        [("open", "Terugblik", true), ("rating", "Hoe ging het?", true), ("goal_ratings", "Je doelen", false)]
    {
        let question = QuestionForm {
            kind: kind.into(),
            text_nl: text.into(),
            required: required.then(|| "on".into()),
            ..Default::default()
        };
        forms::add_question(db, &femke, form, &question).await.expect("question");
    }
    let cycle_form = CycleForm {
        name: "Gesprekscyclus 2027".into(),
        starts_on: "2027-01-01".into(),
        ends_on: "2027-12-31".into(),
        repeats_yearly: None,
        ..Default::default()
    };
    let cycle = cycles::create(db, &femke, &cycle_form, now).await.expect("cycle");
    let scope = ScopeForm { units: vec![north.to_string()], people: vec![] };
    cycles::set_scope(db, &femke, cycle, &scope).await.expect("scope");
    let end = cycles::add_moment(db, &femke, cycle, &end_moment(form)).await.expect("moment");
    let questions =
        forms::details(db, &femke, form).await.expect("form").questions.iter().map(|q| q.id).collect();
    Noord { femke, ahmed, sanne, thomas, north, cycle, form, end, questions }
}

/// The end evaluation: 1 November to 15 December 2027, written by both,
/// a reminder on 1 December.
pub fn end_moment(form: ReviewFormId) -> MomentForm {
    MomentForm {
        kind: "end".into(),
        opens_on: "2027-11-01".into(),
        closes_on: "2027-12-15".into(),
        writers: "both".into(),
        form: form.to_string(),
        reminders: "2027-12-01".into(),
        ..Default::default()
    }
}

/// Wednesday 10 November 2027, 10:00 in Amsterdam: the end evaluation is open.
pub fn during() -> DateTime<Utc> {
    TZ.with_ymd_and_hms(2027, 11, 10, 10, 0, 0).single().expect("a moment").with_timezone(&Utc)
}

pub fn answers(noord: &Noord, text: &str, rating: &str) -> WritingForm {
    let answer = |index: usize, text: &str, rating: &str| ReviewAnswerForm {
        question: noord.questions[index].to_string(),
        text: text.into(),
        rating: rating.into(),
        items: vec![],
    };
    WritingForm { answers: vec![answer(0, text, ""), answer(1, "", rating)] }
}
