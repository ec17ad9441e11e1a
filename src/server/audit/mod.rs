//! The audit log: one function records every security and privacy event
//! (DPA 5.A and Bijlage 3; 7.F for reads of others' content), and a check
//! proves nothing was changed, removed or cut off afterwards.
//!
//! Entries form a hash chain per organisation (and one for the platform):
//! each entry's hash covers its fields and the previous entry's hash, and
//! `audit_chain` keeps the head (last sequence number and hash). Appending
//! first bumps the head row, which serialises writers of one chain on SQLite
//! and PostgreSQL alike, also with several app servers.

mod chain;
mod read;
mod verify;

pub use chain::{AuditEntry, record};
pub use read::{PAGE_SIZE, read_page};
pub use verify::{ChainReport, verify_all, verify_chain};

use crate::domain::ids::OrgId;

/// The chain an organisation's entries belong to; platform events (operator
/// console, sign-ins of operator staff) have a chain of their own.
pub fn chain_of(org: Option<OrgId>) -> String {
    org.map_or_else(|| PLATFORM_CHAIN.to_owned(), |org| org.to_string())
}

pub const PLATFORM_CHAIN: &str = "platform";

#[cfg(test)]
mod tests;
