mod competencies;
mod competency;
mod values;

pub use competencies::CompetenciesPage;
pub use competency::CompetencyPage;
pub use values::ValuesPage;
