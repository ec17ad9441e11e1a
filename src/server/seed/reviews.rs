//! The demo organisation's review cycle: this year's yearly cycle for
//! everyone under Zorg, with a goal-setting moment, a mid-term and an end
//! evaluation (reminders in December), and the two forms they use.

use chrono::{DateTime, Datelike, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::goals::scope;
use crate::domain::AppError;
use crate::domain::dto::{BilingualForm, CycleForm, MomentForm, QuestionForm, ScopeForm};
use crate::domain::ids::{OrgId, ReviewFormId};
use crate::server::auth::OrgScope;
use crate::server::db::internal;
use crate::server::entity::org_unit;
use crate::server::service::reviews::{cycles, forms};

pub async fn seed_reviews(db: &DatabaseConnection, org: OrgId, now: DateTime<Utc>) -> Result<(), AppError> {
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
    let year = now.year();
    let cycle = CycleForm {
        name: format!("Gesprekscyclus {year}"),
        starts_on: format!("{year}-01-01"),
        ends_on: format!("{year}-12-31"),
        repeats_yearly: Some("on".into()),
    };
    let id = cycles::create(db, &femke, &cycle, now).await?;
    let care = org_unit::Entity::find()
        .filter(org_unit::Column::OrgId.eq(org.0))
        .filter(org_unit::Column::Name.eq("Zorg"))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::Internal)?;
    let everyone = ScopeForm { units: vec![care.id.to_string()], people: Vec::new() };
    cycles::set_scope(db, &femke, id, &everyone).await?;
    let moments = [
        ("goal_setting", "01-15", "02-28", "both", intake, ""),
        ("mid_term", "06-01", "06-30", "manager", annual, ""),
        ("end", "11-01", "12-15", "both", annual, "12-01, 12-10"),
    ];
    for (kind, opens, closes, writers, form, reminders) in moments {
        let reminders: Vec<String> =
            reminders.split(", ").filter(|d| !d.is_empty()).map(|d| format!("{year}-{d}")).collect();
        let moment = MomentForm {
            kind: kind.into(),
            opens_on: format!("{year}-{opens}"),
            closes_on: format!("{year}-{closes}"),
            writers: writers.into(),
            form: form.to_string(),
            reminders: reminders.join(", "),
            ..Default::default()
        };
        cycles::add_moment(db, &femke, id, &moment).await?;
    }
    Ok(())
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
