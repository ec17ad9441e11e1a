mod conversation;
mod list;

pub use conversation::OneOnOnePage;
pub use list::OneOnOnesPage;
