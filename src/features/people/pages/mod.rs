mod invite;
mod list;

pub use invite::InvitePersonPage;
pub use list::PeoplePage;
