//! Goals between their sealed rows and what pages show: titles,
//! descriptions, targets and comments are sealed under the organisation's
//! data key, each bound to its record and field.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::access::Access;
use crate::domain::AppError;
use crate::domain::dto::{CheckIn, FunctionName, Goal, GoalRef, KeyResult, PersonRef};
use crate::domain::goals::{GoalKind, GoalStatus, GoalVisibility};
use crate::domain::ids::{GoalId, KeyResultId, OrgId, TemplateId, UnitId, UserId};
use crate::server::auth::OrgScope;
use crate::server::crypto::{Keyring, Purpose, TenantCipher};
use crate::server::db::internal;
use crate::server::entity::{
    competency, core_value, goal, goal_check_in, key_result, org_unit, user_account,
};
use crate::server::service::tenant_keys;

/// Seals and opens the texts of one organisation's goals.
pub struct Sealer(TenantCipher);

impl Sealer {
    pub async fn open(db: &impl ConnectionTrait, keys: &Keyring, org: OrgId) -> Result<Sealer, AppError> {
        tenant_keys::content_cipher(db, keys, org).await.map(Sealer)
    }

    pub fn seal(&self, goal: GoalId, field: &str, text: &str) -> Vec<u8> {
        self.0.seal_text(Purpose::Goal, &format!("goal/{goal}/{field}"), text)
    }

    pub fn seal_key_result(&self, result: uuid::Uuid, title: &str) -> Vec<u8> {
        self.0.seal_text(Purpose::Goal, &format!("key_result/{result}/title"), title)
    }

    pub fn seal_check_in(&self, check_in: uuid::Uuid, comment: &str) -> Vec<u8> {
        self.0.seal_text(Purpose::Goal, &format!("check_in/{check_in}/comment"), comment)
    }

    pub fn seal_plan_comment(&self, owner: UserId, year: i32, comment: &str) -> Vec<u8> {
        self.0.seal_text(Purpose::Goal, &format!("plan/{owner}/{year}/comment"), comment)
    }

    pub fn seal_template(&self, template: TemplateId, field: &str, text: &str) -> Vec<u8> {
        self.0.seal_text(Purpose::Goal, &format!("template/{template}/{field}"), text)
    }

    pub fn template_text(
        &self,
        template: TemplateId,
        field: &str,
        sealed: &[u8],
    ) -> Result<String, AppError> {
        self.open_text(&format!("template/{template}/{field}"), sealed)
    }

    fn open_text(&self, record: &str, sealed: &[u8]) -> Result<String, AppError> {
        self.0.open_text(Purpose::Goal, record, sealed).map_err(|error| {
            tracing::error!(%error, record, "sealed goal text does not open");
            AppError::Internal
        })
    }

    pub fn text(&self, goal: &goal::Model, field: &str, sealed: &[u8]) -> Result<String, AppError> {
        self.open_text(&format!("goal/{}/{field}", goal.id), sealed)
    }

    pub fn plan_comment(&self, owner: UserId, year: i32, sealed: &[u8]) -> Result<String, AppError> {
        self.open_text(&format!("plan/{owner}/{year}/comment"), sealed)
    }

    pub fn reference(&self, goal: &goal::Model) -> Result<GoalRef, AppError> {
        Ok(GoalRef {
            id: GoalId(goal.id),
            title: self.text(goal, "title", &goal.title)?,
            kind: GoalKind::from_code(&goal.kind).ok_or(AppError::Internal)?,
        })
    }
}

