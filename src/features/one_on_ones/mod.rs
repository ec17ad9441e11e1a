//! 1:1 conversations (issue 6): planning them, the shared agenda with
//! private points and carry-over, action items, and meetings held.

pub mod api;
pub mod pages;
