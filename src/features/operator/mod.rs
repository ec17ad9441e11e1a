//! `/operator`: the processor's console. Operator staff manage
//! organisations and contracts and never see tenant content (DPA 6).

pub mod api;
pub mod pages;
