mod tree;
mod unit;

pub use tree::StructurePage;
pub use unit::UnitPage;
