//! Review cycles (issue 7, PRODUCT.md §3.4): admins configure the yearly
//! round of conversations — a name and period, the units (with the units
//! below them) and people in scope, and moments of three kinds, each with
//! open and close dates, who writes, a form and reminder dates. A cycle
//! that repeats yearly is copied forward once, about three months before
//! it ends (`copy_forward`, run with the other jobs). Nothing of another
//! organisation is found.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    Set, TransactionTrait,
};

use crate::domain::AppError;
use crate::domain::dto::{
    CycleChoices, CycleForm, FunctionName, MomentForm, PersonRef, ReviewCycleDetails, ReviewCycleSummary,
    ReviewMoment, ScopeForm,
};
use crate::domain::ids::{MomentId, ReviewCycleId, ReviewFormId, UserId};
use crate::domain::reviews::{COPY_FORWARD_DAYS, MomentKind, Writers};
use crate::domain::validation::Problem;
use crate::server::auth::OrgScope;
use crate::server::db::internal;
use crate::server::entity::{
    org_unit, review_cycle as cycle, review_cycle_scope as scope_row, review_form, review_moment as moment,
    review_reminder as reminder, user_account,
};

fn date(text: &str, field: &str) -> Result<NaiveDate, AppError> {
    text.parse().map_err(|_| AppError::invalid(field, Problem::InvalidDate))
}

/// The organisation's cycles, the newest period first.
pub async fn list(db: &DatabaseConnection, admin: &OrgScope) -> Result<Vec<ReviewCycleSummary>, AppError> {
    let cycles = cycle::Entity::find()
        .filter(cycle::Column::OrgId.eq(admin.org.0))
        .order_by_desc(cycle::Column::StartsOn)
        .all(db)
        .await
        .map_err(internal)?;
    let mut moments: HashMap<uuid::Uuid, u32> = HashMap::new();
    for row in moment::Entity::find()
        .filter(moment::Column::OrgId.eq(admin.org.0))
        .all(db)
        .await
        .map_err(internal)?
    {
        *moments.entry(row.cycle_id).or_default() += 1;
    }
    Ok(cycles
        .into_iter()
        .map(|c| ReviewCycleSummary {
            id: ReviewCycleId(c.id),
            moments: moments.get(&c.id).copied().unwrap_or_default(),
            name: c.name,
            starts_on: c.starts_on.to_string(),
            ends_on: c.ends_on.to_string(),
            repeats_yearly: c.repeats_yearly,
        })
        .collect())
}

