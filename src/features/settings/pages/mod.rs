mod organisation;

pub use organisation::SettingsPage;
