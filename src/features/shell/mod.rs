//! The frame around every page: header, navigation, language, footer; and
//! the pages that belong to no feature (home, not found, offline).

pub mod api;
pub mod components;
pub mod pages;
