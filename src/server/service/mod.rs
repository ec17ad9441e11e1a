//! Business logic. A function that touches an organisation's data takes the
//! caller's scope (`OrgScope` or `OperatorScope`) and filters by it; the
//! few that take a bare organisation id serve the demo seed, start-up and
//! tests, never a request.

pub mod accounts;
mod bilingual;
pub mod breaches;
pub mod competencies;
pub mod contract_end;
pub mod core_values;
pub mod documents;
pub mod erasure;
pub mod feedback;
pub mod full_export;
pub mod functions;
pub mod goals;
pub mod import;
pub mod invitations;
pub mod local_time;
pub mod names;
pub mod notes;
pub mod notifications;
pub mod onboarding;
pub mod one_on_ones;
pub mod ordering;
pub mod org_chart;
pub mod organisations;
pub mod password_reset;
pub mod people;
pub mod rectification;
pub mod registers;
pub mod restriction;
pub mod reviews;
pub mod rights_inbox;
pub mod second_factor;
pub mod sessions;
pub mod settings;
pub mod site;
pub mod structure;
pub mod sub_processors;
pub mod subject_access;
pub mod support_access;
pub mod surveys;
pub mod tenant_keys;