pub async fn create(
    db: &DatabaseConnection,
    admin: &OrgScope,
    form: &CycleForm,
    now: DateTime<Utc>,
) -> Result<ReviewCycleId, AppError> {
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let id = uuid::Uuid::now_v7();
    cycle::ActiveModel {
        id: Set(id),
        org_id: Set(admin.org.0),
        name: Set(checked.name),
        starts_on: Set(date(&checked.starts_on, "starts_on")?),
        ends_on: Set(date(&checked.ends_on, "ends_on")?),
        repeats_yearly: Set(checked.repeats_yearly),
        copied_to: Set(None),
        created_at: Set(now),
        reviewers_named: Set(checked.reviewers_named),
        anonymity_threshold: Set(i32::try_from(checked.anonymity_threshold).unwrap_or(3)),
        final_score_visible: Set(checked.final_score_visible),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    Ok(ReviewCycleId(id))
}

/// An organisation's cycles, newest first, and the one an overview shows:
/// the one asked for, else the one running `today`, else the newest.
pub struct CycleInView {
    pub all: Vec<cycle::Model>,
    pub chosen: cycle::Model,
}

impl CycleInView {
    pub async fn load(
        db: &DatabaseConnection,
        org: crate::domain::ids::OrgId,
        asked: Option<ReviewCycleId>,
        today: NaiveDate,
    ) -> Result<CycleInView, AppError> {
        let all = cycle::Entity::find()
            .filter(cycle::Column::OrgId.eq(org.0))
            .order_by_desc(cycle::Column::StartsOn)
            .all(db)
            .await
            .map_err(internal)?;
        let chosen = match asked {
            Some(id) => all.iter().find(|c| c.id == id.0),
            None => all.iter().find(|c| c.starts_on <= today && today <= c.ends_on).or(all.first()),
        }
        .cloned()
        .ok_or(AppError::NotFound)?;
        Ok(CycleInView { all, chosen })
    }

    /// Every cycle by id and name, to choose another.
    pub fn names(&self) -> Vec<(ReviewCycleId, String)> {
        self.all.iter().map(|c| (ReviewCycleId(c.id), c.name.clone())).collect()
    }
}

/// Renames a cycle, moves its period or changes whether it repeats.
pub async fn update(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: ReviewCycleId,
    form: &CycleForm,
) -> Result<(), AppError> {
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    owned(db, admin, id).await?;
    cycle::ActiveModel {
        id: Set(id.0),
        name: Set(checked.name),
        starts_on: Set(date(&checked.starts_on, "starts_on")?),
        ends_on: Set(date(&checked.ends_on, "ends_on")?),
        repeats_yearly: Set(checked.repeats_yearly),
        reviewers_named: Set(checked.reviewers_named),
        anonymity_threshold: Set(i32::try_from(checked.anonymity_threshold).unwrap_or(3)),
        final_score_visible: Set(checked.final_score_visible),
        ..Default::default()
    }
    .update(db)
    .await
    .map(|_| ())
    .map_err(internal)
}

/// Deletes a cycle with its scope and moments.
pub async fn delete(db: &DatabaseConnection, admin: &OrgScope, id: ReviewCycleId) -> Result<(), AppError> {
    owned(db, admin, id).await?;
    cycle::Entity::delete_by_id(id.0).exec(db).await.map(|_| ()).map_err(internal)
}

/// A cycle with its scope and moments, and what can be chosen for them.
pub async fn details(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: ReviewCycleId,
) -> Result<ReviewCycleDetails, AppError> {
    let found = owned(db, admin, id).await?;
    let choices = choices(db, admin).await?;
    let scope = scope_row::Entity::find()
        .filter(scope_row::Column::CycleId.eq(found.id))
        .all(db)
        .await
        .map_err(internal)?;
    let units = choices
        .units
        .iter()
        .filter(|(unit, _)| scope.iter().any(|s| s.unit_id == Some(unit.0)))
        .cloned()
        .collect();
    let people = choices
        .people
        .iter()
        .filter(|person| scope.iter().any(|s| s.user_id == Some(person.id.0)))
        .cloned()
        .collect();
    let moments = moments_of(db, found.id, &choices.forms).await?;
    Ok(ReviewCycleDetails {
        id,
        form: CycleForm {
            name: found.name,
            starts_on: found.starts_on.to_string(),
            ends_on: found.ends_on.to_string(),
            repeats_yearly: found.repeats_yearly.then(|| "on".to_owned()),
            reviewers_named: found.reviewers_named.then(|| "on".to_owned()),
            anonymity_threshold: found.anonymity_threshold.to_string(),
            final_score_visible: found.final_score_visible.then(|| "on".to_owned()),
        },
        units,
        people,
        moments,
        choices,
    })
}

/// Puts exactly the units and people ticked in the cycle's scope.
pub async fn set_scope(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: ReviewCycleId,
    form: &ScopeForm,
) -> Result<(), AppError> {
    owned(db, admin, id).await?;
    let parse = |ids: &[String], field: &str| -> Result<Vec<uuid::Uuid>, AppError> {
        ids.iter()
            .filter(|id| !id.trim().is_empty())
            .map(|id| id.trim().parse().map_err(|_| AppError::invalid(field, Problem::NotAChoice)))
            .collect()
    };
    let (units, people) = (parse(&form.units, "units")?, parse(&form.people, "people")?);
    let known_units = org_unit::Entity::find()
        .filter(org_unit::Column::OrgId.eq(admin.org.0))
        .filter(org_unit::Column::Id.is_in(units.clone()))
        .all(db)
        .await
        .map_err(internal)?;
    let known_people = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(admin.org.0))
        .filter(user_account::Column::Id.is_in(people.clone()))
        .all(db)
        .await
        .map_err(internal)?;
    if known_units.len() != units.len() {
        return Err(AppError::invalid("units", Problem::NotAChoice));
    }
    if known_people.len() != people.len() {
        return Err(AppError::invalid("people", Problem::NotAChoice));
    }
    let txn = db.begin().await.map_err(internal)?;
    scope_row::Entity::delete_many()
        .filter(scope_row::Column::CycleId.eq(id.0))
        .exec(&txn)
        .await
        .map_err(internal)?;
    let rows = units
        .into_iter()
        .map(|unit| (Some(unit), None))
        .chain(people.into_iter().map(|person| (None, Some(person))))
        .map(|(unit_id, user_id)| scope_row::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            cycle_id: Set(id.0),
            unit_id: Set(unit_id),
            user_id: Set(user_id),
        });
    for row in rows {
        row.insert(&txn).await.map_err(internal)?;
    }
    txn.commit().await.map_err(internal)
}

