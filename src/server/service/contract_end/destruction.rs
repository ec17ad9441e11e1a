//! Destroying an organisation's data (DPA 8.A), by the job on the day set:
//! first its export files, which hold its data opened, and its data key,
//! so that from that moment nothing sealed under it can be read — in the
//! database, in files or in backups (crypto-shredding) — then every row of
//! every table that holds its data, then its documents in the object store. What stays is the
//! processor's own record: the organisation's name and dates without its
//! contact details, the destroyed key's row, and the declaration of
//! destruction, which is mailed to the privacy contact (8.E).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Asterisk, Expr, ExprTrait, Func, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::DeclarationView;
use crate::domain::ids::OrgId;
use crate::i18n::Lang;
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::{OperatorScope, throttle};
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::{
    audit_chain, destruction_declaration, login_throttle, organisation, user_account,
};
use crate::server::messages::{Declaration, declaration_mail, enqueue_mail};
use crate::server::service::{full_export, local_time, tenant_keys};
use crate::server::storage::Storage;

/// Every table that holds an organisation's rows by `org_id`, in an order
/// in which deleting them one after another breaks no reference. Rows of
/// tables without `org_id` (key results, check-ins, sessions' codes…) hang
/// on one of these and go with it. A test proves the list is complete.
pub(super) const TENANT_TABLES: &[&str] = &[
    "document",
    "notification",
    "outbound_message",
    "session",
    "invitation",
    "feedback_request_giver",
    "feedback_request",
    "private_note",
    "feedback",
    "one_on_one_action",
    "one_on_one_point",
    "one_on_one_meeting",
    "one_on_one",
    "survey_reply",
    "survey_answer",
    "survey_response",
    "survey_participant",
    "survey_round",
    "survey_unit",
    "survey_question",
    "survey",
    "review_calibration",
    "talent_review",
    "review_nomination",
    "review_evaluation",
    "review_moment",
    "review_question",
    "review_form",
    "review_cycle",
    "goal",
    "goal_template",
    "competency",
    "core_value",
    "job_function",
    "org_unit",
    "organisation_setting",
    "dpa_acceptance",
    "sub_processor_objection",
    "breach_tenant",
    "rights_request",
    "organisation_export",
    "support_grant",
    "user_account",
    "audit_event",
];

/// Destroys every organisation whose day of destruction has come; says how many.
pub async fn destroy_due(
    db: &DatabaseConnection,
    (keys, storage): (&Keyring, &Storage),
    time_zone: chrono_tz::Tz,
    data_directory: &std::path::Path,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let today = now.with_timezone(&time_zone).date_naive();
    let due = organisation::Entity::find()
        .filter(organisation::Column::DestroyOn.lte(today))
        .filter(organisation::Column::DestroyedAt.is_null())
        .all(db)
        .await
        .map_err(internal)?;
    for org in &due {
        full_export::discard_all(data_directory, OrgId(org.id))?;
        destroy(db, keys, org, time_zone, now).await?;
        // Unreadable already (their keys were in the rows, under the
        // destroyed key), the organisation's files now leave the store.
        storage.delete_all_under(&org.id.to_string()).await.map_err(|error| {
            tracing::error!(%error, org = %org.id, "the organisation's documents could not be deleted");
            AppError::Internal
        })?;
    }
    Ok(due.len())
}

