//! SeaORM entities, one file per table. They never leave the server: pages
//! and server functions exchange DTOs from `domain`.

pub mod audit_chain;
pub mod audit_event;
pub mod competency;
pub mod competency_function;
pub mod competency_level;
pub mod competency_unit;
pub mod core_value;
pub mod dpa_acceptance;
pub mod goal;
pub mod goal_check_in;
pub mod goal_plan;
pub mod hr_reader_grant;
pub mod invitation;
pub mod job_function;
pub mod key_result;
pub mod login_throttle;
pub mod manager_override;
pub mod operator_account;
pub mod org_unit;
pub mod organisation;
pub mod organisation_setting;
pub mod outbound_message;
pub mod password_reset;
pub mod recovery_code;
pub mod session;
pub mod sign_in_code;
pub mod tenant_key;
pub mod totp_credential;
pub mod unit_manager;
pub mod unit_member;
pub mod unit_setting;
pub mod user_account;