/// Adds a moment to a cycle, within its period, with one of the
/// organisation's forms.
pub async fn add_moment(
    db: &DatabaseConnection,
    admin: &OrgScope,
    cycle_id: ReviewCycleId,
    form: &MomentForm,
) -> Result<MomentId, AppError> {
    let found = owned(db, admin, cycle_id).await?;
    let id = uuid::Uuid::now_v7();
    let fields = checked_moment(db, admin, &found, form).await?;
    let txn = db.begin().await.map_err(internal)?;
    moment::ActiveModel { id: Set(id), org_id: Set(admin.org.0), cycle_id: Set(found.id), ..fields.row }
        .insert(&txn)
        .await
        .map_err(internal)?;
    replace_reminders(&txn, id, &fields.reminders).await?;
    txn.commit().await.map_err(internal)?;
    Ok(MomentId(id))
}

/// Changes a moment; reminder dates kept keep whether they were sent.
pub async fn update_moment(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: MomentId,
    form: &MomentForm,
) -> Result<(), AppError> {
    let row = owned_moment(db, admin, id).await?;
    let found = owned(db, admin, ReviewCycleId(row.cycle_id)).await?;
    let fields = checked_moment(db, admin, &found, form).await?;
    let txn = db.begin().await.map_err(internal)?;
    moment::ActiveModel { id: Set(row.id), ..fields.row }.update(&txn).await.map_err(internal)?;
    replace_reminders(&txn, row.id, &fields.reminders).await?;
    txn.commit().await.map_err(internal)
}

pub async fn delete_moment(db: &DatabaseConnection, admin: &OrgScope, id: MomentId) -> Result<(), AppError> {
    let row = owned_moment(db, admin, id).await?;
    moment::Entity::delete_by_id(row.id).exec(db).await.map(|_| ()).map_err(internal)
}

/// Copies every yearly cycle whose end is at most three months after
/// `today` and that was not copied yet: the same name (the year moved on),
/// period, scope, moments and reminders, a year later. Each is copied once,
/// also when several servers run this at the same moment: the copy is kept
/// only by the one run that marks the original copied. Says how many.
pub async fn copy_forward(
    db: &DatabaseConnection,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let due = cycle::Entity::find()
        .filter(cycle::Column::RepeatsYearly.eq(true))
        .filter(cycle::Column::CopiedTo.is_null())
        .filter(cycle::Column::EndsOn.lte(today + Duration::days(COPY_FORWARD_DAYS)))
        .all(db)
        .await
        .map_err(internal)?;
    let mut copied = 0;
    for original in due {
        let txn = db.begin().await.map_err(internal)?;
        let copy = uuid::Uuid::now_v7();
        let claimed = cycle::Entity::update_many()
            .col_expr(cycle::Column::CopiedTo, Expr::value(Some(copy)))
            .filter(cycle::Column::Id.eq(original.id))
            .filter(cycle::Column::CopiedTo.is_null())
            .exec(&txn)
            .await
            .map_err(internal)?;
        if claimed.rows_affected != 1 {
            txn.rollback().await.map_err(internal)?;
            continue;
        }
        copy_cycle(&txn, &original, copy, now).await?;
        txn.commit().await.map_err(internal)?;
        copied += 1;
    }
    Ok(copied)
}

