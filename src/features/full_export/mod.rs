//! `/privacy/export`: an admin prepares the full export of the
//! organisation's data (DPA 3.N, 8.B), follows it on a progress bar, and
//! downloads the zip while its link holds — also after the contract ended.

pub mod api;
pub mod pages;
