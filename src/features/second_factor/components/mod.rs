mod code_field;
mod recovery_code_list;

pub use code_field::CodeField;
pub use recovery_code_list::RecoveryCodeList;

/// Where a signed-in admin or operator without their mandatory second factor is sent.
pub const SETUP_PATH: &str = "/account/second-factor/setup";
