//! Organisations (tenants, the controllers under the processing agreement).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};

use super::tenant_keys::{self, TenantKeyError};
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{ContractState, DpaSignature, OrganisationDetails, OrganisationSummary};
use crate::domain::ids::OrgId;
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::OperatorScope;
use crate::server::crypto::Keyring;
use crate::server::entity::{dpa_acceptance, operator_account, organisation};

/// Creates an organisation with only a name, together with its data key (so
/// no content of it can ever be stored unencrypted). For the demo data and
/// tests; the operator console adds organisations through `onboarding`.
pub async fn create(
    db: &DatabaseConnection,
    keys: &Keyring,
    name: &str,
    now: DateTime<Utc>,
) -> Result<OrgId, TenantKeyError> {
    let org = OrgId(uuid::Uuid::now_v7());
    let txn = db.begin().await?;
    organisation::ActiveModel {
        id: Set(org.0),
        name: Set(name.to_owned()),
        default_language: Set("nl".to_owned()),
        created_at: Set(now),
        kvk_number: Set(String::new()),
        address: Set(String::new()),
        representative: Set(String::new()),
        privacy_contact_name: Set(String::new()),
        privacy_contact_email: Set(String::new()),
        languages: Set("nl,en".to_owned()),
        contract_start: Set(None),
        contract_end: Set(None),
        destroy_on: Set(None),
        destroyed_at: Set(None),
        survey_threshold: Set(crate::domain::anonymity::DEFAULT_THRESHOLD as i32),
    }
    .insert(&txn)
    .await?;
    tenant_keys::insert(&txn, keys, org, now).await?;
    txn.commit().await?;
    for action in [AuditAction::OrganisationCreated, AuditAction::TenantKeyCreated] {
        audit::record(db, AuditEntry::system(Some(org), action).on("organisation", org), now).await?;
    }
    Ok(org)
}

/// Every organisation, for the operator console: names and dates, no content.
pub async fn list(
    db: &DatabaseConnection,
    _operator: &OperatorScope,
    local: (NaiveDate, chrono_tz::Tz),
) -> Result<Vec<OrganisationSummary>, AppError> {
    let organisations =
        organisation::Entity::find().order_by_asc(organisation::Column::Name).all(db).await.map_err(
            |error| {
                tracing::error!(%error, "organisations could not be listed");
                AppError::Internal
            },
        )?;
    Ok(organisations
        .into_iter()
        .map(|o| OrganisationSummary {
            contract: contract_state(&o, local),
            id: OrgId(o.id),
            name: o.name,
            created_on: o.created_at.format("%Y-%m-%d").to_string(),
        })
        .collect())
}

/// One organisation's contract details and DPA signature, for the operator
/// console; `not_found` for an unknown id.
pub async fn details(
    db: &DatabaseConnection,
    operator: &OperatorScope,
    org: OrgId,
    (today, time_zone): (NaiveDate, chrono_tz::Tz),
) -> Result<OrganisationDetails, AppError> {
    let found = organisation::Entity::find_by_id(org.0).one(db).await.map_err(crate::server::db::internal)?;
    let found = found.ok_or(AppError::NotFound)?;
    let signature = dpa_acceptance::Entity::find()
        .filter(dpa_acceptance::Column::OrgId.eq(org.0))
        .order_by_desc(dpa_acceptance::Column::RecordedAt)
        .one(db)
        .await
        .map_err(crate::server::db::internal)?;
    let signature = match signature {
        Some(s) => {
            let by = operator_account::Entity::find_by_id(s.recorded_by)
                .one(db)
                .await
                .map_err(crate::server::db::internal)?
                .map(|o| o.name)
                .unwrap_or_default();
            Some(DpaSignature {
                agreement_version: s.agreement_version,
                signer_name: s.signer_name,
                signer_function: s.signer_function,
                signed_on: s.signed_on.format("%Y-%m-%d").to_string(),
                signed_at: s.signed_at,
                recorded_at: s.recorded_at.format("%Y-%m-%d %H:%M").to_string(),
                recorded_by: by,
            })
        }
        None => None,
    };
    let declaration = super::contract_end::declaration(db, operator, org, time_zone).await?;
    Ok(OrganisationDetails {
        contract: contract_state(&found, (today, time_zone)),
        declaration,
        id: org,
        name: found.name,
        kvk_number: found.kvk_number,
        address: found.address,
        representative: found.representative,
        privacy_contact_name: found.privacy_contact_name,
        privacy_contact_email: found.privacy_contact_email,
        contract_start: found.contract_start.map(|d| d.format("%Y-%m-%d").to_string()),
        languages: found.languages.split(',').filter(|l| !l.is_empty()).map(ToOwned::to_owned).collect(),
        signature,
    })
}

/// Where `org` stands against the end of its contract on `today` (DPA 8).
fn contract_state(
    org: &organisation::Model,
    (today, time_zone): (NaiveDate, chrono_tz::Tz),
) -> ContractState {
    let day = |date: NaiveDate| date.format("%Y-%m-%d").to_string();
    match (org.destroyed_at, org.contract_end, org.destroy_on) {
        (Some(at), _, _) => ContractState::Destroyed { on: day(at.with_timezone(&time_zone).date_naive()) },
        (None, Some(end), Some(destroy_on)) if end <= today => {
            ContractState::ReadOnly { until: day(destroy_on) }
        }
        (None, Some(end), _) => ContractState::Ending { on: day(end) },
        (None, None, _) => ContractState::Active,
    }
}
