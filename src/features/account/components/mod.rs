mod new_password;
mod require_sign_in;
mod user_menu;
mod viewer;

pub use new_password::NewPasswordField;
pub use require_sign_in::RequireSignIn;
pub use user_menu::UserMenu;
pub use viewer::{ViewerResource, provide_viewer, use_viewer};
