mod language_switcher;
mod layout;
mod welcome;

pub use language_switcher::LanguageSwitcher;
pub use layout::AppLayout;
pub use welcome::Welcome;
