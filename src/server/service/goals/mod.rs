//! Goals (issue 5, PRODUCT.md §3.2): organisation and team goals for a
//! year, and people's performance goals (aligned to one of those) and
//! development goals (on a competency or core value), with key results,
//! check-ins that form their history, and the goal plan a manager may have
//! to approve. Titles, descriptions, targets and comments are sealed under
//! the organisation's data key. Who sees and changes what: [`access`].

mod access;
mod plans;
mod sealed;
mod templates;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    Set, TransactionTrait,
};

pub use access::{Access, Reading};
pub use plans::{PlanOf, plan, plan_step};
pub use templates::{
    assign, assign_again, create_template, delete_template, template_choices, template_details, templates,
    update_template,
};

use self::sealed::Sealer;
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{
    CheckInForm, CheckedGoal, GOAL_TEXT_MAX, GoalChoices, GoalDetails, GoalForm, GoalRef, PersonRef,
    ReportGoals, UnitGoals, parse_number,
};
use crate::domain::goals::{
    self as rules, GoalKind, GoalStatus, GoalVisibility, Measure, PlanState, PlanStep,
};
use crate::domain::ids::{GoalId, UnitId, UserId};
use crate::domain::settings::Setting;
use crate::domain::validation::Problem;
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::OrgScope;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::{
    competency, core_value, goal, goal_check_in, key_result, org_unit, user_account,
};
use crate::server::service::{documents, settings};
use crate::server::storage::Storage;

/// Which goals a list asks for.
#[derive(Clone, Debug, Default)]
pub struct GoalQuery {
    pub year: Option<i32>,
    /// One person's goals; `None` for the organisation's and units' goals.
    pub owner: Option<UserId>,
    pub status: Option<GoalStatus>,
}

