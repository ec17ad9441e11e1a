//! Who hears of a breach: the affected organisation's admins, in the app
//! and by e-mail, and its privacy contact by e-mail. Never its other
//! people: telling data subjects is the controller's decision (DPA 7.D).

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::Site;
use crate::domain::AppError;
use crate::domain::ids::OrgId;
use crate::domain::notifications::NotificationKind;
use crate::i18n::Lang;
use crate::server::db::internal;
use crate::server::entity::{breach, breach_tenant, organisation, user_account};
use crate::server::messages::{BreachMail, Mail, breach_notice_mail, breach_update_mail, enqueue_mail};
use crate::server::service::local_time;
use crate::server::service::notifications::{Notice, notify};

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
    tell(db, org, NotificationKind::BreachNotified, &mail, now).await
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
    tell(db, org, NotificationKind::BreachUpdated, &mail, now).await
}

async fn tell(
    db: &impl ConnectionTrait,
    org: OrgId,
    kind: NotificationKind,
    mail: &(dyn Fn(Lang, &str, &str) -> Mail + Sync),
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let admins = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(org.0))
        .filter(user_account::Column::IsAdmin.eq(true))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .all(db)
        .await
        .map_err(internal)?;
    for admin in &admins {
        notify(db, org, admin, Notice::new(kind), |lang, to, name| mail(lang, to, name), now).await?;
    }
    let found = organisation::Entity::find_by_id(org.0).one(db).await.map_err(internal)?;
    let Some(found) = found else { return Ok(()) };
    let contact = found.privacy_contact_email.trim();
    let is_an_admin = admins
        .iter()
        .any(|admin| admin.email.as_deref().is_some_and(|email| email.eq_ignore_ascii_case(contact)));
    if !contact.is_empty() && !is_an_admin {
        let lang = Lang::from_code(&found.default_language).unwrap_or_default();
        let written = mail(lang, contact, &found.privacy_contact_name);
        enqueue_mail(db, Some(org), kind.code(), written, now).await.map_err(internal)?;
    }
    Ok(())
}
