//! The sub-processor register (issue 8, DPA 4): organisations read it and
//! object to new ones; the processor's staff announce them.

pub mod api;
pub mod components;
pub mod pages;
