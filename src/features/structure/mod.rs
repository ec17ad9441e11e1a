//! `/admin/structure`: admins build the organisation's tree of units, name
//! their managers and members, and grant admins the HR reader right per unit.

pub mod api;
pub mod pages;