/// Adds a goal; personal goals go to the sender or (for a manager) a report.
pub async fn create(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    form: &GoalForm,
    now: DateTime<Utc>,
) -> Result<GoalId, AppError> {
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let access = Access::load(db, scope).await?;
    let owner = owner_of(db, scope, &access, &checked).await?;
    let unit = unit_of(db, scope, &access, &checked).await?;
    let (competency, value) = develops(db, scope, checked.kind, checked.develops.as_deref()).await?;
    let parent = parent_of(db, scope, &access, &checked, None).await?;
    let visibility = visibility_of(db, scope, &checked, owner).await?;
    let id = GoalId(uuid::Uuid::now_v7());
    let sealer = Sealer::open(db, keys, scope.org).await?;
    let txn = db.begin().await.map_err(internal)?;
    goal::ActiveModel {
        id: Set(id.0),
        org_id: Set(scope.org.0),
        kind: Set(checked.kind.code().to_owned()),
        owner_id: Set(owner.map(|o| o.0)),
        unit_id: Set(unit.map(|u| u.0)),
        parent_id: Set(parent.map(|p| p.0)),
        competency_id: Set(competency),
        value_id: Set(value),
        template_id: Set(None),
        year: Set(checked.year),
        title: Set(sealer.seal(id, "title", &checked.title)),
        description: Set(sealer.seal(id, "description", &checked.description)),
        target: Set(sealer.seal(id, "target", &checked.target)),
        due_on: Set(due_on(&checked)),
        status: Set(GoalStatus::OnTrack.code().to_owned()),
        visibility: Set(visibility.code().to_owned()),
        progress: Set(0),
        created_by: Set(scope.user.0),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(internal)?;
    replace_key_results(&txn, &sealer, id, &checked.key_results, &[]).await?;
    refresh_progress(&txn, id).await?;
    if let Some(owner) = owner {
        plans::note(&txn, scope.org, owner, checked.year, PlanStep::Edit, now).await?;
    }
    txn.commit().await.map_err(internal)?;
    Ok(id)
}

/// Changes a goal the sender may change. Its kind and owner stay.
pub async fn update(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    id: GoalId,
    form: &GoalForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let access = Access::load(db, scope).await?;
    let existing = editable(db, scope, &access, id).await?;
    let mut form = form.clone();
    form.kind = existing.kind.clone();
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let owner = existing.owner_id.map(UserId);
    let (competency, value) = develops(db, scope, checked.kind, checked.develops.as_deref()).await?;
    let parent = parent_of(db, scope, &access, &checked, Some(id)).await?;
    let visibility = visibility_of(db, scope, &checked, owner).await?;
    let sealer = Sealer::open(db, keys, scope.org).await?;
    let old_keys = key_results_of(db, id).await?;
    let txn = db.begin().await.map_err(internal)?;
    goal::ActiveModel {
        id: Set(id.0),
        parent_id: Set(parent.map(|p| p.0)),
        competency_id: Set(competency),
        value_id: Set(value),
        year: Set(checked.year),
        title: Set(sealer.seal(id, "title", &checked.title)),
        description: Set(sealer.seal(id, "description", &checked.description)),
        target: Set(sealer.seal(id, "target", &checked.target)),
        due_on: Set(due_on(&checked)),
        visibility: Set(visibility.code().to_owned()),
        updated_at: Set(now),
        ..Default::default()
    }
    .update(&txn)
    .await
    .map_err(internal)?;
    replace_key_results(&txn, &sealer, id, &checked.key_results, &old_keys).await?;
    refresh_progress(&txn, id).await?;
    if let Some(owner) = owner {
        plans::note(&txn, scope.org, owner, existing.year, PlanStep::Edit, now).await?;
    }
    txn.commit().await.map_err(internal)
}

/// Deletes a goal the sender may change, with its documents (from the
/// store too); goals aligned to it stay, unaligned.
pub async fn delete(
    (db, storage): (&DatabaseConnection, &Storage),
    scope: &OrgScope,
    id: GoalId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let access = Access::load(db, scope).await?;
    let existing = editable(db, scope, &access, id).await?;
    let txn = db.begin().await.map_err(internal)?;
    let files = documents::objects_on_goal(&txn, id).await?;
    goal::Entity::delete_by_id(id.0).exec(&txn).await.map_err(internal)?;
    if let Some(owner) = existing.owner_id {
        plans::note(&txn, scope.org, UserId(owner), existing.year, PlanStep::Edit, now).await?;
    }
    txn.commit().await.map_err(internal)?;
    documents::discard(storage, files).await;
    Ok(())
}

/// A goal with its history and the goals aligned to it, for those who may
/// see it; a goal they may not see is not found.
pub async fn details(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    id: GoalId,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<GoalDetails, AppError> {
    let access = Access::load(db, scope).await?;
    let row = of_organisation(db, scope, id).await?;
    let reading = access.reading(&row).ok_or(AppError::NotFound)?;
    let sealer = Sealer::open(db, keys, scope.org).await?;
    let shown = sealed::present(db, &sealer, scope, &access, vec![row.clone()])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let check_ins = sealed::check_ins(db, &sealer, id, time_zone).await?;
    let children = goal::Entity::find()
        .filter(goal::Column::OrgId.eq(scope.org.0))
        .filter(goal::Column::ParentId.eq(id.0))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|child| access.reading(child) == Some(Reading::Visible))
        .map(|child| sealer.reference(&child))
        .collect::<Result<Vec<GoalRef>, AppError>>()?;
    if reading == Reading::AsHrReader {
        record_hr_read(db, scope, row.owner_id, now).await?;
    }
    Ok(GoalDetails { goal: shown, check_ins, children })
}

/// Whether the viewer may add and delete the documents on a goal (issue
/// 10): they see them where they see the goal (else not found; through
/// the HR reader right audit-logged) and change them where they may change it.
pub async fn document_rights(
    db: &DatabaseConnection,
    scope: &OrgScope,
    id: GoalId,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let access = Access::load(db, scope).await?;
    let row = of_organisation(db, scope, id).await?;
    let reading = access.reading(&row).ok_or(AppError::NotFound)?;
    if reading == Reading::AsHrReader {
        record_hr_read(db, scope, row.owner_id, now).await?;
    }
    Ok(access.may_edit(&row))
}

/// The goals that `query` asks for and the viewer may see, by due date.
pub async fn list(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    query: &GoalQuery,
    now: DateTime<Utc>,
) -> Result<Vec<crate::domain::dto::Goal>, AppError> {
    let access = Access::load(db, scope).await?;
    let mut find = goal::Entity::find().filter(goal::Column::OrgId.eq(scope.org.0));
    find = match query.owner {
        Some(owner) => find.filter(goal::Column::OwnerId.eq(owner.0)),
        None => find.filter(goal::Column::OwnerId.is_null()),
    };
    if let Some(year) = query.year {
        find = find.filter(goal::Column::Year.eq(year));
    }
    if let Some(status) = query.status {
        find = find.filter(goal::Column::Status.eq(status.code()));
    }
    let rows = find
        .order_by_asc(goal::Column::Year)
        .order_by_asc(goal::Column::DueOn)
        .order_by_asc(goal::Column::CreatedAt)
        .all(db)
        .await
        .map_err(internal)?;
    let readings: Vec<Option<Reading>> = rows.iter().map(|row| access.reading(row)).collect();
    if readings.contains(&Some(Reading::AsHrReader)) {
        record_hr_read(db, scope, query.owner.map(|o| o.0), now).await?;
    }
    let visible =
        rows.into_iter().zip(readings).filter(|(_, reading)| reading.is_some()).map(|(row, _)| row).collect();
    let sealer = Sealer::open(db, keys, scope.org).await?;
    sealed::present(db, &sealer, scope, &access, visible).await
}

/// The goals among `ids` the viewer may see, by id: their reference and
/// due date (for notifications, which name a goal only while it is visible).
pub async fn visible_references(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    ids: &[GoalId],
) -> Result<std::collections::HashMap<GoalId, (GoalRef, Option<chrono::NaiveDate>)>, AppError> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let access = Access::load(db, scope).await?;
    let sealer = Sealer::open(db, keys, scope.org).await?;
    goal::Entity::find()
        .filter(goal::Column::OrgId.eq(scope.org.0))
        .filter(goal::Column::Id.is_in(ids.iter().map(|id| id.0)))
        .all(db)
        .await
        .map_err(internal)?
        .iter()
        .filter(|row| access.reading(row) == Some(Reading::Visible))
        .map(|row| Ok((GoalId(row.id), (sealer.reference(row)?, row.due_on))))
        .collect()
}

