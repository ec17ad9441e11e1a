mod contract;
mod new_organisation;
mod organisation;
mod organisations;

pub use new_organisation::NewOrganisationPage;
pub use organisation::OrganisationPage;
pub use organisations::OrganisationsPage;
