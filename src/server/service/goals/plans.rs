//! A person's goal plan for a year (issue 5): where the organisation asks
//! managers to approve plans (setting "Managers approve goal plans", per
//! unit), the owner submits it, a manager approves it or returns it with a
//! comment; changing a goal of a submitted or approved plan makes it a
//! draft again. Without approval, plans are not tracked.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, Set};

use super::access::Access;
use super::sealed::Sealer;
use crate::domain::AppError;
use crate::domain::dto::{GOAL_TEXT_MAX, GoalPlan, PersonRef};
use crate::domain::goals::{PlanState, PlanStep};
use crate::domain::ids::{OrgId, UserId};
use crate::domain::notifications::NotificationKind;
use crate::domain::settings::Setting;
use crate::domain::validation::{FieldError, Problem};
use crate::server::auth::OrgScope;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::{goal_plan, user_account};
use crate::server::messages::{PlanNews, goal_plan_mail};
use crate::server::service::notifications::{Notice, notify};
use crate::server::service::settings;

async fn approval_required(db: &impl ConnectionTrait, org: OrgId, owner: UserId) -> Result<bool, AppError> {
    Ok(settings::for_person(db, org, owner, Setting::GoalApproval).await? == "on")
}

async fn state_of(
    db: &impl ConnectionTrait,
    owner: UserId,
    year: i32,
) -> Result<Option<goal_plan::Model>, AppError> {
    goal_plan::Entity::find_by_id((owner.0, year)).one(db).await.map_err(internal)
}

/// Takes `step` on the plan where approval is required and the step is
/// possible; otherwise changes nothing. For edits inside the change's transaction.
pub(super) async fn note(
    db: &impl ConnectionTrait,
    org: OrgId,
    owner: UserId,
    year: i32,
    step: PlanStep,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if !approval_required(db, org, owner).await? {
        return Ok(());
    }
    let current = state_of(db, owner, year).await?;
    let state = current.as_ref().and_then(|row| PlanState::from_code(&row.state)).unwrap_or(PlanState::Draft);
    if let Some(next) = state.after(step).filter(|next| *next != state || current.is_none()) {
        store(db, owner, year, next, current.and_then(|row| row.comment), None, now).await?;
    }
    Ok(())
}

async fn store(
    db: &impl ConnectionTrait,
    owner: UserId,
    year: i32,
    state: PlanState,
    comment: Option<Vec<u8>>,
    decided_by: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    goal_plan::Entity::delete_by_id((owner.0, year)).exec(db).await.map_err(internal)?;
    goal_plan::ActiveModel {
        owner_id: Set(owner.0),
        year: Set(year),
        state: Set(state.code().to_owned()),
        comment: Set(comment),
        decided_by: Set(decided_by.map(|d| d.0)),
        updated_at: Set(now),
    }
    .insert(db)
    .await
    .map(|_| ())
    .map_err(internal)
}

/// Where the plans of `owners` for `year` stand, and whether each needs
/// approval at all: four queries, however many owners (the team overview).
pub(super) async fn states(
    db: &impl ConnectionTrait,
    org: OrgId,
    owners: &[UserId],
    year: i32,
) -> Result<HashMap<UserId, (PlanState, bool)>, AppError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let approval = settings::for_people(db, org, owners, Setting::GoalApproval).await?;
    let stored: HashMap<UserId, PlanState> = goal_plan::Entity::find()
        .filter(goal_plan::Column::OwnerId.is_in(owners.iter().map(|o| o.0)))
        .filter(goal_plan::Column::Year.eq(year))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .filter_map(|row| Some((UserId(row.owner_id), PlanState::from_code(&row.state)?)))
        .collect();
    Ok(owners
        .iter()
        .map(|owner| {
            let state = stored.get(owner).copied().unwrap_or(PlanState::Draft);
            (*owner, (state, approval.get(owner).is_some_and(|value| value == "on")))
        })
        .collect())
}

/// Whose plan, for which year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanOf {
    pub owner: UserId,
    pub year: i32,
}

/// The plan, for its owner and their managers.
pub async fn plan(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    of: PlanOf,
) -> Result<GoalPlan, AppError> {
    let PlanOf { owner, year } = of;
    let access = Access::load(db, scope).await?;
    let person = owner_in_reach(db, scope, &access, owner).await?;
    let row = state_of(db, owner, year).await?;
    let comment = match row.as_ref().and_then(|row| row.comment.as_deref()) {
        Some(sealed) => Some(Sealer::open(db, keys, scope.org).await?.plan_comment(owner, year, sealed)?),
        None => None,
    };
    Ok(GoalPlan {
        owner: PersonRef { id: owner, name: person.name },
        year,
        state: row.and_then(|row| PlanState::from_code(&row.state)).unwrap_or(PlanState::Draft),
        comment,
        approval_required: approval_required(db, scope.org, owner).await?,
        viewer_is_owner: owner == scope.user,
        viewer_manages: access.manages(owner),
    })
}

