//! The frame of values and competencies: `/admin/values` for the
//! organisation's core values, `/admin/competencies` for competencies with
//! their levels and whom they are asked of.

pub mod api;
pub mod pages;
