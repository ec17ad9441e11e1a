//! Design-system building blocks shared by every feature.

mod bilingual_fields;
mod error_message;
mod field_error;
mod successes;

pub use bilingual_fields::bilingual_fields;
pub use error_message::ErrorMessage;
pub use field_error::{FieldError, FormError};
pub use successes::successes;

/// The brand colour, also used as the browser's theme colour
/// (`--colour-brand` in `style/main.css`).
pub const THEME_COLOUR: &str = "#1d4e89";
