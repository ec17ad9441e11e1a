//! Reading a chain for the audit-log pages: newest first, filtered by
//! action, with the names of the people who acted (one query per page, not
//! one per line).

use std::collections::HashMap;

use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::verify::{ChainReport, verify_chain};
use crate::domain::audit::AuditAction;
use crate::domain::dto::{AuditLine, AuditPage};
use crate::server::entity::{audit_event, operator_account, user_account};

pub const PAGE_SIZE: u64 = 50;

pub async fn read_page(
    db: &DatabaseConnection,
    chain: &str,
    action: Option<AuditAction>,
    page: u64,
) -> Result<AuditPage, DbErr> {
    let mut query = audit_event::Entity::find().filter(audit_event::Column::Chain.eq(chain));
    if let Some(action) = action {
        query = query.filter(audit_event::Column::Action.eq(action.code()));
    }
    let mut events = query
        .order_by_desc(audit_event::Column::Seq)
        .offset(page * PAGE_SIZE)
        .limit(PAGE_SIZE + 1)
        .all(db)
        .await?;
    let has_more = events.len() as u64 > PAGE_SIZE;
    events.truncate(PAGE_SIZE as usize);
    let names = actor_names(db, &events).await?;
    let broken_at = match verify_chain(db, chain).await? {
        Some(ChainReport::Broken { seq, .. }) => Some(seq),
        _ => None,
    };
    let lines = events
        .into_iter()
        .map(|event| AuditLine {
            seq: event.seq,
            occurred_at: event.occurred_at.format("%Y-%m-%d %H:%M:%S").to_string(),
            actor: event.actor_id.and_then(|id| names.get(&id).cloned()),
            action: AuditAction::from_code(&event.action),
            action_code: event.action,
            object: event.object_type.map(|kind| format!("{kind} {}", event.object_id.unwrap_or_default())),
            request_id: event.request_id,
        })
        .collect();
    Ok(AuditPage { lines, broken_at, has_more })
}

async fn actor_names(
    db: &DatabaseConnection,
    events: &[audit_event::Model],
) -> Result<HashMap<uuid::Uuid, String>, DbErr> {
    let ids: Vec<uuid::Uuid> = events.iter().filter_map(|e| e.actor_id).collect();
    let mut names: HashMap<uuid::Uuid, String> = HashMap::new();
    if ids.is_empty() {
        return Ok(names);
    }
    let users =
        user_account::Entity::find().filter(user_account::Column::Id.is_in(ids.clone())).all(db).await?;
    names.extend(users.into_iter().map(|u| (u.id, u.name)));
    let operators =
        operator_account::Entity::find().filter(operator_account::Column::Id.is_in(ids)).all(db).await?;
    names.extend(operators.into_iter().map(|o| (o.id, o.name)));
    Ok(names)
}
