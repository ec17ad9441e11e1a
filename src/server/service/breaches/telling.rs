//! What a breach notice and a follow-up say. They go to the affected
//! organisation's admins and privacy contact only, never its other people:
//! telling data subjects is the controller's decision (DPA 7.D).

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;

use crate::domain::AppError;
use crate::domain::ids::OrgId;
use crate::domain::notifications::NotificationKind;
use crate::server::entity::{breach, breach_tenant};
use crate::server::messages::{BreachMail, breach_notice_mail, breach_update_mail};
use crate::server::service::local_time;
use crate::server::service::notifications::tell_organisation;
use crate::server::service::site::Site;

/// The notice of 7.A to one organisation, with its own numbers.
pub(super) async fn notice(
    db: &impl ConnectionTrait,
    org: OrgId,
    (incident, affected): (&breach::Model, &breach_tenant::Model),
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let discovered = local_time::shown(incident.discovered_at, site.time_zone);
    let (subjects, records) = (affected.subjects_approx.to_string(), affected.records_approx.to_string());
    let facts = BreachMail {
        discovered: &discovered,
        nature: &incident.nature,
        subjects: (&affected.subject_categories, &subjects),
        records: (&affected.record_categories, &records),
        consequences: &incident.consequences,
        measures: &incident.measures,
        contact_point: &incident.contact_point,
    };
    let link = format!("{}/privacy/breaches", site.public_url);
    let mail = |lang, to: &str, name: &str| breach_notice_mail(lang, to, name, &facts, &link);
    tell_organisation(db, org, NotificationKind::BreachNotified, &mail, now).await
}

/// A follow-up (7.C) to one organisation told of the incident before.
pub(super) async fn update(
    db: &impl ConnectionTrait,
    org: OrgId,
    (incident, body): (&breach::Model, &str),
    site: Site<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let discovered = local_time::shown(incident.discovered_at, site.time_zone);
    let link = format!("{}/privacy/breaches", site.public_url);
    let mail = |lang, to: &str, name: &str| breach_update_mail(lang, to, name, (&discovered, body), &link);
    tell_organisation(db, org, NotificationKind::BreachUpdated, &mail, now).await
}
