mod peer_section;
mod reviewer_fields;
mod side_panel;
mod writing_editor;
mod written;

pub use peer_section::{PeerActions, peer_section};
pub use reviewer_fields::ReviewerFields;
pub use side_panel::side_panel;
pub use writing_editor::WritingEditor;
pub use written::written;
