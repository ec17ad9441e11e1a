//! Support access (DPA 6): `/privacy/support-access`, where an admin grants
//! the processor's staff time-boxed access for one support case and ends it,
//! and the section of the operator's organisation page that shows what the
//! grant allows.

pub mod api;
pub mod components;
pub mod pages;
