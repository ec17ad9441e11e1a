//! `/admin/settings`: what the organisation chose; the same settings per
//! unit on the unit's page, cascading down the structure.

pub mod api;
pub mod components;
pub mod pages;
