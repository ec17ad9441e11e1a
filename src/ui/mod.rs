//! Design-system building blocks shared by every feature.

mod error_message;

pub use error_message::ErrorMessage;

/// The brand colour, also used as the browser's theme colour
/// (`--colour-brand` in `style/main.css`).
pub const THEME_COLOUR: &str = "#1d4e89";
