mod account;
mod invite;
mod login;
mod reset;
mod verify;

pub use account::AccountPage;
pub use invite::InvitePage;
pub use login::LoginPage;
pub use reset::{ChooseNewPasswordPage, RequestResetPage};
pub use verify::VerifySecondFactorPage;
