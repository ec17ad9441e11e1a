//! The register of processing activities (GDPR art. 30(1)) of one
//! organisation, with the processor's part of it (art. 30(2)).

use super::facts::Facts;
use super::{Words, or_dash};
use crate::domain::dto::{DocumentSection, PrivacyDocument, SubProcessorView};
use crate::domain::settings::Setting;
use crate::i18n::Key;
use crate::server::audit::ChainReport;
use crate::server::service::local_time;

pub(super) fn build(facts: &Facts, w: Words) -> PrivacyDocument {
    PrivacyDocument {
        title: w.t(Key::RegisterTitle),
        subtitle: subtitle(facts, w),
        sections: vec![
            controller(facts, w),
            processor(facts, w),
            purposes(facts, w),
            subjects(facts, w),
            data(facts, w),
            recipients(facts, w),
            transfers(facts, w),
            retention(facts, w),
            DocumentSection { bullets: measures(facts, w), ..w.section(Key::RegisterMeasures, &[]) },
        ],
    }
}

pub(super) fn subtitle(facts: &Facts, w: Words) -> String {
    let as_of = local_time::shown(facts.as_of, facts.installation.time_zone);
    w.f(Key::RegisterSubtitle, &[("organisation", &facts.organisation.name), ("at", &as_of)])
}

fn controller(facts: &Facts, w: Words) -> DocumentSection {
    let o = &facts.organisation;
    let contact = format!("{} <{}>", o.privacy_contact_name, o.privacy_contact_email);
    let rows = vec![
        vec![w.t(Key::RegisterName), o.name.clone()],
        vec![w.t(Key::RegisterKvk), or_dash(&o.kvk_number)],
        vec![w.t(Key::RegisterAddress), or_dash(&o.address)],
        vec![w.t(Key::RegisterRepresentative), or_dash(&o.representative)],
        vec![w.t(Key::RegisterPrivacyContact), or_dash(contact.trim_matches([' ', '<', '>']))],
    ];
    DocumentSection {
        table: w.table(&[Key::RegisterItem, Key::RegisterValue], rows),
        ..w.section(Key::RegisterController, &[])
    }
}

fn processor(facts: &Facts, w: Words) -> DocumentSection {
    let i = &facts.installation;
    let agreement = match &facts.acceptance {
        Some(a) => w.f(
            Key::RegisterAgreementAccepted,
            &[
                ("version", &a.agreement_version),
                ("date", &a.signed_on.to_string()),
                ("signer", &a.signer_name),
                ("function", &a.signer_function),
            ],
        ),
        None => w.t(Key::RegisterAgreementMissing),
    };
    let rows = vec![
        vec![w.t(Key::RegisterName), or_dash(&i.processor_name)],
        vec![w.t(Key::RegisterAddress), or_dash(&i.processor_address)],
        vec![w.t(Key::RegisterContact), or_dash(&i.processor_contact)],
        vec![w.t(Key::RegisterAgreement), agreement],
    ];
    DocumentSection {
        table: w.table(&[Key::RegisterItem, Key::RegisterValue], rows),
        ..w.section(Key::RegisterProcessor, &[Key::RegisterProcessorIntro])
    }
}

/// What each switched-on feature processes personal data for.
pub(super) fn purposes_of(facts: &Facts, w: Words) -> Vec<String> {
    let mut purposes = vec![w.t(Key::RegisterPurposeAccounts)];
    for feature in &facts.features {
        purposes.push(w.t(match feature {
            Setting::Goals => Key::RegisterPurposeGoals,
            Setting::Feedback => Key::RegisterPurposeFeedback,
            Setting::OneOnOnes => Key::RegisterPurposeOneOnOnes,
            Setting::Reviews => Key::RegisterPurposeReviews,
            _ => Key::RegisterPurposeSurveys,
        }));
    }
    purposes.push(w.t(Key::RegisterPurposeAccountability));
    purposes
}

fn purposes(facts: &Facts, w: Words) -> DocumentSection {
    DocumentSection {
        bullets: purposes_of(facts, w),
        ..w.section(Key::RegisterPurposes, &[Key::RegisterPurposesIntro])
    }
}

fn subjects(facts: &Facts, w: Words) -> DocumentSection {
    let p = &facts.people;
    let row = |key: Key, count: u64| vec![w.t(key), count.to_string()];
    let rows = vec![
        row(Key::RegisterSubjectsEmployees, p.active),
        row(Key::RegisterSubjectsManagers, p.managers),
        row(Key::RegisterSubjectsAdmins, p.admins),
        row(Key::RegisterSubjectsDeactivated, p.deactivated),
        row(Key::RegisterSubjectsExternals, p.externals),
    ];
    DocumentSection {
        table: w.table(&[Key::RegisterCategory, Key::RegisterNumber], rows),
        ..w.section(Key::RegisterSubjects, &[])
    }
}

