//! The breach register (issue 8, DPA 7): `/operator/breaches` where the
//! processor's staff record incidents and send notices, and
//! `/privacy/breaches` where an organisation reads the notices it was sent.

pub mod api;
mod components;
pub mod pages;
