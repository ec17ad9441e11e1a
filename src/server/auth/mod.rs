//! Who is asking: passwords, server-side sessions, sign-in throttling, and
//! the scopes that every server function obtains before touching data.

pub mod password;
pub mod reach;
pub mod recipients;
pub mod scope;
pub mod second_factor;
pub mod session;
pub mod sign_in;
pub mod sign_in_code;
pub mod throttle;
pub mod token;

pub use scope::{
    OperatorScope, OrgScope, Principal, SignedInAccount, current_account, current_principal, require_member,
    require_operator, require_privacy_reader,
};
