mod list;
mod settings;

pub use list::NotificationsPage;
pub use settings::NotificationSettingsPage;