/// The owner submits; one of their managers approves or returns (with a comment).
/// Tells the other party by e-mail (links to `public_url`): the managers of
/// a submitted plan, the owner of a returned or approved one.
pub async fn plan_step(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    of: PlanOf,
    (step, comment): (PlanStep, &str),
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<GoalPlan, AppError> {
    let PlanOf { owner, year } = of;
    let access = Access::load(db, scope).await?;
    owner_in_reach(db, scope, &access, owner).await?;
    let allowed = match step {
        PlanStep::Submit => owner == scope.user,
        PlanStep::Approve | PlanStep::Return => access.manages(owner),
        PlanStep::Edit => false,
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let not_now = || AppError::invalid("plan", Problem::NotNow);
    if !approval_required(db, scope.org, owner).await? {
        return Err(not_now());
    }
    let current = state_of(db, owner, year).await?;
    let state = current.as_ref().and_then(|row| PlanState::from_code(&row.state)).unwrap_or(PlanState::Draft);
    let next = state.after(step).ok_or_else(not_now)?;
    let comment = comment.trim();
    let sealed_comment = match step {
        PlanStep::Return if comment.is_empty() => {
            return Err(AppError::Invalid {
                errors: vec![FieldError { field: "comment".into(), problem: Problem::Required }],
            });
        }
        PlanStep::Return if comment.chars().count() > GOAL_TEXT_MAX as usize => {
            let problem = Problem::TooLong { max: GOAL_TEXT_MAX };
            return Err(AppError::invalid("comment", problem));
        }
        PlanStep::Return => {
            Some(Sealer::open(db, keys, scope.org).await?.seal_plan_comment(owner, year, comment))
        }
        // The comment stays in view while the owner fixes and resubmits.
        PlanStep::Submit => current.and_then(|row| row.comment),
        _ => None,
    };
    let decided_by = matches!(step, PlanStep::Approve | PlanStep::Return).then_some(scope.user);
    store(db, owner, year, next, sealed_comment, decided_by, now).await?;
    tell(db, scope, of, step, public_url, now).await?;
    plan(db, keys, scope, of).await
}

/// Tells whom it concerns of `step`, in the app and by e-mail in their
/// language, as each wants it: the managers of a submitted plan, the owner
/// of a returned or approved one.
async fn tell(
    db: &DatabaseConnection,
    scope: &OrgScope,
    of: PlanOf,
    step: PlanStep,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let owner = user_account::Entity::find_by_id(of.owner.0)
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let (recipients, news, kind, link) = match step {
        PlanStep::Submit => {
            let managers =
                crate::server::auth::reach::managers_of(db, scope.org, of.owner).await.map_err(internal)?;
            let link = format!("{public_url}/goals?owner={}&year={}", of.owner, of.year);
            (managers, PlanNews::Submitted { owner: &owner.name }, NotificationKind::GoalPlanSubmitted, link)
        }
        PlanStep::Return => {
            let link = format!("{public_url}/goals?year={}", of.year);
            (vec![of.owner], PlanNews::Returned, NotificationKind::GoalPlanReturned, link)
        }
        PlanStep::Approve => {
            let link = format!("{public_url}/goals?year={}", of.year);
            (vec![of.owner], PlanNews::Approved, NotificationKind::GoalPlanApproved, link)
        }
        PlanStep::Edit => return Ok(()),
    };
    let people = user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(recipients.iter().map(|r| r.0)))
        .all(db)
        .await
        .map_err(internal)?;
    let notice = Notice::new(kind).about(of.owner).year(of.year);
    for person in &people {
        let mail = |lang, to: &str, name: &str| goal_plan_mail(lang, to, name, news, of.year, &link);
        notify(db, scope.org, person, notice, mail, now).await?;
    }
    Ok(())
}

/// The owner, when the sender is them or manages them; else not found.
async fn owner_in_reach(
    db: &DatabaseConnection,
    scope: &OrgScope,
    access: &Access,
    owner: UserId,
) -> Result<user_account::Model, AppError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let person = user_account::Entity::find_by_id(owner.0)
        .filter(user_account::Column::OrgId.eq(scope.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    if owner == scope.user || access.manages(owner) { Ok(person) } else { Err(AppError::NotFound) }
}
