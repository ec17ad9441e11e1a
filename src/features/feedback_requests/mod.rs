//! Feedback requests (issue 6): asking colleagues and external people for
//! feedback with one's own questions and a deadline, answering them in
//! Koers or, for externals, behind a single-use link without an account.

pub mod api;
pub mod components;
pub mod pages;