/// `owner`'s goals the viewer may see, newest year first (to give feedback on).
pub async fn visible_goals_of(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    owner: UserId,
) -> Result<Vec<GoalRef>, AppError> {
    let access = Access::load(db, scope).await?;
    let sealer = Sealer::open(db, keys, scope.org).await?;
    goal::Entity::find()
        .filter(goal::Column::OrgId.eq(scope.org.0))
        .filter(goal::Column::OwnerId.eq(owner.0))
        .filter(goal::Column::Status.ne(GoalStatus::Cancelled.code()))
        .order_by_desc(goal::Column::Year)
        .order_by_asc(goal::Column::CreatedAt)
        .all(db)
        .await
        .map_err(internal)?
        .iter()
        .filter(|row| access.reading(row) == Some(Reading::Visible))
        .map(|row| sealer.reference(row))
        .collect()
}

/// The newest check-ins, at most `per_goal` each, of goals the caller has
/// already found visible to the reader (through [`list`]): one key for all,
/// without loading the reader's access again for every goal.
pub async fn recent_check_ins(
    db: &DatabaseConnection,
    keys: &Keyring,
    org: crate::domain::ids::OrgId,
    visible: &[GoalId],
    (per_goal, time_zone): (usize, chrono_tz::Tz),
) -> Result<Vec<Vec<crate::domain::dto::CheckIn>>, AppError> {
    let sealer = Sealer::open(db, keys, org).await?;
    let mut all = Vec::with_capacity(visible.len());
    for id in visible {
        let mut newest = sealed::check_ins(db, &sealer, *id, time_zone).await?;
        newest.truncate(per_goal);
        all.push(newest);
    }
    Ok(all)
}

