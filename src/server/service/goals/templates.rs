//! Goal templates (issue 5): an admin defines a performance or development
//! goal once and gives it, for a year, to everyone in a unit (and the units
//! below it) or with a function. Each person gets their own copy to track —
//! at most one per template and year, so giving it again reaches only
//! newcomers. Changing or deleting a template leaves the copies alone.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};

use super::sealed::Sealer;
use super::{develops, plans, replace_key_results};
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{
    AssignTarget, AssignTemplateForm, AssignedTo, AssignmentOutcome, CheckedTemplate, FunctionName,
    GoalTemplate, GoalTemplateForm, PersonRef, TemplateAssignment, TemplateChoices, TemplateDetails,
};
use crate::domain::goals::{GoalKind, GoalStatus, GoalVisibility, PlanStep};
use crate::domain::ids::{GoalId, TemplateId, UnitId, UserId};
use crate::domain::notifications::NotificationKind;
use crate::domain::settings::Setting;
use crate::domain::validation::Problem;
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::OrgScope;
use crate::server::auth::reach::Structure;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::{
    goal, goal_template, goal_template_assignment as assignment, job_function, org_unit, unit_member,
    user_account,
};
use crate::server::messages::goal_assigned_mail;
use crate::server::service::notifications::{Notice, notify};
use crate::server::service::settings;

/// Templates are the admins' (PRODUCT.md §3.2).
fn require_admin(scope: &OrgScope) -> Result<(), AppError> {
    if scope.roles.admin { Ok(()) } else { Err(AppError::Forbidden) }
}

/// The organisation's templates, by title.
pub async fn templates(
    db: &DatabaseConnection,
    keys: &Keyring,
    admin: &OrgScope,
) -> Result<Vec<GoalTemplate>, AppError> {
    require_admin(admin)?;
    let rows = goal_template::Entity::find()
        .filter(goal_template::Column::OrgId.eq(admin.org.0))
        .all(db)
        .await
        .map_err(internal)?;
    let sealer = Sealer::open(db, keys, admin.org).await?;
    let mut shown = present(db, &sealer, admin.org, &rows).await?;
    shown.sort_by_key(|template| template.title.to_lowercase());
    Ok(shown)
}

