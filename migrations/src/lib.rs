//! Database migrations of Koers, one schema change per file.
//!
//! A migration that has been shipped is never edited: a later change gets a
//! new file. Demo data does not belong here; it comes from `koers seed-demo`.

pub use sea_orm_migration::prelude::*;

mod m20261201_000001_create_organisation;
mod m20261201_000002_create_audit_log;
mod m20261201_000003_create_tenant_key;
mod m20261202_000004_create_accounts_and_sessions;
mod m20261202_000005_create_messages_and_password_resets;
mod m20261203_000006_organisation_contract_and_invitations;
mod m20261204_000007_second_factor;
mod m20261205_000008_invitation_delivery;
mod m20261206_000009_sign_in_code;
mod m20261207_000010_org_structure;
mod m20261208_000011_offboarding;
mod m20261209_000012_job_function;
mod m20261210_000013_settings;
mod m20261211_000014_values_and_competencies;
mod m20261212_000015_goals;
mod m20261213_000016_goal_templates;
mod m20261214_000017_notifications;
mod m20261215_000018_feedback_and_notes;
mod m20261216_000019_feedback_requests;
mod m20261217_000020_one_on_ones;
mod m20261218_000021_review_forms;
mod m20261219_000022_review_cycles;
mod m20261220_000023_evaluations;
mod m20261221_000024_peer_reviews;
mod m20261222_000025_calibration;
mod m20261223_000026_talent_review;
mod m20261224_000027_sub_processors;
mod m20261225_000028_breaches;
mod m20261226_000029_contract_end;
mod m20261227_000030_rights_requests;
mod m20261228_000031_restriction;
mod m20261229_000032_organisation_export;
mod m20261230_000033_support_access;
mod m20261231_000034_person_dates;
mod m20270101_000035_surveys;
mod m20270102_000036_survey_closing;
mod m20270103_000037_documents;

pub struct Migrator;

/// A foreign key from `(table, column)` to `(table, column)`, and what
/// happens to the row when the one it refers to is deleted.
pub(crate) fn reference<A, B, C, D>(
    from: (A, B),
    to: (C, D),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement
where
    A: IntoIden,
    B: IntoIden,
    C: IntoIden,
    D: IntoIden,
{
    ForeignKey::create().from(from.0, from.1).to(to.0, to.1).on_delete(on_delete).to_owned()
}

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261201_000001_create_organisation::Migration),
            Box::new(m20261201_000002_create_audit_log::Migration),
            Box::new(m20261201_000003_create_tenant_key::Migration),
            Box::new(m20261202_000004_create_accounts_and_sessions::Migration),
            Box::new(m20261202_000005_create_messages_and_password_resets::Migration),
            Box::new(m20261203_000006_organisation_contract_and_invitations::Migration),
            Box::new(m20261204_000007_second_factor::Migration),
            Box::new(m20261205_000008_invitation_delivery::Migration),
            Box::new(m20261206_000009_sign_in_code::Migration),
            Box::new(m20261207_000010_org_structure::Migration),
            Box::new(m20261208_000011_offboarding::Migration),
            Box::new(m20261209_000012_job_function::Migration),
            Box::new(m20261210_000013_settings::Migration),
            Box::new(m20261211_000014_values_and_competencies::Migration),
            Box::new(m20261212_000015_goals::Migration),
            Box::new(m20261213_000016_goal_templates::Migration),
            Box::new(m20261214_000017_notifications::Migration),
            Box::new(m20261215_000018_feedback_and_notes::Migration),
            Box::new(m20261216_000019_feedback_requests::Migration),
            Box::new(m20261217_000020_one_on_ones::Migration),
            Box::new(m20261218_000021_review_forms::Migration),
            Box::new(m20261219_000022_review_cycles::Migration),
            Box::new(m20261220_000023_evaluations::Migration),
            Box::new(m20261221_000024_peer_reviews::Migration),
            Box::new(m20261222_000025_calibration::Migration),
            Box::new(m20261223_000026_talent_review::Migration),
            Box::new(m20261224_000027_sub_processors::Migration),
            Box::new(m20261225_000028_breaches::Migration),
            Box::new(m20261226_000029_contract_end::Migration),
            Box::new(m20261227_000030_rights_requests::Migration),
            Box::new(m20261228_000031_restriction::Migration),
            Box::new(m20261229_000032_organisation_export::Migration),
            Box::new(m20261230_000033_support_access::Migration),
            Box::new(m20261231_000034_person_dates::Migration),
            Box::new(m20270101_000035_surveys::Migration),
            Box::new(m20270102_000036_survey_closing::Migration),
            Box::new(m20270103_000037_documents::Migration),
        ]
    }
}