/// `owner`'s goals of `years` that an evaluation rates: those their
/// manager may see (a private goal stays out), not cancelled, oldest first.
pub async fn rated_in_evaluation(
    db: &impl ConnectionTrait,
    keys: &Keyring,
    org: crate::domain::ids::OrgId,
    owner: UserId,
    years: std::ops::RangeInclusive<i32>,
) -> Result<Vec<GoalRef>, AppError> {
    let sealer = Sealer::open(db, keys, org).await?;
    goal::Entity::find()
        .filter(goal::Column::OrgId.eq(org.0))
        .filter(goal::Column::OwnerId.eq(owner.0))
        .filter(goal::Column::Year.between(*years.start(), *years.end()))
        .filter(goal::Column::Status.ne(GoalStatus::Cancelled.code()))
        .filter(goal::Column::Visibility.ne(GoalVisibility::Private.code()))
        .order_by_asc(goal::Column::Year)
        .order_by_asc(goal::Column::CreatedAt)
        .all(db)
        .await
        .map_err(internal)?
        .iter()
        .map(|row| sealer.reference(row))
        .collect()
}

/// Whether `goal` is a personal goal of `owner` in the organisation.
pub async fn is_owned_by(
    db: &impl ConnectionTrait,
    org: crate::domain::ids::OrgId,
    goal: GoalId,
    owner: UserId,
) -> Result<bool, AppError> {
    Ok(goal::Entity::find_by_id(goal.0)
        .filter(goal::Column::OrgId.eq(org.0))
        .filter(goal::Column::OwnerId.eq(owner.0))
        .one(db)
        .await
        .map_err(internal)?
        .is_some())
}

/// Posts a progress update: new values for the key results, a status, a
/// progress for a goal without key results, a comment.
pub async fn check_in(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    id: GoalId,
    form: &CheckInForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let access = Access::load(db, scope).await?;
    editable(db, scope, &access, id).await?;
    let status = GoalStatus::from_code(form.status.trim())
        .ok_or_else(|| AppError::invalid("status", Problem::NotAChoice))?;
    if form.comment.trim().chars().count() > GOAL_TEXT_MAX as usize {
        return Err(AppError::invalid("comment", Problem::TooLong { max: GOAL_TEXT_MAX }));
    }
    let results = key_results_of(db, id).await?;
    let mut values = Vec::new();
    for (at, sent) in form.values.iter().enumerate() {
        let Some(result) = results.iter().find(|r| r.id.to_string() == sent.id.trim()) else {
            return Err(AppError::invalid(&format!("values.{at}.value"), Problem::NotAChoice));
        };
        let value = parse_number(&sent.value)
            .ok_or_else(|| AppError::invalid(&format!("values.{at}.value"), Problem::InvalidNumber))?;
        values.push((result.id, value));
    }
    let manual = match form.progress.trim() {
        "" => None,
        text => Some(
            parse_number(text)
                .filter(|p| (0.0..=100.0).contains(p))
                .ok_or_else(|| AppError::invalid("progress", Problem::InvalidNumber))?,
        ),
    };
    let sealer = Sealer::open(db, keys, scope.org).await?;
    let check_in = uuid::Uuid::now_v7();
    let txn = db.begin().await.map_err(internal)?;
    for (result, value) in &values {
        key_result::ActiveModel { id: Set(*result), current_value: Set(*value), ..Default::default() }
            .update(&txn)
            .await
            .map_err(internal)?;
    }
    let current =
        goal::Entity::find_by_id(id.0).one(&txn).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    let manual = manual.map_or(current.progress, |p| p.round() as i32);
    goal::ActiveModel {
        id: Set(id.0),
        status: Set(status.code().to_owned()),
        progress: Set(manual),
        updated_at: Set(now),
        ..Default::default()
    }
    .update(&txn)
    .await
    .map_err(internal)?;
    let progress = refresh_progress(&txn, id).await?;
    let after: String =
        key_results_of(&txn, id).await?.iter().map(|r| format!("{}={}\n", r.id, r.current_value)).collect();
    goal_check_in::ActiveModel {
        id: Set(check_in),
        goal_id: Set(id.0),
        author_id: Set(scope.user.0),
        status: Set(status.code().to_owned()),
        progress: Set(i32::from(progress)),
        comment: Set(sealer.seal_check_in(check_in, form.comment.trim())),
        values: Set(after),
        created_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(internal)?;
    txn.commit().await.map_err(internal)
}

/// The goals a goal may be aligned to: the organisation's and the units'
/// goals of that year (other than itself).
pub async fn alignable(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    year: i32,
) -> Result<Vec<GoalRef>, AppError> {
    let sealer = Sealer::open(db, keys, scope.org).await?;
    goal::Entity::find()
        .filter(goal::Column::OrgId.eq(scope.org.0))
        .filter(goal::Column::OwnerId.is_null())
        .filter(goal::Column::Year.eq(year))
        .order_by_asc(goal::Column::Kind)
        .order_by_asc(goal::Column::CreatedAt)
        .all(db)
        .await
        .map_err(internal)?
        .iter()
        .map(|row| sealer.reference(row))
        .collect()
}

/// What the goal form offers the sender for `year`.
pub async fn choices(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    year: i32,
) -> Result<GoalChoices, AppError> {
    let access = Access::load(db, scope).await?;
    let (competencies, values) = super::core_values::competencies_and_values(db, scope.org).await?;
    let units = org_unit::Entity::find()
        .filter(org_unit::Column::OrgId.eq(scope.org.0))
        .order_by_asc(org_unit::Column::Name)
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|unit| access.may_set_team_goals(UnitId(unit.id)))
        .map(|unit| (UnitId(unit.id), unit.name))
        .collect();
    Ok(GoalChoices {
        year,
        alignable: alignable(db, keys, scope, year).await?,
        competencies,
        values,
        units,
        reports: reports(db, scope, &access).await?,
        organisation_goals: access.is_admin(),
    })
}

