//! One folder per capability: `api.rs` (server functions), `pages/`, `components/`.

pub mod shell;
