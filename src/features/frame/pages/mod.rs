mod competencies;
mod values;

pub use competencies::CompetenciesPage;
pub use values::ValuesPage;
