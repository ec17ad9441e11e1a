//! Design-system building blocks shared by every feature.

/// The brand colour, also used as the browser's theme colour
/// (`--colour-brand` in `style/main.css`).
pub const THEME_COLOUR: &str = "#1d4e89";
