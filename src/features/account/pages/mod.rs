mod login;
mod reset;

pub use login::LoginPage;
pub use reset::{ChooseNewPasswordPage, RequestResetPage};
