mod visibility_choice;

pub use visibility_choice::{PreviewResource, VisibilityChoice};
