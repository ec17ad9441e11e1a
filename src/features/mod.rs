//! One folder per capability: `api.rs` (server functions), `pages/`, `components/`.

pub mod account;
pub mod audit_log;
pub mod breaches;
pub mod dashboard;
pub mod evaluations;
pub mod feedback;
pub mod feedback_requests;
pub mod frame;
pub mod full_export;
pub mod functions;
pub mod goal_templates;
pub mod goals;
pub mod import;
pub mod notifications;
pub mod one_on_ones;
pub mod operator;
pub mod org_chart;
pub mod people;
pub mod registers;
pub mod reviews;
pub mod rights_inbox;
pub mod second_factor;
pub mod settings;
pub mod shell;
pub mod structure;
pub mod sub_processors;
