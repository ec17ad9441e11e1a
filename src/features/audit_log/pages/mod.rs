mod log;

pub use log::{OrganisationAuditLogPage, PlatformAuditLogPage};
