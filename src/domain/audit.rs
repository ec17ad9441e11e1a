//! What the audit log records: who did what to which object. Never personal
//! text: an entry names ids and an action code only (STYLE.md pattern 13).

use serde::{Deserialize, Serialize};

use crate::i18n::Key;

/// A recorded action. The code is stored, so a shipped code never changes.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    /// An organisation (tenant) was created.
    OrganisationCreated,
    /// A tenant's data key was created (DPA Bijlage 3: per-tenant keys).
    TenantKeyCreated,
    /// A tenant's data key was destroyed: its encrypted content is gone for
    /// good (DPA 8.A–G, crypto-shredding).
    TenantKeyDestroyed,
    SignIn,
    /// A sign-in that failed; the name tried is not recorded.
    SignInFailed,
    SignOut,
    /// A link to choose a new password was sent (DPA Bijlage 3).
    PasswordResetRequested,
    PasswordChanged,
    /// The organisation's signature under the processing agreement was recorded.
    DpaAcceptanceRecorded,
    UserInvited,
    InvitationAccepted,
    UserDeactivated,
    UserReactivated,
    RolesChanged,
    /// An authenticator app was set up as second factor (new recovery codes with it).
    SecondFactorEnabled,
    SecondFactorDisabled,
    /// A wrong code from the authenticator app or a wrong recovery code.
    SecondFactorFailed,
    RecoveryCodeUsed,
    RecoveryCodesRenewed,
    UnitCreated,
    /// A unit renamed or moved, or its managers or members changed.
    UnitChanged,
    UnitDeleted,
    /// An admin may now read the content of people in a unit (PRODUCT.md §1).
    HrReaderGranted,
    HrReaderRevoked,
    /// Someone's manager set explicitly, or given back to the structure.
    ManagerOverrideChanged,
    /// Someone's access ended with a choice for their data (DPA 8.D).
    UserOffboarded,
    /// An organisation's or unit's setting chosen or given back to inheritance.
    SettingChanged,
    /// People, units and managers imported from a file (the object: how
    /// many were created and updated).
    PeopleImported,
    /// Everyone's names, addresses and places exported to a file.
    PeopleExported,
    /// An admin read someone's content through the HR reader right (PRODUCT.md §1).
    ContentReadAsHrReader,
    /// An admin gave a goal template to a unit or function (the object:
    /// the template, and how many copies were made).
    GoalTemplateAssigned,
    /// An admin reopened a shared or locked evaluation (the object: the
    /// evaluation; the reason is kept, sealed, with it).
    EvaluationReopened,
    /// The progress of a review cycle exported to a file (names and stages, no content).
    ReviewProgressExported,
    /// The processor announced a new sub-processor (DPA 4.C; the object: it).
    SubProcessorAnnounced,
    /// An organisation objected to a new sub-processor (DPA 4.D).
    SubProcessorObjected,
    /// The processor recorded an incident in its breach register (DPA 7.G;
    /// the object: the incident).
    BreachRecorded,
    /// The processor told an organisation of a breach (DPA 7.A).
    BreachNotified,
    /// The processor told the organisations of a follow-up (DPA 7.C).
    BreachUpdated,
    /// The processor set the last day of an organisation's contract (DPA 8).
    ContractEnded,
    /// The processor moved an organisation's destruction later (DPA 8.B).
    DestructionPostponed,
    /// Every record of an organisation was destroyed (DPA 8.A; in the
    /// platform's log, since the organisation's own log is destroyed too).
    OrganisationDestroyed,
    /// The processor forwarded a data subject's request to the
    /// organisation (DPA 8.C; the object: the request).
    RightsRequestForwarded,
    /// An admin restricted the processing of a person's data (GDPR art. 18).
    ProcessingRestricted,
    RestrictionLifted,
    SubjectAccessExported,
    PortabilityExported,
    PersonErased,
    OrganisationExported,
    OrganisationExportDownloaded,
    SupportAccessGranted,
    SupportAccessEnded,
    SupportAccessUsed,
    /// An admin corrected a person's account data (GDPR art. 16).
    UserRectified,
    /// A survey round's results exported to a file, as far as the
    /// anonymity engine shows them (the object: the round).
    SurveyResultsExported,
    /// A document was added to a person, goal or evaluation (issue 10; the object: the document).
    DocumentUploaded,
    /// A document was downloaded or opened in the browser.
    DocumentDownloaded,
    DocumentDeleted,
}

