//! The rights-request inbox (issue 8, DPA 3.G, 8.C): `/operator/rights-requests`
//! where the processor's staff record and forward the requests that reach
//! them, and `/privacy/rights-requests` where an organisation reads what
//! was forwarded to it.

pub mod api;
mod components;
pub mod pages;
