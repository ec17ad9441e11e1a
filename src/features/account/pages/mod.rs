mod login;

pub use login::LoginPage;
