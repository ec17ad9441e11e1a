//! `/admin/functions`: the organisation's job functions, in Dutch and English.

pub mod api;
pub mod pages;