/// A manager's direct reports with how their goals of `year` stand.
pub async fn team_overview(
    db: &DatabaseConnection,
    scope: &OrgScope,
    year: i32,
) -> Result<Vec<ReportGoals>, AppError> {
    let access = Access::load(db, scope).await?;
    let reports = reports(db, scope, &access).await?;
    let rows = goal::Entity::find()
        .filter(goal::Column::OrgId.eq(scope.org.0))
        .filter(goal::Column::Year.eq(year))
        .filter(goal::Column::OwnerId.is_in(reports.iter().map(|r| r.id.0)))
        .all(db)
        .await
        .map_err(internal)?;
    let ids: Vec<UserId> = reports.iter().map(|r| r.id).collect();
    let plans = plans::states(db, scope.org, &ids, year).await?;
    let mut overview = Vec::with_capacity(reports.len());
    for person in reports {
        let theirs: Vec<&goal::Model> = rows
            .iter()
            .filter(|row| row.owner_id == Some(person.id.0) && access.reading(row).is_some())
            .filter(|row| row.status != GoalStatus::Cancelled.code())
            .collect();
        let behind = theirs
            .iter()
            .filter(|row| {
                [GoalStatus::AtRisk.code(), GoalStatus::Behind.code()].contains(&row.status.as_str())
            })
            .count();
        let total: i32 = theirs.iter().map(|row| row.progress).sum();
        let count = i32::try_from(theirs.len()).unwrap_or(i32::MAX);
        let average = if count == 0 { 0 } else { total / count };
        let (plan, approval_required) = plans.get(&person.id).copied().unwrap_or((PlanState::Draft, false));
        overview.push(ReportGoals {
            goals: u32::try_from(theirs.len()).unwrap_or(u32::MAX),
            behind: u32::try_from(behind).unwrap_or(u32::MAX),
            average_progress: u8::try_from(average.clamp(0, 100)).unwrap_or(0),
            plan,
            approval_required,
            person,
        });
    }
    Ok(overview)
}

