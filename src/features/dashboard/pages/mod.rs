mod dashboard;

pub use dashboard::DashboardPage;
