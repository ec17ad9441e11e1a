//! Review cycles (issue 7). So far, for admins: the form editor in which
//! they build the question forms of review moments, and the cycles with
//! their scope and moments.

pub mod api;
pub mod components;
pub mod pages;
