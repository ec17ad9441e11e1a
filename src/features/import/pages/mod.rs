mod import;

pub use import::ImportPage;