/// A template with the assignments made of it, newest first.
pub async fn template_details(
    db: &DatabaseConnection,
    keys: &Keyring,
    admin: &OrgScope,
    id: TemplateId,
    time_zone: chrono_tz::Tz,
) -> Result<TemplateDetails, AppError> {
    require_admin(admin)?;
    let row = of_organisation(db, admin, id).await?;
    let sealer = Sealer::open(db, keys, admin.org).await?;
    let rows = assignment::Entity::find()
        .filter(assignment::Column::TemplateId.eq(id.0))
        .order_by_desc(assignment::Column::AssignedAt)
        .order_by_desc(assignment::Column::Id)
        .all(db)
        .await
        .map_err(internal)?;
    let units: HashMap<uuid::Uuid, String> = org_unit::Entity::find()
        .filter(org_unit::Column::Id.is_in(rows.iter().filter_map(|r| r.unit_id)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|unit| (unit.id, unit.name))
        .collect();
    let functions: HashMap<uuid::Uuid, FunctionName> = job_function::Entity::find()
        .filter(job_function::Column::Id.is_in(rows.iter().filter_map(|r| r.function_id)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|f| (f.id, FunctionName { nl: f.name_nl, en: f.name_en }))
        .collect();
    let names: HashMap<uuid::Uuid, String> = user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(rows.iter().map(|r| r.assigned_by)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|person| (person.id, person.name))
        .collect();
    let assignments = rows
        .into_iter()
        .filter_map(|row| {
            let to = match (row.unit_id, row.function_id) {
                (Some(unit), _) => AssignedTo::Unit(units.get(&unit)?.clone()),
                (None, Some(function)) => AssignedTo::Function(functions.get(&function)?.clone()),
                (None, None) => return None,
            };
            Some(TemplateAssignment {
                id: row.id.to_string(),
                to,
                year: row.year,
                due_on: row.due_on.map(|date| date.format("%Y-%m-%d").to_string()),
                assigned_by: PersonRef {
                    id: UserId(row.assigned_by),
                    name: names.get(&row.assigned_by).cloned().unwrap_or_default(),
                },
                assigned_on: row.assigned_at.with_timezone(&time_zone).format("%Y-%m-%d").to_string(),
            })
        })
        .collect();
    let template =
        present(db, &sealer, admin.org, std::slice::from_ref(&row)).await?.pop().ok_or(AppError::Internal)?;
    Ok(TemplateDetails { template, assignments })
}

/// Adds a template.
pub async fn create_template(
    db: &DatabaseConnection,
    keys: &Keyring,
    admin: &OrgScope,
    form: &GoalTemplateForm,
    now: DateTime<Utc>,
) -> Result<TemplateId, AppError> {
    require_admin(admin)?;
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let (competency, value) = develops(db, admin, checked.kind, checked.develops.as_deref()).await?;
    let id = TemplateId(uuid::Uuid::now_v7());
    let sealer = Sealer::open(db, keys, admin.org).await?;
    goal_template::ActiveModel {
        id: Set(id.0),
        org_id: Set(admin.org.0),
        created_at: Set(now),
        ..sealed_fields(&sealer, id, &checked, (competency, value), now)?
    }
    .insert(db)
    .await
    .map_err(internal)?;
    Ok(id)
}

/// Changes a template; copies people already have stay as they are.
pub async fn update_template(
    db: &DatabaseConnection,
    keys: &Keyring,
    admin: &OrgScope,
    id: TemplateId,
    form: &GoalTemplateForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    require_admin(admin)?;
    of_organisation(db, admin, id).await?;
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let (competency, value) = develops(db, admin, checked.kind, checked.develops.as_deref()).await?;
    let sealer = Sealer::open(db, keys, admin.org).await?;
    goal_template::ActiveModel {
        id: Set(id.0),
        ..sealed_fields(&sealer, id, &checked, (competency, value), now)?
    }
    .update(db)
    .await
    .map(|_| ())
    .map_err(internal)
}

/// The fields a template form sets, sealed.
fn sealed_fields(
    sealer: &Sealer,
    id: TemplateId,
    checked: &CheckedTemplate,
    (competency, value): (Option<uuid::Uuid>, Option<uuid::Uuid>),
    now: DateTime<Utc>,
) -> Result<goal_template::ActiveModel, AppError> {
    let key_results = serde_json::to_string(&checked.key_results).map_err(|_| AppError::Internal)?;
    Ok(goal_template::ActiveModel {
        kind: Set(checked.kind.code().to_owned()),
        competency_id: Set(competency),
        value_id: Set(value),
        title: Set(sealer.seal_template(id, "title", &checked.title)),
        description: Set(sealer.seal_template(id, "description", &checked.description)),
        target: Set(sealer.seal_template(id, "target", &checked.target)),
        visibility: Set(checked.visibility.map(|v| v.code().to_owned())),
        key_results: Set(sealer.seal_template(id, "key_results", &key_results)),
        updated_at: Set(now),
        ..Default::default()
    })
}

/// Deletes a template and its assignments; the copies stay their owners'.
pub async fn delete_template(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: TemplateId,
) -> Result<(), AppError> {
    require_admin(admin)?;
    of_organisation(db, admin, id).await?;
    let txn = db.begin().await.map_err(internal)?;
    goal::Entity::update_many()
        .col_expr(goal::Column::TemplateId, sea_orm::sea_query::Expr::value(Option::<uuid::Uuid>::None))
        .filter(goal::Column::TemplateId.eq(id.0))
        .exec(&txn)
        .await
        .map_err(internal)?;
    goal_template::Entity::delete_by_id(id.0).exec(&txn).await.map_err(internal)?;
    txn.commit().await.map_err(internal)
}

/// What the template forms offer: competencies and values, units and functions.
pub async fn template_choices(
    db: &DatabaseConnection,
    admin: &OrgScope,
    year: i32,
) -> Result<TemplateChoices, AppError> {
    require_admin(admin)?;
    let (competencies, values) =
        crate::server::service::core_values::competencies_and_values(db, admin.org).await?;
    let name = |nl: String, en: String| FunctionName { nl, en };
    let units = crate::server::service::structure::tree(db, admin)
        .await?
        .into_iter()
        .map(|unit| (unit.id, unit.name))
        .collect();
    let functions = crate::server::service::functions::list(db, admin.org)
        .await?
        .into_iter()
        .map(|f| (f.id.to_string(), name(f.name_nl, f.name_en)))
        .collect();
    Ok(TemplateChoices { competencies, values, units, functions, year })
}

/// Gives the template for a year to everyone in a unit (and below) or with
/// a function, and keeps the assignment so it can be given again later.
pub async fn assign(
    db: &DatabaseConnection,
    keys: &Keyring,
    admin: &OrgScope,
    id: TemplateId,
    form: &AssignTemplateForm,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<AssignmentOutcome, AppError> {
    require_admin(admin)?;
    let template = of_organisation(db, admin, id).await?;
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let (unit, function) = match checked.to {
        AssignTarget::Unit(unit) => (Some(unit), None),
        AssignTarget::Function(function) => (None, Some(function)),
    };
    let due_on =
        checked.due_on.as_deref().and_then(|date| chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok());
    let row = assignment::Model {
        id: uuid::Uuid::now_v7(),
        template_id: id.0,
        unit_id: unit,
        function_id: function,
        year: checked.year,
        due_on,
        assigned_by: admin.user.0,
        assigned_at: now,
    };
    let people = people_in_scope(db, admin, &row).await?;
    let txn = db.begin().await.map_err(internal)?;
    assignment::ActiveModel::from(row.clone()).insert(&txn).await.map_err(internal)?;
    let outcome = give_copies(&txn, keys, admin, &template, &row, &people, (public_url, now)).await?;
    txn.commit().await.map_err(internal)?;
    record(db, admin, id, outcome, now).await?;
    Ok(outcome)
}

/// Gives an earlier assignment again: copies for the people who joined the
/// unit or function since, nobody a second one.
pub async fn assign_again(
    db: &DatabaseConnection,
    keys: &Keyring,
    admin: &OrgScope,
    assignment_id: uuid::Uuid,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<AssignmentOutcome, AppError> {
    require_admin(admin)?;
    let row = assignment::Entity::find_by_id(assignment_id)
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let id = TemplateId(row.template_id);
    let template = of_organisation(db, admin, id).await?;
    let people = people_in_scope(db, admin, &row).await?;
    let txn = db.begin().await.map_err(internal)?;
    let outcome = give_copies(&txn, keys, admin, &template, &row, &people, (public_url, now)).await?;
    txn.commit().await.map_err(internal)?;
    record(db, admin, id, outcome, now).await?;
    Ok(outcome)
}

async fn record(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: TemplateId,
    outcome: AssignmentOutcome,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let entry = AuditEntry::by_user(admin.org, admin.user, AuditAction::GoalTemplateAssigned)
        .on("goal_template", format!("{id}+{}", outcome.created));
    audit::record(db, entry, now).await.map_err(internal)
}

/// The active people an assignment reaches.
async fn people_in_scope(
    db: &DatabaseConnection,
    admin: &OrgScope,
    row: &assignment::Model,
) -> Result<Vec<user_account::Model>, AppError> {
    let active = || {
        user_account::Entity::find()
            .filter(user_account::Column::OrgId.eq(admin.org.0))
            .filter(user_account::Column::DeactivatedAt.is_null())
    };
    if let Some(function) = row.function_id {
        let exists = job_function::Entity::find_by_id(function)
            .filter(job_function::Column::OrgId.eq(admin.org.0))
            .one(db)
            .await
            .map_err(internal)?
            .is_some();
        if !exists {
            return Err(AppError::invalid("to", Problem::NotAChoice));
        }
        return active()
            .filter(user_account::Column::FunctionId.eq(function))
            .all(db)
            .await
            .map_err(internal);
    }
    let unit = UnitId(row.unit_id.ok_or(AppError::Internal)?);
    let structure = Structure::load(db, admin.org).await.map_err(internal)?;
    if !structure.contains(unit) {
        return Err(AppError::invalid("to", Problem::NotAChoice));
    }
    let within: Vec<uuid::Uuid> =
        structure.units().filter(|u| *u == unit || structure.is_within(*u, unit)).map(|u| u.0).collect();
    let members: HashSet<uuid::Uuid> = unit_member::Entity::find()
        .filter(unit_member::Column::UnitId.is_in(within))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    active().filter(user_account::Column::Id.is_in(members)).all(db).await.map_err(internal)
}

/// Makes a copy for each of `people` who has none of this template and
/// year, and tells them.
async fn give_copies(
    db: &impl ConnectionTrait,
    keys: &Keyring,
    admin: &OrgScope,
    template: &goal_template::Model,
    row: &assignment::Model,
    people: &[user_account::Model],
    (public_url, now): (&str, DateTime<Utc>),
) -> Result<AssignmentOutcome, AppError> {
    let having: HashSet<uuid::Uuid> = goal::Entity::find()
        .filter(goal::Column::TemplateId.eq(template.id))
        .filter(goal::Column::Year.eq(row.year))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .filter_map(|copy| copy.owner_id)
        .collect();
    let newcomers: Vec<&user_account::Model> = people.iter().filter(|p| !having.contains(&p.id)).collect();
    let ids: Vec<UserId> = newcomers.iter().map(|p| UserId(p.id)).collect();
    let defaults = settings::for_people(db, admin.org, &ids, Setting::GoalVisibility).await?;
    let sealer = Sealer::open(db, keys, admin.org).await?;
    let id = TemplateId(template.id);
    let title = sealer.template_text(id, "title", &template.title)?;
    let description = sealer.template_text(id, "description", &template.description)?;
    let target = sealer.template_text(id, "target", &template.target)?;
    let key_results: Vec<(String, f64, f64)> =
        serde_json::from_str(&sealer.template_text(id, "key_results", &template.key_results)?)
            .map_err(|_| AppError::Internal)?;
    let chosen = template.visibility.as_deref().and_then(GoalVisibility::from_code);
    for person in &newcomers {
        let owner = UserId(person.id);
        let visibility = chosen
            .or_else(|| defaults.get(&owner).and_then(|code| GoalVisibility::from_code(code)))
            .unwrap_or(GoalVisibility::Manager);
        let copy = GoalId(uuid::Uuid::now_v7());
        goal::ActiveModel {
            id: Set(copy.0),
            org_id: Set(admin.org.0),
            kind: Set(template.kind.clone()),
            owner_id: Set(Some(person.id)),
            unit_id: Set(None),
            parent_id: Set(None),
            competency_id: Set(template.competency_id),
            value_id: Set(template.value_id),
            template_id: Set(Some(template.id)),
            year: Set(row.year),
            title: Set(sealer.seal(copy, "title", &title)),
            description: Set(sealer.seal(copy, "description", &description)),
            target: Set(sealer.seal(copy, "target", &target)),
            due_on: Set(row.due_on),
            status: Set(GoalStatus::OnTrack.code().to_owned()),
            visibility: Set(visibility.code().to_owned()),
            progress: Set(0),
            created_by: Set(admin.user.0),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(db)
        .await
        .map_err(internal)?;
        replace_key_results(db, &sealer, copy, &key_results, &[]).await?;
        plans::note(db, admin.org, owner, row.year, PlanStep::Edit, now).await?;
        let link = format!("{public_url}/goals/{copy}");
        let notice = Notice::new(NotificationKind::GoalAssigned).goal(copy).year(row.year);
        let year = row.year;
        let mail = |lang, to: &str, name: &str| goal_assigned_mail(lang, to, name, year, &link);
        notify(db, admin.org, person, notice, mail, now).await?;
    }
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(AssignmentOutcome { created: count(newcomers.len()), already: count(people.len() - newcomers.len()) })
}

async fn of_organisation(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: TemplateId,
) -> Result<goal_template::Model, AppError> {
    goal_template::Entity::find_by_id(id.0)
        .filter(goal_template::Column::OrgId.eq(admin.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

/// The rows as admins see them: the names of what they develop and the
/// number of copies come in two queries, however many templates there are.
async fn present(
    db: &DatabaseConnection,
    sealer: &Sealer,
    org: crate::domain::ids::OrgId,
    rows: &[goal_template::Model],
) -> Result<Vec<GoalTemplate>, AppError> {
    let (competencies, values) =
        crate::server::service::core_values::competencies_and_values(db, org).await?;
    let names: HashMap<String, FunctionName> = competencies.into_iter().chain(values).collect();
    let copies: HashMap<uuid::Uuid, i64> = goal::Entity::find()
        .select_only()
        .column(goal::Column::TemplateId)
        .column_as(goal::Column::Id.count(), "copies")
        .filter(goal::Column::TemplateId.is_in(rows.iter().map(|row| row.id)))
        .group_by(goal::Column::TemplateId)
        .into_tuple::<(uuid::Uuid, i64)>()
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .collect();
    rows.iter()
        .map(|row| {
            let id = TemplateId(row.id);
            let develops = row.competency_id.or(row.value_id).map(|id| id.to_string());
            Ok(GoalTemplate {
                id,
                kind: GoalKind::from_code(&row.kind).ok_or(AppError::Internal)?,
                title: sealer.template_text(id, "title", &row.title)?,
                description: sealer.template_text(id, "description", &row.description)?,
                target: sealer.template_text(id, "target", &row.target)?,
                develops: develops.and_then(|id| names.get(&id).cloned().map(|name| (id, name))),
                visibility: row.visibility.as_deref().and_then(GoalVisibility::from_code),
                key_results: serde_json::from_str(&sealer.template_text(
                    id,
                    "key_results",
                    &row.key_results,
                )?)
                .map_err(|_| AppError::Internal)?,
                copies: u32::try_from(copies.get(&row.id).copied().unwrap_or(0)).unwrap_or(u32::MAX),
            })
        })
        .collect()
}
