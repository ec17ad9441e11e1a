//! What the registers say about an organisation, read from the live
//! configuration and data: its own details, the agreement it accepted, the
//! features it uses, how many people and records of each kind it holds,
//! the sub-processors, and the state of its audit log.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use crate::domain::AppError;
use crate::domain::dto::SubProcessorView;
use crate::domain::ids::OrgId;
use crate::domain::settings::Setting;
use crate::server::audit::{self, ChainReport};
use crate::server::config::Config;
use crate::server::db::internal;
use crate::server::entity::{
    audit_event, dpa_acceptance, feedback, feedback_request_giver, goal, one_on_one, organisation,
    outbound_message, private_note, review_evaluation, review_nomination, user_account,
};
use crate::server::service::{settings, sub_processors};

/// The features a purpose of processing belongs to.
pub const FEATURES: [Setting; 5] =
    [Setting::Goals, Setting::Feedback, Setting::OneOnOnes, Setting::Reviews, Setting::Surveys];

pub struct Facts {
    pub organisation: organisation::Model,
    pub acceptance: Option<dpa_acceptance::Model>,
    /// The features switched on for the organisation.
    pub features: Vec<Setting>,
    pub people: People,
    pub records: Records,
    pub sub_processors: Vec<SubProcessorView>,
    pub audit: Option<ChainReport>,
    pub installation: Installation,
    pub as_of: DateTime<Utc>,
}

pub struct People {
    pub active: u64,
    pub managers: u64,
    pub admins: u64,
    pub deactivated: u64,
    /// People outside the organisation asked for feedback or a review.
    pub externals: u64,
}

pub struct Records {
    pub goals: u64,
    pub feedback: u64,
    pub private_notes: u64,
    pub one_on_ones: u64,
    pub evaluations: u64,
    pub peer_reviews: u64,
    pub audit_entries: u64,
    pub messages: u64,
}

/// How this installation is run, from its configuration.
pub struct Installation {
    pub processor_name: String,
    pub processor_address: String,
    pub processor_contact: String,
    pub session_idle_minutes: u32,
    pub session_absolute_hours: u32,
    pub https: bool,
    pub time_zone: chrono_tz::Tz,
}

impl Installation {
    pub fn of(config: &Config) -> Installation {
        Installation {
            processor_name: config.processor.name.clone(),
            processor_address: config.processor.address.clone(),
            processor_contact: config.processor.contact_email.clone(),
            session_idle_minutes: config.security.session_idle_minutes,
            session_absolute_hours: config.security.session_absolute_hours,
            https: config.site.public_url.is_https(),
            time_zone: config.site.time_zone,
        }
    }
}

pub async fn gather(
    db: &DatabaseConnection,
    org: OrgId,
    installation: Installation,
    now: DateTime<Utc>,
) -> Result<Facts, AppError> {
    let organisation =
        organisation::Entity::find_by_id(org.0).one(db).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    let acceptance = dpa_acceptance::Entity::find()
        .filter(dpa_acceptance::Column::OrgId.eq(org.0))
        .order_by_desc(dpa_acceptance::Column::RecordedAt)
        .one(db)
        .await
        .map_err(internal)?;
    let mut features = Vec::new();
    for feature in FEATURES {
        if settings::for_organisation(db, org, feature).await? == "on" {
            features.push(feature);
        }
    }
    let today = now.with_timezone(&installation.time_zone).date_naive();
    let sub_processors = sub_processors::register(db, Some(org), (today, installation.time_zone)).await?;
    let audit = audit::verify_chain(db, &audit::chain_of(Some(org))).await.map_err(internal)?;
    Ok(Facts {
        organisation,
        acceptance,
        features,
        people: people(db, org).await?,
        records: records(db, org).await?,
        sub_processors,
        audit,
        installation,
        as_of: now,
    })
}

async fn people(db: &DatabaseConnection, org: OrgId) -> Result<People, AppError> {
    let of_org = || user_account::Entity::find().filter(user_account::Column::OrgId.eq(org.0));
    let active = || of_org().filter(user_account::Column::DeactivatedAt.is_null());
    let count = |select: sea_orm::Select<user_account::Entity>| async move {
        select.count(db).await.map_err(internal)
    };
    let externals = feedback_request_giver::Entity::find()
        .filter(feedback_request_giver::Column::OrgId.eq(org.0))
        .filter(feedback_request_giver::Column::ExternalEmail.is_not_null())
        .count(db)
        .await
        .map_err(internal)?
        + review_nomination::Entity::find()
            .filter(review_nomination::Column::OrgId.eq(org.0))
            .filter(review_nomination::Column::ExternalEmail.is_not_null())
            .count(db)
            .await
            .map_err(internal)?;
    Ok(People {
        active: count(active()).await?,
        managers: count(active().filter(user_account::Column::IsManager.eq(true))).await?,
        admins: count(active().filter(user_account::Column::IsAdmin.eq(true))).await?,
        deactivated: count(of_org().filter(user_account::Column::DeactivatedAt.is_not_null())).await?,
        externals,
    })
}

async fn records(db: &DatabaseConnection, org: OrgId) -> Result<Records, AppError> {
    macro_rules! count {
        ($entity:ident) => {
            $entity::Entity::find()
                .filter($entity::Column::OrgId.eq(org.0))
                .count(db)
                .await
                .map_err(internal)?
        };
    }
    Ok(Records {
        goals: count!(goal),
        feedback: count!(feedback),
        private_notes: count!(private_note),
        one_on_ones: count!(one_on_one),
        evaluations: count!(review_evaluation),
        peer_reviews: count!(review_nomination),
        audit_entries: count!(audit_event),
        messages: count!(outbound_message),
    })
}