/// The rows as the viewer sees them, in the same order. Names, units,
/// parents, what they develop and key results come in one query each.
pub async fn present(
    db: &DatabaseConnection,
    sealer: &Sealer,
    scope: &OrgScope,
    access: &Access,
    rows: Vec<goal::Model>,
) -> Result<Vec<Goal>, AppError> {
    let names: HashMap<uuid::Uuid, String> = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(scope.org.0))
        .filter(user_account::Column::Id.is_in(rows.iter().filter_map(|r| r.owner_id)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let units: HashMap<uuid::Uuid, String> = org_unit::Entity::find()
        .filter(org_unit::Column::Id.is_in(rows.iter().filter_map(|r| r.unit_id)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let parents: HashMap<uuid::Uuid, goal::Model> = goal::Entity::find()
        .filter(goal::Column::OrgId.eq(scope.org.0))
        .filter(goal::Column::Id.is_in(rows.iter().filter_map(|r| r.parent_id)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|g| (g.id, g))
        .collect();
    let mut develops: HashMap<uuid::Uuid, FunctionName> = HashMap::new();
    for c in competency::Entity::find()
        .filter(competency::Column::Id.is_in(rows.iter().filter_map(|r| r.competency_id)))
        .all(db)
        .await
        .map_err(internal)?
    {
        develops.insert(c.id, FunctionName { nl: c.name_nl, en: c.name_en });
    }
    for v in core_value::Entity::find()
        .filter(core_value::Column::Id.is_in(rows.iter().filter_map(|r| r.value_id)))
        .all(db)
        .await
        .map_err(internal)?
    {
        develops.insert(v.id, FunctionName { nl: v.name_nl, en: v.name_en });
    }
    let mut results: HashMap<uuid::Uuid, Vec<KeyResult>> = HashMap::new();
    for r in key_result::Entity::find()
        .filter(key_result::Column::GoalId.is_in(rows.iter().map(|r| r.id)))
        .order_by_asc(key_result::Column::Position)
        .all(db)
        .await
        .map_err(internal)?
    {
        let title = sealer.open_text(&format!("key_result/{}/title", r.id), &r.title)?;
        results.entry(r.goal_id).or_default().push(KeyResult {
            id: KeyResultId(r.id),
            title,
            start: r.start_value,
            target: r.target_value,
            current: r.current_value,
        });
    }
    rows.iter()
        .map(|row| {
            let parent = match row.parent_id.and_then(|p| parents.get(&p)) {
                Some(parent) if access.reading(parent).is_some() => Some(sealer.reference(parent)?),
                _ => None,
            };
            Ok(Goal {
                id: GoalId(row.id),
                kind: GoalKind::from_code(&row.kind).ok_or(AppError::Internal)?,
                owner: row.owner_id.map(|id| PersonRef {
                    id: UserId(id),
                    name: names.get(&id).cloned().unwrap_or_default(),
                }),
                unit: row.unit_id.map(|id| (UnitId(id), units.get(&id).cloned().unwrap_or_default())),
                parent,
                develops: row
                    .competency_id
                    .or(row.value_id)
                    .and_then(|id| develops.get(&id).map(|name| (id.to_string(), name.clone()))),
                year: row.year,
                title: sealer.text(row, "title", &row.title)?,
                description: sealer.text(row, "description", &row.description)?,
                target: sealer.text(row, "target", &row.target)?,
                due_on: row.due_on.map(|date| date.format("%Y-%m-%d").to_string()),
                status: GoalStatus::from_code(&row.status).unwrap_or(GoalStatus::OnTrack),
                visibility: GoalVisibility::from_code(&row.visibility).unwrap_or(GoalVisibility::Private),
                progress: u8::try_from(row.progress.clamp(0, 100)).unwrap_or(0),
                key_results: results.remove(&row.id).unwrap_or_default(),
                editable: access.may_edit(row),
            })
        })
        .collect()
}

/// A goal's check-ins, newest first, with the key results' values after each.
pub async fn check_ins(
    db: &DatabaseConnection,
    sealer: &Sealer,
    id: GoalId,
    time_zone: chrono_tz::Tz,
) -> Result<Vec<CheckIn>, AppError> {
    let rows = goal_check_in::Entity::find()
        .filter(goal_check_in::Column::GoalId.eq(id.0))
        .order_by_desc(goal_check_in::Column::CreatedAt)
        .order_by_desc(goal_check_in::Column::Id)
        .all(db)
        .await
        .map_err(internal)?;
    let authors: HashMap<uuid::Uuid, String> = user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(rows.iter().map(|r| r.author_id)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let titles: HashMap<String, String> = key_result::Entity::find()
        .filter(key_result::Column::GoalId.eq(id.0))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|r| Ok((r.id.to_string(), sealer.open_text(&format!("key_result/{}/title", r.id), &r.title)?)))
        .collect::<Result<_, AppError>>()?;
    rows.into_iter()
        .map(|row| {
            let values = row
                .values
                .lines()
                .filter_map(|line| line.split_once('='))
                .filter_map(|(result, value)| Some((titles.get(result)?.clone(), value.parse().ok()?)))
                .collect();
            Ok(CheckIn {
                author: PersonRef {
                    id: UserId(row.author_id),
                    name: authors.get(&row.author_id).cloned().unwrap_or_default(),
                },
                at: row.created_at.with_timezone(&time_zone).format("%Y-%m-%d %H:%M").to_string(),
                status: GoalStatus::from_code(&row.status).unwrap_or(GoalStatus::OnTrack),
                progress: u8::try_from(row.progress.clamp(0, 100)).unwrap_or(0),
                comment: sealer.open_text(&format!("check_in/{}/comment", row.id), &row.comment)?,
                values,
            })
        })
        .collect()
}
