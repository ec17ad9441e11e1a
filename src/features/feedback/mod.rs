//! Feedback and private notes (issue 6): giving feedback with a preview of
//! who will read it, the boxes of received, given and team feedback, the
//! praise wall, and one's private notes.

pub mod api;
pub mod components;
pub mod pages;
