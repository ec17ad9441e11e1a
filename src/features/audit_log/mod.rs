//! The audit log, read-only: an organisation's at `/privacy/audit-log`
//! (admins and auditors, DPA 5.D), the platform's at `/operator/audit-log`.

pub mod api;
pub mod pages;