async fn destroy(
    db: &DatabaseConnection,
    keys: &Keyring,
    org: &organisation::Model,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let id = OrgId(org.id);
    let key_fingerprint = keys.store.fingerprint(id).unwrap_or_default();
    tenant_keys::destroy(db, keys, id, now).await.map_err(|error| {
        tracing::error!(%error, org = %id, "the data key could not be destroyed");
        AppError::Internal
    })?;
    let sign_in_traces = sign_in_traces(db, id).await?;
    let txn = db.begin().await.map_err(internal)?;
    let mut counts = Vec::new();
    for table in TENANT_TABLES {
        counts.push(((*table).to_owned(), rows_of(&txn, table, id).await?));
    }
    // Units refer to their parent unit, a reference that forbids deleting
    // a parent before its children: undo the tree first.
    let loosen = Query::update()
        .table(Alias::new("org_unit"))
        .value(Alias::new("parent_id"), Option::<uuid::Uuid>::None)
        .and_where(Expr::col(Alias::new("org_id")).eq(id.0))
        .to_owned();
    txn.execute(&loosen).await.map_err(internal)?;
    for table in TENANT_TABLES {
        let delete = Query::delete()
            .from_table(Alias::new(*table))
            .and_where(Expr::col(Alias::new("org_id")).eq(id.0))
            .to_owned();
        txn.execute(&delete).await.map_err(internal)?;
    }
    audit_chain::Entity::delete_by_id(audit::chain_of(Some(id))).exec(&txn).await.map_err(internal)?;
    login_throttle::Entity::delete_many()
        .filter(login_throttle::Column::Key.is_in(sign_in_traces))
        .exec(&txn)
        .await
        .map_err(internal)?;
    let contact = (org.privacy_contact_email.trim().to_owned(), org.privacy_contact_name.clone());
    organisation::ActiveModel {
        id: Set(org.id),
        kvk_number: Set(String::new()),
        address: Set(String::new()),
        representative: Set(String::new()),
        privacy_contact_name: Set(String::new()),
        privacy_contact_email: Set(String::new()),
        destroyed_at: Set(Some(now)),
        ..Default::default()
    }
    .update(&txn)
    .await
    .map_err(internal)?;
    let contract_end = org.contract_end.or(org.destroy_on).unwrap_or_else(|| now.date_naive());
    destruction_declaration::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        org_id: Set(org.id),
        organisation_name: Set(org.name.clone()),
        contract_end: Set(contract_end),
        destroyed_at: Set(now),
        key_fingerprint: Set(key_fingerprint.clone()),
        counts: Set(serde_json::to_string(&counts).unwrap_or_default()),
        sent_to: Set(contact.0.clone()),
    }
    .insert(&txn)
    .await
    .map_err(internal)?;
    if !contact.0.is_empty() {
        let destroyed_at = local_time::shown(now, time_zone);
        let contract_end = contract_end.to_string();
        let declaration = Declaration {
            organisation: &org.name,
            contract_end: &contract_end,
            destroyed_at: &destroyed_at,
            key_fingerprint: &key_fingerprint,
            counts: &counts,
        };
        let lang = Lang::from_code(&org.default_language).unwrap_or_default();
        let mail = declaration_mail(lang, &contact.0, &contact.1, &declaration);
        // Kept apart from the organisation, whose messages are destroyed.
        enqueue_mail(&txn, None, "destruction_declaration", mail, now).await.map_err(internal)?;
    }
    txn.commit().await.map_err(internal)?;
    let entry = AuditEntry::system(None, AuditAction::OrganisationDestroyed).on("organisation", id);
    audit::record(db, entry, now).await.map_err(internal)?;
    tracing::info!(org = %id, "organisation destroyed");
    Ok(())
}

/// The throttle rows that name the organisation's people: their sign-in
/// names and second-factor attempts.
async fn sign_in_traces(db: &DatabaseConnection, org: OrgId) -> Result<Vec<String>, AppError> {
    let people = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(org.0))
        .all(db)
        .await
        .map_err(internal)?;
    Ok(people
        .into_iter()
        .flat_map(|person| {
            let holder = crate::server::auth::session::Holder::User { user: person.id, org: org.0 };
            [person.email, person.username]
                .into_iter()
                .flatten()
                .map(|name| throttle::account_key(&name))
                .chain([throttle::second_factor_key(holder)])
                .collect::<Vec<_>>()
        })
        .collect())
}

async fn rows_of(db: &impl ConnectionTrait, table: &str, org: OrgId) -> Result<u64, AppError> {
    let count = Query::select()
        .expr_as(Func::count(Expr::col(Asterisk)), Alias::new("n"))
        .from(Alias::new(table))
        .and_where(Expr::col(Alias::new("org_id")).eq(org.0))
        .to_owned();
    let row = db.query_one(&count).await.map_err(internal)?;
    let n: i64 = row.map(|row| row.try_get("", "n")).transpose().map_err(internal)?.unwrap_or_default();
    Ok(u64::try_from(n).unwrap_or_default())
}

/// The declaration of destruction of `org`, for the operator console.
pub async fn declaration(
    db: &DatabaseConnection,
    _operator: &OperatorScope,
    org: OrgId,
    time_zone: chrono_tz::Tz,
) -> Result<Option<DeclarationView>, AppError> {
    let found = destruction_declaration::Entity::find()
        .filter(destruction_declaration::Column::OrgId.eq(org.0))
        .one(db)
        .await
        .map_err(internal)?;
    Ok(found.map(|d| DeclarationView {
        organisation: d.organisation_name,
        contract_end: d.contract_end.to_string(),
        destroyed_at: local_time::shown(d.destroyed_at, time_zone),
        key_fingerprint: d.key_fingerprint,
        counts: serde_json::from_str(&d.counts).unwrap_or_default(),
        sent_to: (!d.sent_to.is_empty()).then_some(d.sent_to),
    }))
}
