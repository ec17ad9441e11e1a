//! Everything that only runs on the server. Compiled with the `ssr` feature
//! alone, so a server-only import in browser code fails the WASM build.

pub mod assets;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod bench;
pub mod cli;
pub mod config;
pub mod crypto;
pub mod db;
pub mod downloads;
pub mod entity;
pub mod health;
pub mod http;
pub mod logging;
pub mod messages;
pub mod middleware;
pub mod pdf;
pub mod pwa;
pub mod router;
pub mod seed;
pub mod service;
pub mod shell;
pub mod state;
pub mod storage;

#[cfg(test)]
pub mod testing;

pub use state::AppState;
