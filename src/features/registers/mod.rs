//! `/privacy/register` and `/privacy/dpia`: the register of processing
//! activities (GDPR art. 30) and the DPIA information pack (DPA 3.H), for
//! admins and auditors, each also as PDF.

pub mod api;
pub mod pages;
