//! The demo organisation's review cycles: last year's, finished, and this
//! year's yearly cycle (copied from it) for everyone under Zorg, each with
//! a goal-setting moment, a mid-term and an end evaluation (reminders in
//! December), and the two forms they use. In Wijkteam Noord, Ahmed and his
//! people Sanne and Kevin wrote: last year's evaluations are locked; this
//! year's are as far as the date allows — the moments that closed are
//! locked for Sanne and left waiting for Kevin, an open one is half-way.
//! Last year's end evaluations were calibrated and both placed in the 9-box.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::goals::scope;
use crate::domain::AppError;
use crate::domain::dto::{
    BilingualForm, CalibrationForm, CycleForm, EvaluationQuestion, ItemRatingForm, MomentForm, PlacementForm,
    QuestionForm, ReviewAnswerForm, ScopeForm, WritingForm,
};
use crate::domain::evaluations::Party;
use crate::domain::ids::{MomentId, OrgId, ReviewCycleId, ReviewFormId};
use crate::server::auth::OrgScope;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::{org_unit, review_cycle as cycle};
use crate::server::service::reviews::{calibration, cycles, evaluations, forms, talent};

pub async fn seed_reviews(
    db: &DatabaseConnection,
    keys: &Keyring,
    org: OrgId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let femke = scope(db, org, "femke.jansen@delinde.example").await?;
    let intake = form(
        db,
        &femke,
        ("Doelen stellen", "Goal-setting"),
        &[
            ("open", "Wat wil je dit jaar bereiken?", "What do you want to achieve this year?"),
            (
                "open",
                "Wat wil je leren, en wat heb je daarvoor nodig?",
                "What do you want to learn, and what do you need for it?",
            ),
        ],
        now,
    )
    .await?;
    let annual = form(
        db,
        &femke,
        ("Jaargesprek", "Annual review"),
        &[
            ("open", "Waar ben je het meest trots op?", "What are you most proud of?"),
            ("rating", "Samenwerking in het team", "Teamwork"),
            ("goal_ratings", "Hoe staan je doelen ervoor?", "How are your goals doing?"),
            ("competency_ratings", "Je competenties", "Your competencies"),
        ],
        now,
    )
    .await?;
    let forms = (intake, annual);
    let year = now.year();
    let last_year = cycle(db, &femke, year - 1, forms, now).await?;
    let this_year = cycle(db, &femke, year, forms, now).await?;
    cycle::Entity::update_many()
        .col_expr(cycle::Column::RepeatsYearly, Expr::value(true))
        .col_expr(cycle::Column::CopiedTo, Expr::value(Some(this_year.0.0)))
        .filter(cycle::Column::Id.eq(last_year.0.0))
        .exec(db)
        .await
        .map_err(internal)?;
    let ahmed = scope(db, org, "ahmed.elamrani@delinde.example").await?;
    let sanne = scope(db, org, "sanne.devries@delinde.example").await?;
    let kevin = scope(db, org, "kevin.meijer@delinde.example").await?;
    let today = now.date_naive();
    for (moment, _, _) in &last_year.1 {
        for employee in [&sanne, &kevin] {
            write(db, keys, (employee, &ahmed), *moment, Step::Locked, now).await?;
        }
    }
    // Last year's end evaluations were calibrated and the two placed in the 9-box.
    if let Some((end, _, _)) = last_year.1.last() {
        for (employee, proposed, settled, (performance, potential)) in
            [(&sanne, "4", "4", ("high", "high")), (&kevin, "4", "3", ("medium", "medium"))]
        {
            let at = (*end, employee.user);
            calibration::propose(db, &ahmed, at, proposed, now).await?;
            let reason = CalibrationForm { score: settled.into(), rationale: "Afgestemd in het MT.".into() };
            calibration::calibrate(db, keys, &ahmed, at, &reason, now).await?;
            let placement = PlacementForm { performance: performance.into(), potential: potential.into() };
            talent::place(db, &ahmed, (last_year.0, employee.user), &placement, now).await?;
        }
    }
    for (moment, opens_on, closes_on) in this_year.1 {
        if today < opens_on {
            continue;
        }
        let (sanne_step, kevin_step) =
            if closes_on < today { (Step::Locked, Step::Shared) } else { (Step::Shared, Step::Draft) };
        write(db, keys, (&sanne, &ahmed), moment, sanne_step, now).await?;
        write(db, keys, (&kevin, &ahmed), moment, kevin_step, now).await?;
    }
    Ok(())
}

