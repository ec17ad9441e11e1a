//! `/`: the personal start page of a signed-in user.

pub mod pages;
