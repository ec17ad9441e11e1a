mod notification_link;

pub use notification_link::{NotificationLink, UnreadChanged};
