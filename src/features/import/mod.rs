//! `/admin/people/import`: bulk import of people, units and managers from
//! CSV or XLSX, with a preview, a confirmation and a progress bar; the
//! export of the same columns is served at `/admin/people/export`.

pub mod api;
pub mod pages;
