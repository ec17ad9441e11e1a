//! The information pack the processor gives the controller for its data
//! protection impact assessment (DPA 3.H): what Koers processes and why,
//! who sees what, where data goes, the risks to the people concerned and
//! the measures against them.

use super::facts::Facts;
use super::register::{measures, purposes_of, sub_processor_table, subtitle};
use super::{Words, or_dash};
use crate::domain::dto::{DocumentSection, PrivacyDocument};
use crate::i18n::Key;

pub(super) fn build(facts: &Facts, w: Words) -> PrivacyDocument {
    PrivacyDocument {
        title: w.t(Key::DpiaTitle),
        subtitle: subtitle(facts, w),
        sections: vec![
            DocumentSection {
                bullets: purposes_of(facts, w),
                ..w.section(Key::DpiaDescription, &[Key::DpiaDescriptionText])
            },
            access(w),
            DocumentSection {
                table: sub_processor_table(&facts.sub_processors, w),
                ..w.section(Key::DpiaFlows, &[Key::DpiaFlowsText])
            },
            risks(w),
            DocumentSection { bullets: measures(facts, w), ..w.section(Key::RegisterMeasures, &[]) },
            DocumentSection {
                bullets: [
                    Key::DpiaRightsAccess,
                    Key::DpiaRightsRectify,
                    Key::DpiaRightsRestrict,
                    Key::DpiaRightsErase,
                    Key::DpiaRightsExport,
                ]
                .iter()
                .map(|key| w.t(*key))
                .collect(),
                ..w.section(Key::DpiaRights, &[])
            },
            contact(facts, w),
        ],
    }
}

fn access(w: Words) -> DocumentSection {
    let rows = [
        (Key::DpiaRoleEmployee, Key::DpiaRoleEmployeeSees),
        (Key::DpiaRoleManager, Key::DpiaRoleManagerSees),
        (Key::DpiaRoleHr, Key::DpiaRoleHrSees),
        (Key::DpiaRoleAdmin, Key::DpiaRoleAdminSees),
        (Key::DpiaRoleAuditor, Key::DpiaRoleAuditorSees),
        (Key::DpiaRoleOperator, Key::DpiaRoleOperatorSees),
    ]
    .iter()
    .map(|(role, sees)| vec![w.t(*role), w.t(*sees)])
    .collect();
    DocumentSection {
        table: w.table(&[Key::DpiaRole, Key::DpiaSees], rows),
        ..w.section(Key::DpiaAccess, &[])
    }
}

fn risks(w: Words) -> DocumentSection {
    let rows = [
        (Key::DpiaRiskColleagues, Key::DpiaMeasureColleagues),
        (Key::DpiaRiskProcessor, Key::DpiaMeasureProcessor),
        (Key::DpiaRiskTheft, Key::DpiaMeasureTheft),
        (Key::DpiaRiskTakeover, Key::DpiaMeasureTakeover),
        (Key::DpiaRiskJudgement, Key::DpiaMeasureJudgement),
        (Key::DpiaRiskRetention, Key::DpiaMeasureRetention),
        (Key::DpiaRiskBreach, Key::DpiaMeasureBreach),
    ]
    .iter()
    .map(|(risk, measure)| vec![w.t(*risk), w.t(*measure)])
    .collect();
    DocumentSection {
        table: w.table(&[Key::DpiaRisk, Key::DpiaMeasure], rows),
        ..w.section(Key::DpiaRisks, &[Key::DpiaRisksIntro])
    }
}

fn contact(facts: &Facts, w: Words) -> DocumentSection {
    let i = &facts.installation;
    let text = w.f(
        Key::DpiaContactText,
        &[("name", &or_dash(&i.processor_name)), ("email", &or_dash(&i.processor_contact))],
    );
    DocumentSection { paragraphs: vec![text], ..w.section(Key::DpiaContact, &[]) }
}
