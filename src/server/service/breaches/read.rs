//! Reading the register: the processor's staff see every incident with each
//! notice's deadline (7.A, 7.G); an organisation sees the notices it was
//! sent, with their follow-ups (7.C), and nothing of other organisations.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::notice_due;
use crate::domain::AppError;
use crate::domain::dto::{
    AffectedData, AffectedOrganisation, BreachFacts, BreachNotice, BreachRecord, BreachUpdateView,
    DeadlineState,
};
use crate::domain::ids::{BreachId, OrgId};
use crate::server::auth::{OperatorScope, OrgScope};
use crate::server::db::internal;
use crate::server::entity::{breach, breach_tenant, breach_update, operator_account, organisation};
use crate::server::service::local_time::shown;

/// Every incident, newest discovery first.
pub async fn register(
    db: &DatabaseConnection,
    _operator: &OperatorScope,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<Vec<BreachRecord>, AppError> {
    let incidents =
        breach::Entity::find().order_by_desc(breach::Column::DiscoveredAt).all(db).await.map_err(internal)?;
    records(db, incidents, time_zone, now).await
}

/// One incident, for its page in the operator console.
pub async fn record(
    db: &DatabaseConnection,
    _operator: &OperatorScope,
    id: BreachId,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<BreachRecord, AppError> {
    let incident =
        breach::Entity::find_by_id(id.0).one(db).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    records(db, vec![incident], time_zone, now).await?.pop().ok_or(AppError::NotFound)
}

/// The notices the reader's organisation was sent, newest first.
pub async fn notices(
    db: &DatabaseConnection,
    reader: &OrgScope,
    time_zone: chrono_tz::Tz,
) -> Result<Vec<BreachNotice>, AppError> {
    let sent = breach_tenant::Entity::find()
        .filter(breach_tenant::Column::OrgId.eq(reader.org.0))
        .filter(breach_tenant::Column::NotifiedAt.is_not_null())
        .order_by_desc(breach_tenant::Column::NotifiedAt)
        .all(db)
        .await
        .map_err(internal)?;
    let incidents: HashMap<uuid::Uuid, breach::Model> = breach::Entity::find()
        .filter(breach::Column::Id.is_in(sent.iter().map(|s| s.breach_id)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|incident| (incident.id, incident))
        .collect();
    let mut updates = updates_of(db, incidents.keys().copied(), time_zone).await?;
    Ok(sent
        .into_iter()
        .filter_map(|affected| {
            let incident = incidents.get(&affected.breach_id)?;
            let notified_at = affected.notified_at?;
            Some(BreachNotice {
                facts: facts(incident, updates.remove(&incident.id).unwrap_or_default(), time_zone),
                notified_at: shown(notified_at, time_zone),
                on_time: notified_at <= notice_due(incident.discovered_at),
                data: data(&affected),
            })
        })
        .collect())
}

async fn records(
    db: &DatabaseConnection,
    incidents: Vec<breach::Model>,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<Vec<BreachRecord>, AppError> {
    let ids: Vec<uuid::Uuid> = incidents.iter().map(|incident| incident.id).collect();
    let affected = breach_tenant::Entity::find()
        .filter(breach_tenant::Column::BreachId.is_in(ids.clone()))
        .all(db)
        .await
        .map_err(internal)?;
    let org_names: HashMap<uuid::Uuid, String> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(affected.iter().map(|a| a.org_id)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|org| (org.id, org.name))
        .collect();
    let operators: HashMap<uuid::Uuid, String> = operator_account::Entity::find()
        .filter(operator_account::Column::Id.is_in(incidents.iter().filter_map(|i| i.recorded_by)))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|operator| (operator.id, operator.name))
        .collect();
    let mut updates = updates_of(db, ids, time_zone).await?;
    Ok(incidents
        .into_iter()
        .map(|incident| {
            let due = notice_due(incident.discovered_at);
            let mut affected: Vec<AffectedOrganisation> = affected
                .iter()
                .filter(|a| a.breach_id == incident.id)
                .map(|a| AffectedOrganisation {
                    org: OrgId(a.org_id),
                    name: org_names.get(&a.org_id).cloned().unwrap_or_default(),
                    data: data(a),
                    notice: match a.notified_at {
                        Some(at) => DeadlineState::Sent { at: shown(at, time_zone), on_time: at <= due },
                        None if now <= due => DeadlineState::Due,
                        None => DeadlineState::Overdue,
                    },
                })
                .collect();
            affected.sort_by(|a, b| a.name.cmp(&b.name));
            BreachRecord {
                recorded_by: incident
                    .recorded_by
                    .and_then(|by| operators.get(&by).cloned())
                    .unwrap_or_default(),
                facts: facts(&incident, updates.remove(&incident.id).unwrap_or_default(), time_zone),
                affected,
            }
        })
        .collect())
}

/// The follow-ups of the incidents, oldest first per incident.
async fn updates_of(
    db: &DatabaseConnection,
    incidents: impl IntoIterator<Item = uuid::Uuid>,
    time_zone: chrono_tz::Tz,
) -> Result<HashMap<uuid::Uuid, Vec<BreachUpdateView>>, AppError> {
    let rows = breach_update::Entity::find()
        .filter(breach_update::Column::BreachId.is_in(incidents))
        .order_by_asc(breach_update::Column::RecordedAt)
        .all(db)
        .await
        .map_err(internal)?;
    let mut by_incident: HashMap<uuid::Uuid, Vec<BreachUpdateView>> = HashMap::new();
    for row in rows {
        let view = BreachUpdateView { at: shown(row.recorded_at, time_zone), body: row.body };
        by_incident.entry(row.breach_id).or_default().push(view);
    }
    Ok(by_incident)
}

fn facts(incident: &breach::Model, updates: Vec<BreachUpdateView>, time_zone: chrono_tz::Tz) -> BreachFacts {
    BreachFacts {
        id: BreachId(incident.id),
        nature: incident.nature.clone(),
        discovered_at: shown(incident.discovered_at, time_zone),
        notice_due: shown(notice_due(incident.discovered_at), time_zone),
        contact_point: incident.contact_point.clone(),
        consequences: incident.consequences.clone(),
        measures: incident.measures.clone(),
        updates,
    }
}

fn data(affected: &breach_tenant::Model) -> AffectedData {
    let count = |n: i64| u64::try_from(n).unwrap_or_default();
    AffectedData {
        subject_categories: affected.subject_categories.clone(),
        subjects_approx: count(affected.subjects_approx),
        record_categories: affected.record_categories.clone(),
        records_approx: count(affected.records_approx),
    }
}
