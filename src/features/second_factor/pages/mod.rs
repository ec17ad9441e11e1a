mod manage;
mod setup;

pub use manage::SecondFactorPage;
pub use setup::SecondFactorSetupPage;