impl AuditAction {
    /// Every action, for filters.
    pub const ALL: &'static [AuditAction] = &[
        AuditAction::OrganisationCreated,
        AuditAction::TenantKeyCreated,
        AuditAction::TenantKeyDestroyed,
        AuditAction::SignIn,
        AuditAction::SignInFailed,
        AuditAction::SignOut,
        AuditAction::PasswordResetRequested,
        AuditAction::PasswordChanged,
        AuditAction::DpaAcceptanceRecorded,
        AuditAction::UserInvited,
        AuditAction::InvitationAccepted,
        AuditAction::UserDeactivated,
        AuditAction::UserReactivated,
        AuditAction::RolesChanged,
        AuditAction::SecondFactorEnabled,
        AuditAction::SecondFactorDisabled,
        AuditAction::SecondFactorFailed,
        AuditAction::RecoveryCodeUsed,
        AuditAction::RecoveryCodesRenewed,
        AuditAction::UnitCreated,
        AuditAction::UnitChanged,
        AuditAction::UnitDeleted,
        AuditAction::HrReaderGranted,
        AuditAction::HrReaderRevoked,
        AuditAction::ManagerOverrideChanged,
        AuditAction::UserOffboarded,
        AuditAction::SettingChanged,
        AuditAction::PeopleImported,
        AuditAction::PeopleExported,
        AuditAction::ContentReadAsHrReader,
        AuditAction::GoalTemplateAssigned,
        AuditAction::EvaluationReopened,
        AuditAction::ReviewProgressExported,
        AuditAction::SubProcessorAnnounced,
        AuditAction::SubProcessorObjected,
        AuditAction::BreachRecorded,
        AuditAction::BreachNotified,
        AuditAction::BreachUpdated,
        AuditAction::ContractEnded,
        AuditAction::DestructionPostponed,
        AuditAction::OrganisationDestroyed,
        AuditAction::RightsRequestForwarded,
        AuditAction::ProcessingRestricted,
        AuditAction::RestrictionLifted,
        AuditAction::SubjectAccessExported,
        AuditAction::PortabilityExported,
        AuditAction::PersonErased,
        AuditAction::OrganisationExported,
        AuditAction::OrganisationExportDownloaded,
        AuditAction::SupportAccessGranted,
        AuditAction::SupportAccessEnded,
        AuditAction::SupportAccessUsed,
        AuditAction::UserRectified,
        AuditAction::SurveyResultsExported,
        AuditAction::DocumentUploaded,
        AuditAction::DocumentDownloaded,
        AuditAction::DocumentDeleted,
    ];

    /// The action a stored code stands for.
    pub fn from_code(code: &str) -> Option<AuditAction> {
        Self::ALL.iter().copied().find(|action| action.code() == code)
    }

    /// How the audit-log page names the action.
    pub const fn label_key(self) -> Key {
        match self {
            AuditAction::OrganisationCreated => Key::AuditActionOrganisationCreated,
            AuditAction::TenantKeyCreated => Key::AuditActionTenantKeyCreated,
            AuditAction::TenantKeyDestroyed => Key::AuditActionTenantKeyDestroyed,
            AuditAction::SignIn => Key::AuditActionSignIn,
            AuditAction::SignInFailed => Key::AuditActionSignInFailed,
            AuditAction::SignOut => Key::AuditActionSignOut,
            AuditAction::PasswordResetRequested => Key::AuditActionPasswordResetRequested,
            AuditAction::PasswordChanged => Key::AuditActionPasswordChanged,
            AuditAction::DpaAcceptanceRecorded => Key::AuditActionDpaAcceptanceRecorded,
            AuditAction::UserInvited => Key::AuditActionUserInvited,
            AuditAction::InvitationAccepted => Key::AuditActionInvitationAccepted,
            AuditAction::UserDeactivated => Key::AuditActionUserDeactivated,
            AuditAction::UserReactivated => Key::AuditActionUserReactivated,
            AuditAction::RolesChanged => Key::AuditActionRolesChanged,
            AuditAction::SecondFactorEnabled => Key::AuditActionSecondFactorEnabled,
            AuditAction::SecondFactorDisabled => Key::AuditActionSecondFactorDisabled,
            AuditAction::SecondFactorFailed => Key::AuditActionSecondFactorFailed,
            AuditAction::RecoveryCodeUsed => Key::AuditActionRecoveryCodeUsed,
            AuditAction::RecoveryCodesRenewed => Key::AuditActionRecoveryCodesRenewed,
            AuditAction::UnitCreated => Key::AuditActionUnitCreated,
            AuditAction::UnitChanged => Key::AuditActionUnitChanged,
            AuditAction::UnitDeleted => Key::AuditActionUnitDeleted,
            AuditAction::HrReaderGranted => Key::AuditActionHrReaderGranted,
            AuditAction::HrReaderRevoked => Key::AuditActionHrReaderRevoked,
            AuditAction::ManagerOverrideChanged => Key::AuditActionManagerOverrideChanged,
            AuditAction::UserOffboarded => Key::AuditActionUserOffboarded,
            AuditAction::SettingChanged => Key::AuditActionSettingChanged,
            AuditAction::PeopleImported => Key::AuditActionPeopleImported,
            AuditAction::PeopleExported => Key::AuditActionPeopleExported,
            AuditAction::ContentReadAsHrReader => Key::AuditActionContentReadAsHrReader,
            AuditAction::GoalTemplateAssigned => Key::AuditActionGoalTemplateAssigned,
            AuditAction::EvaluationReopened => Key::AuditActionEvaluationReopened,
            AuditAction::ReviewProgressExported => Key::AuditActionReviewProgressExported,
            AuditAction::SubProcessorAnnounced => Key::AuditActionSubProcessorAnnounced,
            AuditAction::SubProcessorObjected => Key::AuditActionSubProcessorObjected,
            AuditAction::BreachRecorded => Key::AuditActionBreachRecorded,
            AuditAction::BreachNotified => Key::AuditActionBreachNotified,
            AuditAction::BreachUpdated => Key::AuditActionBreachUpdated,
            AuditAction::ContractEnded => Key::AuditActionContractEnded,
            AuditAction::DestructionPostponed => Key::AuditActionDestructionPostponed,
            AuditAction::OrganisationDestroyed => Key::AuditActionOrganisationDestroyed,
            AuditAction::RightsRequestForwarded => Key::AuditActionRightsRequestForwarded,
            AuditAction::ProcessingRestricted => Key::AuditActionProcessingRestricted,
            AuditAction::RestrictionLifted => Key::AuditActionRestrictionLifted,
            AuditAction::SubjectAccessExported => Key::AuditActionSubjectAccessExported,
            AuditAction::PortabilityExported => Key::AuditActionPortabilityExported,
            AuditAction::PersonErased => Key::AuditActionPersonErased,
            AuditAction::OrganisationExported => Key::AuditActionOrganisationExported,
            AuditAction::OrganisationExportDownloaded => Key::AuditActionOrganisationExportDownloaded,
            AuditAction::SupportAccessGranted => Key::AuditActionSupportAccessGranted,
            AuditAction::SupportAccessEnded => Key::AuditActionSupportAccessEnded,
            AuditAction::SupportAccessUsed => Key::AuditActionSupportAccessUsed,
            AuditAction::UserRectified => Key::AuditActionUserRectified,
            AuditAction::SurveyResultsExported => Key::AuditActionSurveyResultsExported,
            AuditAction::DocumentUploaded => Key::AuditActionDocumentUploaded,
            AuditAction::DocumentDownloaded => Key::AuditActionDocumentDownloaded,
            AuditAction::DocumentDeleted => Key::AuditActionDocumentDeleted,
        }
    }

    pub const fn code(self) -> &'static str {
        match self {
            AuditAction::OrganisationCreated => "organisation.created",
            AuditAction::TenantKeyCreated => "tenant_key.created",
            AuditAction::TenantKeyDestroyed => "tenant_key.destroyed",
            AuditAction::SignIn => "auth.sign_in",
            AuditAction::SignInFailed => "auth.sign_in_failed",
            AuditAction::SignOut => "auth.sign_out",
            AuditAction::PasswordResetRequested => "auth.password_reset_requested",
            AuditAction::PasswordChanged => "auth.password_changed",
            AuditAction::DpaAcceptanceRecorded => "organisation.dpa_acceptance_recorded",
            AuditAction::UserInvited => "user.invited",
            AuditAction::InvitationAccepted => "user.invitation_accepted",
            AuditAction::UserDeactivated => "user.deactivated",
            AuditAction::UserReactivated => "user.reactivated",
            AuditAction::RolesChanged => "user.roles_changed",
            AuditAction::SecondFactorEnabled => "auth.second_factor_enabled",
            AuditAction::SecondFactorDisabled => "auth.second_factor_disabled",
            AuditAction::SecondFactorFailed => "auth.second_factor_failed",
            AuditAction::RecoveryCodeUsed => "auth.recovery_code_used",
            AuditAction::RecoveryCodesRenewed => "auth.recovery_codes_renewed",
            AuditAction::UnitCreated => "structure.unit_created",
            AuditAction::UnitChanged => "structure.unit_changed",
            AuditAction::UnitDeleted => "structure.unit_deleted",
            AuditAction::HrReaderGranted => "structure.hr_reader_granted",
            AuditAction::HrReaderRevoked => "structure.hr_reader_revoked",
            AuditAction::ManagerOverrideChanged => "structure.manager_override_changed",
            AuditAction::UserOffboarded => "user.offboarded",
            AuditAction::SettingChanged => "settings.changed",
            AuditAction::PeopleImported => "people.imported",
            AuditAction::PeopleExported => "people.exported",
            AuditAction::ContentReadAsHrReader => "content.read_as_hr_reader",
            AuditAction::GoalTemplateAssigned => "goal_template.assigned",
            AuditAction::EvaluationReopened => "review.evaluation_reopened",
            AuditAction::ReviewProgressExported => "review.progress_exported",
            AuditAction::SubProcessorAnnounced => "sub_processor.announced",
            AuditAction::SubProcessorObjected => "sub_processor.objected",
            AuditAction::BreachRecorded => "breach.recorded",
            AuditAction::BreachNotified => "breach.notified",
            AuditAction::BreachUpdated => "breach.updated",
            AuditAction::ContractEnded => "organisation.contract_ended",
            AuditAction::DestructionPostponed => "organisation.destruction_postponed",
            AuditAction::OrganisationDestroyed => "organisation.destroyed",
            AuditAction::RightsRequestForwarded => "rights_request.forwarded",
            AuditAction::ProcessingRestricted => "user.restricted",
            AuditAction::RestrictionLifted => "user.restriction_lifted",
            AuditAction::SubjectAccessExported => "user.subject_access_exported",
            AuditAction::PortabilityExported => "user.portability_exported",
            AuditAction::PersonErased => "user.erased",
            AuditAction::OrganisationExported => "organisation.exported",
            AuditAction::OrganisationExportDownloaded => "organisation.export_downloaded",
            AuditAction::SupportAccessGranted => "support.granted",
            AuditAction::SupportAccessEnded => "support.ended",
            AuditAction::SupportAccessUsed => "support.used",
            AuditAction::UserRectified => "user.rectified",
            AuditAction::SurveyResultsExported => "survey.results_exported",
            AuditAction::DocumentUploaded => "document.uploaded",
            AuditAction::DocumentDownloaded => "document.downloaded",
            AuditAction::DocumentDeleted => "document.deleted",
        }
    }
}

/// Who acted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A user of an organisation.
    User,
    /// Staff of the processor, in the operator console.
    Operator,
    /// Koers itself: a job or command run under a tenant instruction or policy.
    System,
}

impl ActorKind {
    pub const fn code(self) -> &'static str {
        match self {
            ActorKind::User => "user",
            ActorKind::Operator => "operator",
            ActorKind::System => "system",
        }
    }
}
