mod new_organisation;
mod organisations;

pub use new_organisation::NewOrganisationPage;
pub use organisations::OrganisationsPage;