/// For admins: per unit (with everything below it) and for the whole
/// organisation, how many people have how many goals of `year`, how many
/// are done, their average progress, and what share of performance goals
/// is aligned to a team or organisation goal. Counts only, no content.
pub async fn unit_overview(
    db: &DatabaseConnection,
    admin: &OrgScope,
    year: i32,
) -> Result<Vec<UnitGoals>, AppError> {
    let units = super::structure::tree(db, admin).await?;
    let structure = crate::server::auth::reach::Structure::load(db, admin.org).await.map_err(internal)?;
    let map = crate::server::auth::reach::ManagerMap::load(db, admin.org).await.map_err(internal)?;
    let people: Vec<UserId> = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(admin.org.0))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|p| UserId(p.id))
        .collect();
    let rows = goal::Entity::find()
        .filter(goal::Column::OrgId.eq(admin.org.0))
        .filter(goal::Column::Year.eq(year))
        .filter(goal::Column::OwnerId.is_not_null())
        .filter(goal::Column::Status.ne(GoalStatus::Cancelled.code()))
        .all(db)
        .await
        .map_err(internal)?;
    // Every row's tallies, by unit; `None` is the organisation.
    let mut tallies: std::collections::HashMap<Option<UnitId>, Tally> = std::collections::HashMap::new();
    let reach_of = |person: UserId| -> Vec<Option<UnitId>> {
        let above = map.primary_unit_of(person).map(|unit| structure.ancestry(unit)).unwrap_or_default();
        std::iter::once(None).chain(above.into_iter().map(Some)).collect()
    };
    for person in &people {
        for unit in reach_of(*person) {
            tallies.entry(unit).or_default().people += 1;
        }
    }
    for row in &rows {
        let Some(owner) = row.owner_id.map(UserId) else { continue };
        for unit in reach_of(owner) {
            tallies.entry(unit).or_default().add(row);
        }
    }
    let line = |unit: Option<UnitId>, name: String, depth: u32| {
        let tally = tallies.get(&unit).cloned().unwrap_or_default();
        UnitGoals {
            unit,
            name,
            depth,
            people: tally.people,
            goals: tally.goals,
            done: tally.done,
            average_progress: tally.average(),
            performance_goals: tally.performance,
            aligned: tally.aligned,
        }
    };
    let organisation = crate::server::entity::organisation::Entity::find_by_id(admin.org.0)
        .one(db)
        .await
        .map_err(internal)?
        .map(|o| o.name)
        .unwrap_or_default();
    Ok(std::iter::once(line(None, organisation, 0))
        .chain(units.into_iter().map(|unit| line(Some(unit.id), unit.name, unit.depth + 1)))
        .collect())
}

/// What `unit_overview` counts for one unit.
#[derive(Clone, Debug, Default)]
struct Tally {
    people: u32,
    goals: u32,
    done: u32,
    progress_sum: u32,
    performance: u32,
    aligned: u32,
}

impl Tally {
    fn add(&mut self, row: &goal::Model) {
        self.goals += 1;
        self.done += u32::from(row.status == GoalStatus::Done.code());
        self.progress_sum += u32::try_from(row.progress.clamp(0, 100)).unwrap_or(0);
        if row.kind == GoalKind::Performance.code() {
            self.performance += 1;
            self.aligned += u32::from(row.parent_id.is_some());
        }
    }

    fn average(&self) -> u8 {
        self.progress_sum.checked_div(self.goals).map_or(0, |average| u8::try_from(average).unwrap_or(100))
    }
}

/// The sender's direct reports who are active, by name.
async fn reports(
    db: &DatabaseConnection,
    scope: &OrgScope,
    access: &Access,
) -> Result<Vec<PersonRef>, AppError> {
    let people = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(scope.org.0))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .order_by_asc(user_account::Column::Name)
        .all(db)
        .await
        .map_err(internal)?;
    let reports = access.reports_among(people.iter().map(|p| UserId(p.id)));
    Ok(people
        .into_iter()
        .filter(|p| reports.contains(&UserId(p.id)))
        .map(|p| PersonRef { id: UserId(p.id), name: p.name })
        .collect())
}

