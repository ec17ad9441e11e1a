//! Notifications (issue 5): the list, the header link with the unread
//! count, and each person's choice of what they are told and how.

pub mod api;
pub mod components;
pub mod pages;
