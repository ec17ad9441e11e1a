mod edit;
mod fields;
mod list;
mod new;
mod template;

pub use edit::EditTemplatePage;
pub use list::TemplatesPage;
pub use new::NewTemplatePage;
pub use template::TemplatePage;
