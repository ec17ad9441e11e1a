//! Proving a chain intact: every entry hashes to what it says, links to its
//! predecessor, the sequence has no gaps, and the head matches the last entry
//! (so neither a changed, a removed nor a cut-off entry goes unnoticed).

use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use super::chain::{GENESIS_HASH, entry_hash};
use crate::server::entity::{audit_chain, audit_event};

/// Entries read per query while verifying: a long log is checked in bounded memory.
const PAGE: u64 = 1000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainReport {
    Intact {
        chain: String,
        entries: i64,
    },
    /// The first entry that does not check out, and why.
    Broken {
        chain: String,
        seq: i64,
        reason: &'static str,
    },
}

pub async fn verify_all(db: &DatabaseConnection) -> Result<Vec<ChainReport>, DbErr> {
    let heads = audit_chain::Entity::find().order_by_asc(audit_chain::Column::Chain).all(db).await?;
    let mut reports = Vec::with_capacity(heads.len());
    for head in heads {
        reports.push(verify_head(db, head).await?);
    }
    Ok(reports)
}

pub async fn verify_chain(db: &DatabaseConnection, chain: &str) -> Result<Option<ChainReport>, DbErr> {
    match audit_chain::Entity::find_by_id(chain.to_owned()).one(db).await? {
        Some(head) => verify_head(db, head).await.map(Some),
        None => Ok(None),
    }
}

async fn verify_head(db: &DatabaseConnection, head: audit_chain::Model) -> Result<ChainReport, DbErr> {
    let chain = head.chain.clone();
    let broken = |seq, reason| ChainReport::Broken { chain: chain.clone(), seq, reason };
    let mut pages = audit_event::Entity::find()
        .filter(audit_event::Column::Chain.eq(&head.chain))
        .order_by_asc(audit_event::Column::Seq)
        .paginate(db, PAGE);
    let mut expected_seq = 1;
    let mut prev_hash = GENESIS_HASH.to_owned();
    while let Some(entries) = pages.fetch_and_next().await? {
        for entry in entries {
            if entry.seq != expected_seq {
                return Ok(broken(expected_seq, "entry missing"));
            }
            if entry.prev_hash != prev_hash {
                return Ok(broken(entry.seq, "does not link to the entry before it"));
            }
            if entry_hash(&entry) != entry.hash {
                return Ok(broken(entry.seq, "content changed after it was recorded"));
            }
            prev_hash = entry.hash;
            expected_seq += 1;
        }
    }
    let entries = expected_seq - 1;
    if head.last_seq != entries || head.last_hash != prev_hash {
        return Ok(broken(entries + 1, "entries after this point were removed"));
    }
    Ok(ChainReport::Intact { chain, entries })
}
