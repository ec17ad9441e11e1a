mod account;
mod invitation_code;
mod invite;
mod login;
mod reset;
mod sign_in_code;
mod verify;

pub use account::AccountPage;
pub use invitation_code::InvitationCodePage;
pub use invite::InvitePage;
pub use login::LoginPage;
pub use reset::{ChooseNewPasswordPage, RequestResetPage};
pub use sign_in_code::SignInCodePage;
pub use verify::VerifySecondFactorPage;
