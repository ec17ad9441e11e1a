mod side_panel;
mod writing_editor;
mod written;

pub use side_panel::side_panel;
pub use writing_editor::WritingEditor;
pub use written::written;
