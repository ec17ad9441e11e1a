//! Layers around every request: request id, CSRF defence, security headers,
//! HTTP statuses for server-function errors.

pub mod csrf;
pub mod error_status;
pub mod headers;
pub mod request_id;
