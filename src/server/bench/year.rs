//! A year of data for the benchmark organisation, written in bulk: per
//! person three goals with two key results and four check-ins each, six
//! pieces of feedback received, a private note and a dozen notifications,
//! all sealed as the services seal them. What the full-export benchmark
//! exports.

use chrono::{DateTime, Datelike, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, TransactionTrait,
};

use crate::domain::AppError;
use crate::domain::goals::{GoalKind, GoalStatus, GoalVisibility};
use crate::domain::ids::OrgId;
use crate::server::crypto::{Keyring, Purpose, TenantCipher};
use crate::server::db::internal;
use crate::server::entity::{
    feedback, goal, goal_check_in, key_result, notification, private_note, user_account,
};
use crate::server::service::tenant_keys;

/// People whose rows go into one transaction.
const BATCH: usize = 200;

/// Adds the year for every person of `org`; says how many rows it wrote.
pub async fn add_year(
    db: &DatabaseConnection,
    keys: &Keyring,
    org: OrgId,
    now: DateTime<Utc>,
) -> Result<u64, AppError> {
    let cipher = tenant_keys::content_cipher(db, keys, org).await?;
    let people: Vec<uuid::Uuid> = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(org.0))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|person| person.id)
        .collect();
    let mut written = 0;
    for (batch, chunk) in people.chunks(BATCH).enumerate() {
        let txn = db.begin().await.map_err(internal)?;
        for (offset, person) in chunk.iter().enumerate() {
            let n = batch * BATCH + offset;
            let colleague = people[(n + 1) % people.len()];
            written += person_year(&txn, &cipher, org, *person, colleague, now).await?;
        }
        txn.commit().await.map_err(internal)?;
    }
    Ok(written)
}

async fn person_year(
    db: &impl sea_orm::ConnectionTrait,
    cipher: &TenantCipher,
    org: OrgId,
    person: uuid::Uuid,
    colleague: uuid::Uuid,
    now: DateTime<Utc>,
) -> Result<u64, AppError> {
    let mut rows = 0;
    let seal = |purpose, record: String, text: &str| cipher.seal_text(purpose, &record, text);
    for g in 0..3 {
        let id = uuid::Uuid::now_v7();
        let field = |name: &str, text: &str| seal(Purpose::Goal, format!("goal/{id}/{name}"), text);
        goal::ActiveModel {
            id: Set(id),
            org_id: Set(org.0),
            kind: Set(if g == 2 { GoalKind::Development } else { GoalKind::Performance }.code().to_owned()),
            owner_id: Set(Some(person)),
            unit_id: Set(None),
            parent_id: Set(None),
            competency_id: Set(None),
            value_id: Set(None),
            template_id: Set(None),
            year: Set(now.year()),
            title: Set(field("title", &format!("Doel {} voor dit jaar", g + 1))),
            description: Set(field(
                "description",
                "Samen met het team de wachttijd voor cliënten verkorten.",
            )),
            target: Set(field("target", "Wachttijd onder de tien dagen")),
            due_on: Set(Some((now + Duration::days(120 * (g + 1))).date_naive())),
            status: Set(GoalStatus::OnTrack.code().to_owned()),
            visibility: Set(GoalVisibility::Manager.code().to_owned()),
            progress: Set(25 * i32::try_from(g).unwrap_or(0)),
            created_by: Set(person),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(db)
        .await
        .map_err(internal)?;
        for position in 0..2 {
            let result = uuid::Uuid::now_v7();
            key_result::ActiveModel {
                id: Set(result),
                goal_id: Set(id),
                position: Set(position),
                title: Set(seal(
                    Purpose::Goal,
                    format!("key_result/{result}/title"),
                    "Tevredenheid van cliënten",
                )),
                start_value: Set(0.0),
                target_value: Set(100.0),
                current_value: Set(40.0),
            }
            .insert(db)
            .await
            .map_err(internal)?;
        }
        for month in 0..4 {
            let check_in = uuid::Uuid::now_v7();
            goal_check_in::ActiveModel {
                id: Set(check_in),
                goal_id: Set(id),
                author_id: Set(person),
                status: Set(GoalStatus::OnTrack.code().to_owned()),
                progress: Set(10 * (month + 1)),
                comment: Set(seal(
                    Purpose::Goal,
                    format!("check_in/{check_in}/comment"),
                    "Loopt volgens plan.",
                )),
                values: Set("{}".to_owned()),
                created_at: Set(now - Duration::days(30 * i64::from(4 - month))),
            }
            .insert(db)
            .await
            .map_err(internal)?;
        }
        rows += 1 + 2 + 4;
    }
    for _ in 0..6 {
        let id = uuid::Uuid::now_v7();
        feedback::ActiveModel {
            id: Set(id),
            org_id: Set(org.0),
            giver_id: Set(Some(colleague)),
            recipient_id: Set(person),
            visibility: Set("recipient".to_owned()),
            goal_id: Set(None),
            competency_id: Set(None),
            value_id: Set(None),
            body: Set(seal(
                Purpose::Feedback,
                format!("feedback/{id}/body"),
                "Fijn hoe je het overleg voorbereidde.",
            )),
            created_at: Set(now),
        }
        .insert(db)
        .await
        .map_err(internal)?;
    }
    let note = uuid::Uuid::now_v7();
    private_note::ActiveModel {
        id: Set(note),
        org_id: Set(org.0),
        author_id: Set(colleague),
        subject_id: Set(person),
        body: Set(seal(
            Purpose::PrivateNote,
            format!("note/{note}/body"),
            "Bespreken in het volgende gesprek.",
        )),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    for month in 0..12 {
        notification::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            org_id: Set(org.0),
            user_id: Set(person),
            kind: Set("goal_due_soon".to_owned()),
            about_user_id: Set(None),
            goal_id: Set(None),
            year: Set(None),
            created_at: Set(now - Duration::days(30 * month)),
            read_at: Set(Some(now)),
        }
        .insert(db)
        .await
        .map_err(internal)?;
    }
    Ok(rows + 6 + 1 + 12)
}