/// The yearly cycle of `year` for everyone under Zorg, with its moments
/// and their dates.
async fn cycle(
    db: &DatabaseConnection,
    femke: &OrgScope,
    year: i32,
    (intake, annual): (ReviewFormId, ReviewFormId),
    now: DateTime<Utc>,
) -> Result<(ReviewCycleId, Vec<(MomentId, NaiveDate, NaiveDate)>), AppError> {
    let form = CycleForm {
        name: format!("Gesprekscyclus {year}"),
        starts_on: format!("{year}-01-01"),
        ends_on: format!("{year}-12-31"),
        repeats_yearly: Some("on".into()),
        ..Default::default()
    };
    let id = cycles::create(db, femke, &form, now).await?;
    let care = org_unit::Entity::find()
        .filter(org_unit::Column::OrgId.eq(femke.org.0))
        .filter(org_unit::Column::Name.eq("Zorg"))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::Internal)?;
    let everyone = ScopeForm { units: vec![care.id.to_string()], people: Vec::new() };
    cycles::set_scope(db, femke, id, &everyone).await?;
    let moments = [
        ("goal_setting", "01-15", "02-28", "both", intake, ""),
        ("mid_term", "06-01", "06-30", "manager", annual, ""),
        ("end", "11-01", "12-15", "both", annual, "12-01, 12-10"),
    ];
    let mut added = Vec::new();
    for (kind, opens, closes, writers, form, reminders) in moments {
        let reminders: Vec<String> =
            reminders.split(", ").filter(|d| !d.is_empty()).map(|d| format!("{year}-{d}")).collect();
        let (opens_on, closes_on) = (format!("{year}-{opens}"), format!("{year}-{closes}"));
        let moment = MomentForm {
            kind: kind.into(),
            opens_on: opens_on.clone(),
            closes_on: closes_on.clone(),
            writers: writers.into(),
            form: form.to_string(),
            reminders: reminders.join(", "),
            ..Default::default()
        };
        let moment = cycles::add_moment(db, femke, id, &moment).await?;
        let day = |text: &str| text.parse::<NaiveDate>().map_err(|_| AppError::Internal);
        added.push((moment, day(&opens_on)?, day(&closes_on)?));
    }
    Ok((id, added))
}

/// How far an evaluation gets in the demo.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    /// The writers saved a draft.
    Draft,
    /// The writers shared, nobody acknowledged yet.
    Shared,
    /// Both acknowledged.
    Locked,
}

/// Writes the employee's and the manager's parts, as the moment asks,
/// with every question answered, up to `step`.
async fn write(
    db: &DatabaseConnection,
    keys: &Keyring,
    (employee, manager): (&OrgScope, &OrgScope),
    moment: MomentId,
    step: Step,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    const SITE: (&str, chrono_tz::Tz) = ("", chrono_tz::Europe::Amsterdam);
    let at = (moment, employee.user);
    let shown = evaluations::details(db, keys, employee, at, SITE.1, now).await?;
    for (writer, party, text) in [
        (employee, Party::Employee, "Ik heb dit jaar veel geleerd over overdracht en plannen."),
        (manager, Party::Manager, "Sterke collega: betrouwbaar en betrokken bij cliënten."),
    ] {
        if !shown.workflow.writers.include(party) {
            continue;
        }
        let answers = complete_answers(&shown.questions, text);
        if step == Step::Draft {
            evaluations::save(db, keys, writer, at, &answers, SITE.1, now).await?;
        } else {
            evaluations::share(db, keys, writer, at, &answers, SITE, now).await?;
        }
    }
    if step == Step::Locked {
        evaluations::acknowledge(db, keys, employee, at, "Goed gesprek, dank je.", now).await?;
        evaluations::acknowledge(db, keys, manager, at, "", now).await?;
    }
    Ok(())
}

fn complete_answers(questions: &[EvaluationQuestion], text: &str) -> WritingForm {
    let answers = questions
        .iter()
        .map(|asked| ReviewAnswerForm {
            question: asked.question.id.to_string(),
            text: text.into(),
            rating: if asked.question.kind.rated() { "4".into() } else { String::new() },
            items: asked
                .items
                .iter()
                .map(|item| ItemRatingForm { item: item.id.to_string(), rating: "4".into() })
                .collect(),
        })
        .collect();
    WritingForm { answers }
}

async fn form(
    db: &DatabaseConnection,
    femke: &OrgScope,
    (nl, en): (&str, &str),
    questions: &[(&str, &str, &str)],
    now: DateTime<Utc>,
) -> Result<ReviewFormId, AppError> {
    let named = BilingualForm { name_nl: nl.into(), name_en: en.into(), ..Default::default() };
    let id = forms::create(db, femke, &named, now).await?;
    for (kind, text_nl, text_en) in questions {
        let question = QuestionForm {
            kind: (*kind).into(),
            text_nl: (*text_nl).into(),
            text_en: (*text_en).into(),
            required: Some("on".into()),
            ..Default::default()
        };
        forms::add_question(db, femke, id, &question).await?;
    }
    Ok(id)
}
