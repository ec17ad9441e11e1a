mod account;
mod invite;
mod login;
mod reset;

pub use account::AccountPage;
pub use invite::InvitePage;
pub use login::LoginPage;
pub use reset::{ChooseNewPasswordPage, RequestResetPage};
