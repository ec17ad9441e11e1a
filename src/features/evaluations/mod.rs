//! Evaluations (issue 7): at each moment of a review cycle the employee
//! and their manager write, share and acknowledge.

pub mod api;
pub mod components;
pub mod pages;
