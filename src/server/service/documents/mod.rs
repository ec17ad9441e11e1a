//! Documents on people, goals and evaluations (issue 10, PRODUCT.md
//! §3.6): which files are kept (`kinds`, by content) and their way into
//! and out of the object store, sealed (`pipeline`).

pub mod kinds;
pub mod pipeline;

#[cfg(test)]
mod tests;
