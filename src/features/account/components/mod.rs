mod require_sign_in;
mod user_menu;
mod viewer;

pub use require_sign_in::RequireSignIn;
pub use user_menu::UserMenu;
pub use viewer::{ViewerResource, provide_viewer, use_viewer};
