//! Input rules, run in the browser for quick feedback and again on the server.

mod fields;
mod password;
mod redirect;

pub use fields::{Checks, FieldError, Problem};
pub use password::{PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS, check_password_length};
pub use redirect::{encode_query_value, local_path_or_home};
