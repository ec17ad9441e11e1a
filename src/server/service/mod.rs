//! Business logic. Functions that touch one organisation's data take that
//! organisation explicitly (and, once identity lands, the caller's `OrgScope`).

pub mod accounts;
pub mod invitations;
pub mod onboarding;
pub mod organisations;
pub mod password_reset;
pub mod people;
pub mod sessions;
pub mod tenant_keys;
