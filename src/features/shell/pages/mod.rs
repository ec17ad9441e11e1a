mod home;
mod not_found;
mod offline;

pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use offline::OfflineMessage;