fn data(facts: &Facts, w: Words) -> DocumentSection {
    let r = &facts.records;
    let people = facts.people.active + facts.people.deactivated;
    let row = |category: Key, what: Key, count: u64| vec![w.t(category), w.t(what), count.to_string()];
    let rows = vec![
        row(Key::RegisterDataIdentity, Key::RegisterDataIdentityWhat, people),
        row(Key::RegisterDataGoals, Key::RegisterDataGoalsWhat, r.goals),
        row(Key::RegisterDataFeedback, Key::RegisterDataFeedbackWhat, r.feedback),
        row(Key::RegisterDataNotes, Key::RegisterDataNotesWhat, r.private_notes),
        row(Key::RegisterDataOneOnOnes, Key::RegisterDataOneOnOnesWhat, r.one_on_ones),
        row(Key::RegisterDataEvaluations, Key::RegisterDataEvaluationsWhat, r.evaluations),
        row(Key::RegisterDataPeerReviews, Key::RegisterDataPeerReviewsWhat, r.peer_reviews),
        row(Key::RegisterDataAudit, Key::RegisterDataAuditWhat, r.audit_entries),
        row(Key::RegisterDataMessages, Key::RegisterDataMessagesWhat, r.messages),
    ];
    DocumentSection {
        table: w.table(&[Key::RegisterCategory, Key::RegisterWhat, Key::RegisterRecords], rows),
        ..w.section(Key::RegisterData, &[Key::RegisterDataIntro])
    }
}

/// The sub-processors as a table: who, for what, which data, where.
pub(super) fn sub_processor_table(
    sub_processors: &[SubProcessorView],
    w: Words,
) -> Option<crate::domain::dto::DocumentTable> {
    let rows = sub_processors
        .iter()
        .map(|s| {
            let place = format!("{} / {}", s.head_office, s.data_location);
            vec![s.name.clone(), s.function.clone(), s.data_categories.clone(), place, w.yes_no(s.in_eea)]
        })
        .collect();
    w.table(
        &[
            Key::RegisterName,
            Key::RegisterFunction,
            Key::RegisterCategories,
            Key::RegisterLocation,
            Key::RegisterEea,
        ],
        rows,
    )
}

fn recipients(facts: &Facts, w: Words) -> DocumentSection {
    DocumentSection {
        table: sub_processor_table(&facts.sub_processors, w),
        ..w.section(Key::RegisterRecipients, &[Key::RegisterRecipientsIntro])
    }
}

fn transfers(facts: &Facts, w: Words) -> DocumentSection {
    let outside: Vec<String> = facts
        .sub_processors
        .iter()
        .filter(|s| !s.in_eea)
        .map(|s| format!("{} ({})", s.name, s.data_location))
        .collect();
    let intro = if outside.is_empty() { Key::RegisterTransfersNone } else { Key::RegisterTransfersSome };
    DocumentSection { bullets: outside, ..w.section(Key::RegisterTransfers, &[intro]) }
}

fn retention(facts: &Facts, w: Words) -> DocumentSection {
    let mut bullets = vec![
        w.t(Key::RegisterRetentionAccounts),
        w.t(Key::RegisterRetentionExports),
        w.t(Key::RegisterRetentionContract),
    ];
    if let (Some(end), Some(destroy_on)) = (facts.organisation.contract_end, facts.organisation.destroy_on) {
        bullets.push(w.f(
            Key::RegisterRetentionEnding,
            &[("end", &end.to_string()), ("destroy_on", &destroy_on.to_string())],
        ));
    }
    DocumentSection { bullets, ..w.section(Key::RegisterRetention, &[]) }
}

/// The technical and organisational measures (DPA Bijlage 3), with what
/// this installation is set to.
pub(super) fn measures(facts: &Facts, w: Words) -> Vec<String> {
    let i = &facts.installation;
    let audit = match &facts.audit {
        Some(ChainReport::Intact { entries, .. }) => {
            w.f(Key::RegisterMeasureAuditIntact, &[("entries", &entries.to_string())])
        }
        Some(ChainReport::Broken { seq, .. }) => {
            w.f(Key::RegisterMeasureAuditBroken, &[("seq", &seq.to_string())])
        }
        None => w.t(Key::RegisterMeasureAuditEmpty),
    };
    vec![
        w.t(Key::RegisterMeasureIsolation),
        w.t(Key::RegisterMeasureEncryption),
        w.t(Key::RegisterMeasurePrivateNotes),
        w.t(Key::RegisterMeasureSecondFactor),
        w.f(
            Key::RegisterMeasureSessions,
            &[
                ("idle", &i.session_idle_minutes.to_string()),
                ("hours", &i.session_absolute_hours.to_string()),
            ],
        ),
        w.t(if i.https { Key::RegisterMeasureHttps } else { Key::RegisterMeasureNoHttps }),
        audit,
        w.t(Key::RegisterMeasureBackups),
        w.t(Key::RegisterMeasureRights),
    ]
}
