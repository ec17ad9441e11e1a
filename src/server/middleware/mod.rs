//! Layers around every request: request id, CSRF defence, security headers.

pub mod csrf;
pub mod headers;
pub mod request_id;
