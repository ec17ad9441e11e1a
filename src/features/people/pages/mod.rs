mod invite;
mod list;
mod person;

pub use invite::InvitePersonPage;
pub use list::PeoplePage;
pub use person::PersonPage;
