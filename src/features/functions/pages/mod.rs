mod list;

pub use list::FunctionsPage;
