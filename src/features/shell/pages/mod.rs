mod not_found;
mod offline;

pub use not_found::NotFoundPage;
pub use offline::OfflineMessage;