async fn copy_cycle(
    txn: &impl ConnectionTrait,
    original: &cycle::Model,
    copy: uuid::Uuid,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let year_on = |day: NaiveDate| day.checked_add_months(Months::new(12)).unwrap_or(day);
    let (year, next) =
        (original.starts_on.year().to_string(), year_on(original.starts_on).year().to_string());
    let name = if original.name.contains(&year) {
        original.name.replace(&year, &next)
    } else {
        format!("{} {next}", original.name)
    };
    cycle::ActiveModel {
        id: Set(copy),
        org_id: Set(original.org_id),
        name: Set(name),
        starts_on: Set(year_on(original.starts_on)),
        ends_on: Set(year_on(original.ends_on)),
        repeats_yearly: Set(true),
        copied_to: Set(None),
        created_at: Set(now),
        reviewers_named: Set(original.reviewers_named),
        anonymity_threshold: Set(original.anonymity_threshold),
        final_score_visible: Set(original.final_score_visible),
    }
    .insert(txn)
    .await
    .map_err(internal)?;
    for row in scope_row::Entity::find()
        .filter(scope_row::Column::CycleId.eq(original.id))
        .all(txn)
        .await
        .map_err(internal)?
    {
        scope_row::ActiveModel { id: Set(uuid::Uuid::now_v7()), cycle_id: Set(copy), ..row.into() }
            .insert(txn)
            .await
            .map_err(internal)?;
    }
    for row in moment::Entity::find()
        .filter(moment::Column::CycleId.eq(original.id))
        .all(txn)
        .await
        .map_err(internal)?
    {
        let moved = uuid::Uuid::now_v7();
        let reminders: Vec<NaiveDate> = reminder::Entity::find()
            .filter(reminder::Column::MomentId.eq(row.id))
            .all(txn)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|r| year_on(r.remind_on))
            .collect();
        moment::ActiveModel {
            id: Set(moved),
            cycle_id: Set(copy),
            opens_on: Set(year_on(row.opens_on)),
            closes_on: Set(year_on(row.closes_on)),
            ..row.into()
        }
        .insert(txn)
        .await
        .map_err(internal)?;
        replace_reminders(txn, moved, &reminders).await?;
    }
    Ok(())
}

/// The columns a moment's form sets, checked against the cycle, and its
/// reminder dates.
struct MomentFields {
    row: moment::ActiveModel,
    reminders: Vec<NaiveDate>,
}

async fn checked_moment(
    db: &DatabaseConnection,
    admin: &OrgScope,
    found: &cycle::Model,
    form: &MomentForm,
) -> Result<MomentFields, AppError> {
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let (opens_on, closes_on) =
        (date(&checked.opens_on, "opens_on")?, date(&checked.closes_on, "closes_on")?);
    if opens_on < found.starts_on || opens_on > found.ends_on {
        return Err(AppError::invalid("opens_on", Problem::InvalidDate));
    }
    if closes_on > found.ends_on {
        return Err(AppError::invalid("closes_on", Problem::InvalidDate));
    }
    let reminders = checked
        .reminders
        .iter()
        .map(|d| date(d, "reminders"))
        .collect::<Result<Vec<NaiveDate>, AppError>>()?;
    for (field, form) in [("form", Some(checked.form)), ("peer_form", checked.peer_form)] {
        let Some(form) = form else { continue };
        let usable = review_form::Entity::find_by_id(form)
            .filter(review_form::Column::OrgId.eq(admin.org.0))
            .one(db)
            .await
            .map_err(internal)?;
        if usable.is_none() {
            return Err(AppError::invalid(field, Problem::NotAChoice));
        }
    }
    Ok(MomentFields {
        row: moment::ActiveModel {
            kind: Set(checked.kind.code().to_owned()),
            opens_on: Set(opens_on),
            closes_on: Set(closes_on),
            writers: Set(checked.writers.code().to_owned()),
            form_id: Set(checked.form),
            intro_nl: Set(checked.intro_nl),
            intro_en: Set(checked.intro_en),
            peer_form_id: Set(checked.peer_form),
            ..Default::default()
        },
        reminders,
    })
}