async fn of_organisation(
    db: &impl ConnectionTrait,
    scope: &OrgScope,
    id: GoalId,
) -> Result<goal::Model, AppError> {
    goal::Entity::find_by_id(id.0)
        .filter(goal::Column::OrgId.eq(scope.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

/// The goal, when the sender may change it: not found if they may not even
/// see it, forbidden if they may only see it.
async fn editable(
    db: &DatabaseConnection,
    scope: &OrgScope,
    access: &Access,
    id: GoalId,
) -> Result<goal::Model, AppError> {
    let row = of_organisation(db, scope, id).await?;
    match (access.reading(&row), access.may_edit(&row)) {
        (_, true) => Ok(row),
        (Some(_), false) => Err(AppError::Forbidden),
        (None, false) => Err(AppError::NotFound),
    }
}

/// Whose personal goal it is: the sender, or a report of theirs.
async fn owner_of(
    db: &DatabaseConnection,
    scope: &OrgScope,
    access: &Access,
    checked: &CheckedGoal,
) -> Result<Option<UserId>, AppError> {
    match checked.kind {
        GoalKind::Organisation if !access.is_admin() => Err(AppError::Forbidden),
        GoalKind::Organisation | GoalKind::Team => Ok(None),
        GoalKind::Performance | GoalKind::Development => {
            let Some(owner) = &checked.owner else { return Ok(Some(scope.user)) };
            let owner = UserId(owner.parse().map_err(|_| AppError::invalid("owner", Problem::NotAChoice))?);
            let exists = user_account::Entity::find_by_id(owner.0)
                .filter(user_account::Column::OrgId.eq(scope.org.0))
                .one(db)
                .await
                .map_err(internal)?
                .is_some();
            match (exists, owner == scope.user || access.manages(owner)) {
                (false, _) => Err(AppError::invalid("owner", Problem::NotAChoice)),
                (true, false) => Err(AppError::Forbidden),
                (true, true) => Ok(Some(owner)),
            }
        }
    }
}

/// The unit of a team goal, which the sender must manage (or administer).
async fn unit_of(
    db: &DatabaseConnection,
    scope: &OrgScope,
    access: &Access,
    checked: &CheckedGoal,
) -> Result<Option<UnitId>, AppError> {
    if checked.kind != GoalKind::Team {
        return Ok(None);
    }
    let unit = checked.unit.as_deref().ok_or_else(|| AppError::invalid("unit", Problem::Required))?;
    let unit = UnitId(unit.parse().map_err(|_| AppError::invalid("unit", Problem::NotAChoice))?);
    let exists = org_unit::Entity::find_by_id(unit.0)
        .filter(org_unit::Column::OrgId.eq(scope.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .is_some();
    if !exists {
        return Err(AppError::invalid("unit", Problem::NotAChoice));
    }
    if !access.may_set_team_goals(unit) {
        return Err(AppError::Forbidden);
    }
    Ok(Some(unit))
}

/// The competency or core value a development goal develops (required
/// there, and nowhere else).
async fn develops(
    db: &DatabaseConnection,
    scope: &OrgScope,
    kind: GoalKind,
    chosen: Option<&str>,
) -> Result<(Option<uuid::Uuid>, Option<uuid::Uuid>), AppError> {
    if kind != GoalKind::Development {
        return Ok((None, None));
    }
    let id = chosen.ok_or_else(|| AppError::invalid("develops", Problem::Required))?;
    let id: uuid::Uuid = id.parse().map_err(|_| AppError::invalid("develops", Problem::NotAChoice))?;
    let is_competency = competency::Entity::find_by_id(id)
        .filter(competency::Column::OrgId.eq(scope.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .is_some();
    if is_competency {
        return Ok((Some(id), None));
    }
    let is_value = core_value::Entity::find_by_id(id)
        .filter(core_value::Column::OrgId.eq(scope.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .is_some();
    if is_value { Ok((None, Some(id))) } else { Err(AppError::invalid("develops", Problem::NotAChoice)) }
}

/// The goal it is aligned to: an organisation or team goal of the
/// organisation; never itself or one aligned below it.
async fn parent_of(
    db: &DatabaseConnection,
    scope: &OrgScope,
    access: &Access,
    checked: &CheckedGoal,
    itself: Option<GoalId>,
) -> Result<Option<GoalId>, AppError> {
    let Some(parent) = checked.parent.as_deref() else { return Ok(None) };
    let parent = GoalId(parent.parse().map_err(|_| AppError::invalid("parent", Problem::NotAChoice))?);
    let row = of_organisation(db, scope, parent)
        .await
        .map_err(|_| AppError::invalid("parent", Problem::NotAChoice))?;
    let kind = GoalKind::from_code(&row.kind);
    if kind.is_none_or(GoalKind::is_personal) || access.reading(&row).is_none() {
        return Err(AppError::invalid("parent", Problem::NotAChoice));
    }
    // Walk up from the parent: meeting the goal itself would close a circle.
    let mut above = Some(row);
    let mut steps = 0;
    while let Some(goal) = above {
        if Some(GoalId(goal.id)) == itself || steps > 100 {
            return Err(AppError::invalid("parent", Problem::WouldCreateCycle));
        }
        above = match goal.parent_id {
            Some(next) => goal::Entity::find_by_id(next).one(db).await.map_err(internal)?,
            None => None,
        };
        steps += 1;
    }
    Ok(Some(parent))
}

/// What the form chose, or for a personal goal the default of the owner's
/// unit; organisation and team goals are for everyone to see.
async fn visibility_of(
    db: &DatabaseConnection,
    scope: &OrgScope,
    checked: &CheckedGoal,
    owner: Option<UserId>,
) -> Result<GoalVisibility, AppError> {
    let Some(owner) = owner else { return Ok(GoalVisibility::Organisation) };
    if let Some(chosen) = checked.visibility {
        return Ok(chosen);
    }
    let default = settings::for_person(db, scope.org, owner, Setting::GoalVisibility).await?;
    Ok(GoalVisibility::from_code(&default).unwrap_or(GoalVisibility::Manager))
}

fn due_on(checked: &CheckedGoal) -> Option<chrono::NaiveDate> {
    checked.due_on.as_deref().and_then(|date| chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok())
}

async fn key_results_of(db: &impl ConnectionTrait, id: GoalId) -> Result<Vec<key_result::Model>, AppError> {
    key_result::Entity::find()
        .filter(key_result::Column::GoalId.eq(id.0))
        .order_by_asc(key_result::Column::Position)
        .all(db)
        .await
        .map_err(internal)
}

/// Makes the goal's key results those of the form, in order: an existing
/// one keeps its current value (and id) at its position.
async fn replace_key_results(
    db: &impl ConnectionTrait,
    sealer: &Sealer,
    id: GoalId,
    wanted: &[(String, f64, f64)],
    existing: &[key_result::Model],
) -> Result<(), AppError> {
    for (position, (title, start, target)) in wanted.iter().enumerate() {
        let position_number = i32::try_from(position).unwrap_or(i32::MAX);
        match existing.get(position) {
            Some(kept) => key_result::ActiveModel {
                id: Set(kept.id),
                title: Set(sealer.seal_key_result(kept.id, title)),
                start_value: Set(*start),
                target_value: Set(*target),
                ..Default::default()
            }
            .update(db)
            .await
            .map(|_| ())
            .map_err(internal)?,
            None => {
                let result = uuid::Uuid::now_v7();
                key_result::ActiveModel {
                    id: Set(result),
                    goal_id: Set(id.0),
                    position: Set(position_number),
                    title: Set(sealer.seal_key_result(result, title)),
                    start_value: Set(*start),
                    target_value: Set(*target),
                    current_value: Set(*start),
                }
                .insert(db)
                .await
                .map_err(internal)?;
            }
        }
    }
    for dropped in existing.iter().skip(wanted.len()) {
        key_result::Entity::delete_by_id(dropped.id).exec(db).await.map_err(internal)?;
    }
    Ok(())
}

/// Computes and stores the goal's progress from its key results (or keeps
/// the last check-in's, without key results).
async fn refresh_progress(db: &impl ConnectionTrait, id: GoalId) -> Result<u8, AppError> {
    let row = goal::Entity::find_by_id(id.0).one(db).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    let measures: Vec<Measure> = key_results_of(db, id)
        .await?
        .iter()
        .map(|r| Measure { start: r.start_value, target: r.target_value, current: r.current_value })
        .collect();
    let status = GoalStatus::from_code(&row.status).unwrap_or(GoalStatus::OnTrack);
    let manual = u8::try_from(row.progress.clamp(0, 100)).unwrap_or(0);
    let progress = rules::progress(&measures, manual, status);
    goal::ActiveModel { id: Set(id.0), progress: Set(i32::from(progress)), ..Default::default() }
        .update(db)
        .await
        .map_err(internal)?;
    Ok(progress)
}

/// An admin read someone's goals through the HR reader right (PRODUCT.md §1).
async fn record_hr_read(
    db: &DatabaseConnection,
    scope: &OrgScope,
    owner: Option<uuid::Uuid>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut entry = AuditEntry::by_user(scope.org, scope.user, AuditAction::ContentReadAsHrReader);
    if let Some(owner) = owner {
        entry = entry.on("user", owner);
    }
    audit::record(db, entry, now).await.map_err(internal)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod template_tests;
