mod language_switcher;
mod layout;

pub use language_switcher::LanguageSwitcher;
pub use layout::AppLayout;