/// Makes a moment's reminder dates exactly `dates`; a date that stays keeps
/// whether it was sent.
async fn replace_reminders(
    db: &impl ConnectionTrait,
    moment_id: uuid::Uuid,
    dates: &[NaiveDate],
) -> Result<(), AppError> {
    let existing = reminder::Entity::find()
        .filter(reminder::Column::MomentId.eq(moment_id))
        .all(db)
        .await
        .map_err(internal)?;
    let gone: Vec<uuid::Uuid> =
        existing.iter().filter(|r| !dates.contains(&r.remind_on)).map(|r| r.id).collect();
    reminder::Entity::delete_many()
        .filter(reminder::Column::Id.is_in(gone))
        .exec(db)
        .await
        .map_err(internal)?;
    for day in dates.iter().filter(|day| !existing.iter().any(|r| r.remind_on == **day)) {
        reminder::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            moment_id: Set(moment_id),
            remind_on: Set(*day),
            sent_at: Set(None),
        }
        .insert(db)
        .await
        .map_err(internal)?;
    }
    Ok(())
}

async fn moments_of(
    db: &DatabaseConnection,
    cycle_id: uuid::Uuid,
    forms: &[(ReviewFormId, FunctionName)],
) -> Result<Vec<ReviewMoment>, AppError> {
    let rows = moment::Entity::find()
        .filter(moment::Column::CycleId.eq(cycle_id))
        .order_by_asc(moment::Column::OpensOn)
        .order_by_asc(moment::Column::Id)
        .all(db)
        .await
        .map_err(internal)?;
    let mut reminders: HashMap<uuid::Uuid, Vec<String>> = HashMap::new();
    for row in reminder::Entity::find()
        .filter(reminder::Column::MomentId.is_in(rows.iter().map(|m| m.id)))
        .order_by_asc(reminder::Column::RemindOn)
        .all(db)
        .await
        .map_err(internal)?
    {
        reminders.entry(row.moment_id).or_default().push(row.remind_on.to_string());
    }
    let named = |id: uuid::Uuid| {
        forms
            .iter()
            .find(|(form, _)| form.0 == id)
            .cloned()
            .unwrap_or((ReviewFormId(id), FunctionName { nl: String::new(), en: String::new() }))
    };
    Ok(rows
        .into_iter()
        .map(|row| ReviewMoment {
            id: MomentId(row.id),
            kind: MomentKind::from_code(&row.kind).unwrap_or(MomentKind::End),
            opens_on: row.opens_on.to_string(),
            closes_on: row.closes_on.to_string(),
            writers: Writers::from_code(&row.writers).unwrap_or(Writers::Both),
            form: named(row.form_id),
            intro: FunctionName { nl: row.intro_nl, en: row.intro_en },
            reminders: reminders.remove(&row.id).unwrap_or_default(),
            peer_form: row.peer_form_id.map(&named),
        })
        .collect())
}

async fn choices(db: &DatabaseConnection, admin: &OrgScope) -> Result<CycleChoices, AppError> {
    let units = crate::server::service::structure::unit_names(db, admin.org).await?;
    let people = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(admin.org.0))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .order_by_asc(user_account::Column::Name)
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|p| PersonRef { id: UserId(p.id), name: p.name })
        .collect();
    let forms = review_form::Entity::find()
        .filter(review_form::Column::OrgId.eq(admin.org.0))
        .order_by_asc(review_form::Column::NameNl)
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|f| (ReviewFormId(f.id), FunctionName { nl: f.name_nl, en: f.name_en }))
        .collect();
    Ok(CycleChoices { units, people, forms })
}

async fn owned(
    db: &impl ConnectionTrait,
    admin: &OrgScope,
    id: ReviewCycleId,
) -> Result<cycle::Model, AppError> {
    cycle::Entity::find_by_id(id.0)
        .filter(cycle::Column::OrgId.eq(admin.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

async fn owned_moment(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: MomentId,
) -> Result<moment::Model, AppError> {
    moment::Entity::find_by_id(id.0)
        .filter(moment::Column::OrgId.eq(admin.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

#[cfg(test)]
mod tests;
