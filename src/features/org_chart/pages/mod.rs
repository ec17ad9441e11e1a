mod chart;
mod team;

pub use chart::OrgChartPage;
pub use team::TeamPage;
