//! Appending to a chain.

use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter,
    Set, SqlErr, TransactionTrait,
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::chain_of;
use crate::domain::audit::{ActorKind, AuditAction};
use crate::domain::ids::{OperatorId, OrgId, UserId};
use crate::server::entity::{audit_chain, audit_event};

/// The hash that precedes the first entry of every chain.
pub(super) const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One event to record. Ids and codes only, never personal text.
#[derive(Clone, Debug)]
pub struct AuditEntry {
    pub org: Option<OrgId>,
    pub actor_kind: ActorKind,
    pub actor_id: Option<Uuid>,
    pub action: AuditAction,
    pub object: Option<(&'static str, String)>,
    pub request_id: Option<String>,
}

impl AuditEntry {
    /// An action of Koers itself for `org` (a command, job or policy).
    pub fn system(org: Option<OrgId>, action: AuditAction) -> Self {
        AuditEntry {
            org,
            actor_kind: ActorKind::System,
            actor_id: None,
            action,
            object: None,
            request_id: None,
        }
    }

    /// An action of a signed-in user of `org`, in the request being served.
    pub fn by_user(org: OrgId, user: UserId, action: AuditAction) -> Self {
        AuditEntry {
            actor_kind: ActorKind::User,
            actor_id: Some(user.0),
            request_id: crate::server::http::request_id(),
            ..AuditEntry::system(Some(org), action)
        }
    }

    /// An action of the processor's staff, for `org` or the platform.
    pub fn by_operator(org: Option<OrgId>, operator: OperatorId, action: AuditAction) -> Self {
        AuditEntry {
            actor_kind: ActorKind::Operator,
            actor_id: Some(operator.0),
            request_id: crate::server::http::request_id(),
            ..AuditEntry::system(org, action)
        }
    }

    pub fn on(mut self, object_type: &'static str, object_id: impl ToString) -> Self {
        self.object = Some((object_type, object_id.to_string()));
        self
    }
}

/// Appends `entry` to its organisation's chain, atomically.
pub async fn record(db: &DatabaseConnection, entry: AuditEntry, now: DateTime<Utc>) -> Result<(), DbErr> {
    match append(db, entry.clone(), now).await {
        // Two writers started the same new chain at once; the loser appends
        // to the chain the winner created.
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            append(db, entry, now).await
        }
        outcome => outcome,
    }
}

async fn append(db: &DatabaseConnection, entry: AuditEntry, now: DateTime<Utc>) -> Result<(), DbErr> {
    let chain = chain_of(entry.org);
    // Stored with microsecond precision on both backends; hash what is stored.
    let occurred_at = now.trunc_subsecs(6);
    let txn = db.begin().await?;

    // Bumping the head first takes the chain's write lock before anything is read.
    let bumped = audit_chain::Entity::update_many()
        .col_expr(audit_chain::Column::LastSeq, Expr::col(audit_chain::Column::LastSeq).add(1))
        .filter(audit_chain::Column::Chain.eq(&chain))
        .exec(&txn)
        .await?;
    let (seq, prev_hash) = if bumped.rows_affected == 1 {
        let head = audit_chain::Entity::find_by_id(chain.clone())
            .one(&txn)
            .await?
            .ok_or_else(|| DbErr::RecordNotFound(format!("audit chain {chain}")))?;
        (head.last_seq, head.last_hash)
    } else {
        audit_chain::ActiveModel {
            chain: Set(chain.clone()),
            last_seq: Set(1),
            last_hash: Set(GENESIS_HASH.into()),
        }
        .insert(&txn)
        .await?;
        (1, GENESIS_HASH.to_owned())
    };

    let mut event = audit_event::Model {
        id: 0,
        chain: chain.clone(),
        seq,
        org_id: entry.org.map(|org| org.0),
        actor_kind: entry.actor_kind.code().to_owned(),
        actor_id: entry.actor_id,
        action: entry.action.code().to_owned(),
        object_type: entry.object.as_ref().map(|(kind, _)| (*kind).to_owned()),
        object_id: entry.object.map(|(_, id)| id),
        request_id: entry.request_id,
        occurred_at,
        prev_hash,
        hash: String::new(),
    };
    event.hash = entry_hash(&event);
    let hash = event.hash.clone();
    let mut row = audit_event::ActiveModel::from(event).reset_all();
    row.id = NotSet;
    row.insert(&txn).await?;
    audit_chain::Entity::update_many()
        .col_expr(audit_chain::Column::LastHash, Expr::value(hash))
        .filter(audit_chain::Column::Chain.eq(&chain))
        .exec(&txn)
        .await?;
    txn.commit().await
}

/// SHA-256 over every field of the entry and the previous hash. Each field
/// is length-prefixed, so no two different entries encode alike.
pub(super) fn entry_hash(event: &audit_event::Model) -> String {
    let uuid = |id: Option<Uuid>| id.map(|id| id.to_string()).unwrap_or_default();
    let fields = [
        "koers-audit-v1".to_owned(),
        event.chain.clone(),
        event.seq.to_string(),
        uuid(event.org_id),
        event.actor_kind.clone(),
        uuid(event.actor_id),
        event.action.clone(),
        event.object_type.clone().unwrap_or_default(),
        event.object_id.clone().unwrap_or_default(),
        event.request_id.clone().unwrap_or_default(),
        event.occurred_at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        event.prev_hash.clone(),
    ];
    let mut hasher = Sha256::new();
    for field in &fields {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field.as_bytes());
    }
    hex::encode(hasher.finalize())
}
