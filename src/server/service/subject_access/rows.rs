//! Rows of any table as JSON objects for the subject-access export. Every
//! entity serialises itself; here sealed columns are opened, secrets left
//! out, and people's ids turned into their names.

use std::collections::HashSet;

use sea_orm::{DatabaseConnection, EntityTrait, QueryFilter, sea_query::IntoCondition};
use serde::Serialize;
use serde_json::Value;

use crate::domain::AppError;
use crate::server::crypto::{Purpose, TenantCipher};
use crate::server::db::internal;
use crate::server::service::names::Names;

/// One row: column name to value.
pub type Row = serde_json::Map<String, Value>;

/// Columns never exported (`HIDDEN.contains`): secrets that tell the person nothing and would
/// weaken their account if the file went astray, the audit chain's hashes,
/// the organisation's id that every row repeats, a message's HTML, whose
/// text body says the same, and unsent survey answers.
pub const HIDDEN: &[&str] = &[
    "password_hash",
    "token_hash",
    "code_hash",
    "sealed_secret",
    // A document's own key, sealed: the file itself is exported instead.
    "file_key",
    "org_id",
    "prev_hash",
    "hash",
    "html_body",
    // A survey answer not yet sent, under the person's name: shown to
    // nobody, so it can never be matched to the anonymous response (issue 9).
    "draft",
];

/// Columns that hold the id of a person of the organisation; the export
/// shows that person's name instead.
pub const PERSON_COLUMNS: &[&str] = &[
    "about_user_id",
    "actor_id",
    "approved_by",
    "author_id",
    "changed_by",
    "created_by",
    "decided_by",
    "employee_id",
    "giver_id",
    "manager_acknowledged_by",
    "manager_id",
    "offboarding_successor",
    "owner_id",
    "person_id",
    "placed_by",
    "recipient_id",
    "reopened_by",
    "requester_id",
    "reviewer_id",
    "uploaded_by",
    "user_id",
];

/// The rows of `E` that match `filter`, with secrets left out and sealed
/// columns opened.
pub async fn rows<E>(
    db: &DatabaseConnection,
    cipher: &TenantCipher,
    filter: impl IntoCondition,
) -> Result<Vec<Row>, AppError>
where
    E: EntityTrait + Default,
    E::Model: Serialize,
{
    let table = E::default().table_name().to_owned();
    let models = E::find().filter(filter).all(db).await.map_err(internal)?;
    models.iter().map(|model| readable(&table, model, cipher)).collect()
}

/// One row as JSON, secrets left out and sealed columns opened.
pub fn readable(table: &str, model: &impl Serialize, cipher: &TenantCipher) -> Result<Row, AppError> {
    let Ok(Value::Object(raw)) = serde_json::to_value(model) else { return Err(AppError::Internal) };
    let mut row = Row::new();
    for (column, value) in &raw {
        if HIDDEN.contains(&column.as_str()) {
            continue;
        }
        let value = match bytes_of(value) {
            Some(sealed) => open(table, column, &raw, cipher, &sealed)?,
            None => value.clone(),
        };
        row.insert(column.clone(), value);
    }
    Ok(row)
}

/// A byte column serialises as an array of numbers; nothing else does.
fn bytes_of(value: &Value) -> Option<Vec<u8>> {
    let items = value.as_array()?;
    items.iter().map(|item| item.as_u64().and_then(|n| u8::try_from(n).ok())).collect()
}

/// A sealed column's text; text that is itself JSON (a form's answers)
/// stays structured.
fn open(
    table: &str,
    column: &str,
    row: &Row,
    cipher: &TenantCipher,
    sealed: &[u8],
) -> Result<Value, AppError> {
    let record = record_of(table, column, row).ok_or(AppError::Internal)?;
    let text = cipher.open_text(purpose_of(table), &record, sealed).map_err(|error| {
        tracing::error!(%error, table, column, "a sealed value for the export does not open");
        AppError::Internal
    })?;
    Ok(match serde_json::from_str::<Value>(&text) {
        Ok(structured @ (Value::Object(_) | Value::Array(_))) => structured,
        _ => Value::String(text),
    })
}

fn purpose_of(table: &str) -> Purpose {
    match table {
        "feedback" => Purpose::Feedback,
        "feedback_request" | "feedback_request_giver" => Purpose::FeedbackRequest,
        "private_note" => Purpose::PrivateNote,
        "one_on_one_meeting" | "one_on_one_point" | "one_on_one_action" => Purpose::Conversation,
        "goal" | "key_result" | "goal_check_in" | "goal_plan" | "goal_template" => Purpose::Goal,
        "survey_participant" | "survey_answer" | "survey_reply" => Purpose::SurveyComment,
        "document" => Purpose::Document,
        _ => Purpose::Evaluation,
    }
}

/// The associated data a value was sealed with: `table/id/column`, but for
/// the few records whose services name them otherwise.
fn record_of(table: &str, column: &str, row: &Row) -> Option<String> {
    let text = |name: &str| row.get(name).and_then(Value::as_str).map(str::to_owned);
    let id = text("id");
    match (table, column) {
        ("goal_check_in", _) => Some(format!("check_in/{}/{column}", id?)),
        ("goal_plan", _) => {
            Some(format!("plan/{}/{}/{column}", text("owner_id")?, row.get("year")?.as_i64()?))
        }
        ("feedback_request_giver", "external_name") => Some(format!("{table}/{}/name", id?)),
        ("feedback_request_giver", "external_email") => Some(format!("{table}/{}/email", id?)),
        ("private_note", _) => Some(format!("note/{}/{column}", id?)),
        ("goal_template", _) => Some(format!("template/{}/{column}", id?)),
        ("survey_participant", _) => {
            Some(format!("{table}/{}/{}/{column}", text("round_id")?, text("user_id")?))
        }
        _ => Some(format!("{table}/{}/{column}", id?)),
    }
}

/// The ids of `rows`.
pub fn ids(rows: &[Row]) -> Vec<uuid::Uuid> {
    rows.iter().filter_map(|row| row.get("id")?.as_str()?.parse().ok()).collect()
}

/// Every person's id in `rows` replaced by their name; an id that names
/// nobody of the organisation (an operator's, say) stays as it is.
pub async fn name_people(db: &DatabaseConnection, rows: &mut [&mut Row]) -> Result<(), AppError> {
    let person_id = |value: &Value| value.as_str().and_then(|text| text.parse::<uuid::Uuid>().ok());
    let ids: HashSet<uuid::Uuid> = rows
        .iter()
        .flat_map(|row| PERSON_COLUMNS.iter().filter_map(|column| row.get(*column).and_then(person_id)))
        .collect();
    let names = Names::of(db, ids).await?;
    for row in rows.iter_mut() {
        for column in PERSON_COLUMNS {
            let name = row.get(*column).and_then(person_id).map(|id| names.name(id));
            if let Some(name) = name.filter(|name| !name.is_empty()) {
                row.insert((*column).to_owned(), Value::String(name));
            }
        }
    }
    Ok(())
}
