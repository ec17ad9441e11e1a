mod organisations;

pub use organisations::OrganisationsPage;
