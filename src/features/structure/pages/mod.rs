mod tree;
mod unit;

pub use tree::{StructurePage, indented};
pub use unit::UnitPage;
