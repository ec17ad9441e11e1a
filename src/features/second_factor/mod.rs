//! The second factor of one's own account: an authenticator app and
//! recovery codes (issue 3). The sign-in step that asks for the code lives
//! with signing in, in `account`.

pub mod api;
pub mod components;
pub mod pages;
