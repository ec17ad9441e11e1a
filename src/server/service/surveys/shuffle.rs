//! Closing a round rewrites its responses and answers in a random order,
//! in the closing transaction, and fixes each response's groups.
//!
//! The groups: each response gets its unit and the units above it as the
//! organisation stands at closing, and its respondent's function, as plain
//! values. The results of a closed round are judged on these alone, so a
//! later reorganisation, or deleting a unit or function, never moves an
//! answer from one group to another: two views of the same round taken
//! before and after could otherwise be subtracted.
//!
//! The order: While a round is open, the database's own
//! bookkeeping could tie an answer to the moment someone's participation
//! changed: on SQLite the order rows were written in (`rowid`), on
//! PostgreSQL the transaction that wrote them (`xmin`) and their place on
//! disk. Once closed, every live row of the round was written by the same
//! transaction in an order that says nothing, and each response has a new
//! random id. Answers keep their own ids, which their sealed comments are
//! bound to. (Deleted row versions stay in the database file until it is
//! vacuumed, and in backups taken while the round was open.)

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect, QueryTrait,
};

use crate::domain::AppError;
use crate::domain::ids::UnitId;
use crate::server::auth::reach::Structure;
use crate::server::db::internal;
use crate::server::entity::{survey_answer, survey_response};

/// Rows per insert, well below SQLite's limit on bound values.
const BATCH: usize = 500;

pub(super) async fn shuffle_responses(
    db: &impl ConnectionTrait,
    round: uuid::Uuid,
    structure: &Structure,
) -> Result<(), AppError> {
    let responses = survey_response::Entity::find()
        .filter(survey_response::Column::RoundId.eq(round))
        .all(db)
        .await
        .map_err(internal)?;
    if responses.is_empty() {
        return Ok(());
    }
    let of_round = survey_response::Entity::find()
        .select_only()
        .column(survey_response::Column::Id)
        .filter(survey_response::Column::RoundId.eq(round))
        .into_query();
    let answers = survey_answer::Entity::find()
        .filter(survey_answer::Column::ResponseId.in_subquery(of_round))
        .all(db)
        .await
        .map_err(internal)?;
    // Deleting a response deletes its answers with it. Closing comes before
    // any reply (replies need a closed round), so none is lost.
    survey_response::Entity::delete_many()
        .filter(survey_response::Column::RoundId.eq(round))
        .exec(db)
        .await
        .map_err(internal)?;
    let mut renamed: Vec<(uuid::Uuid, survey_response::Model)> =
        responses.into_iter().map(|response| (uuid::Uuid::new_v4(), response)).collect();
    // Random ids in order are a random order.
    renamed.sort_by_key(|(new_id, _)| *new_id);
    let new_id_of: std::collections::HashMap<uuid::Uuid, uuid::Uuid> =
        renamed.iter().map(|(new_id, response)| (response.id, *new_id)).collect();
    let new_responses: Vec<survey_response::ActiveModel> = renamed
        .into_iter()
        .map(|(new_id, response)| {
            let units = response.unit_id.map(|unit| structure.ancestry(UnitId(unit))).unwrap_or_default();
            survey_response::Model {
                id: new_id,
                units_at_close: Some(units_to_text(&units)),
                function_at_close: response.function_id,
                ..response
            }
            .into_active_model()
        })
        .collect();
    insert_in_batches::<survey_response::Entity>(db, new_responses).await?;
    let mut moved: Vec<survey_answer::Model> = answers
        .into_iter()
        .filter_map(|answer| {
            new_id_of
                .get(&answer.response_id)
                .map(|new_id| survey_answer::Model { response_id: *new_id, ..answer })
        })
        .collect();
    moved.sort_by_cached_key(|answer| (answer.response_id, uuid::Uuid::new_v4()));
    insert_in_batches::<survey_answer::Entity>(
        db,
        moved.into_iter().map(IntoActiveModel::into_active_model).collect(),
    )
    .await
}

async fn insert_in_batches<E: EntityTrait>(
    db: &impl ConnectionTrait,
    rows: Vec<E::ActiveModel>,
) -> Result<(), AppError> {
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<E::ActiveModel> = rows.by_ref().take(BATCH).collect();
        E::insert_many(batch).exec_without_returning(db).await.map_err(internal)?;
    }
    Ok(())
}

/// A unit chain as stored at closing: ids separated by commas.
fn units_to_text(units: &[UnitId]) -> String {
    units.iter().map(|unit| unit.0.to_string()).collect::<Vec<_>>().join(",")
}

/// The unit chain stored at closing; an id that does not read is skipped.
pub(super) fn units_from_text(text: &str) -> Vec<UnitId> {
    text.split(',').filter_map(|id| id.parse().ok()).map(UnitId).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_chain_reads_back_as_written_and_no_unit_as_none() {
        let chain = [UnitId(uuid::Uuid::new_v4()), UnitId(uuid::Uuid::new_v4())];
        assert_eq!(units_from_text(&units_to_text(&chain)), chain);
        assert_eq!(units_from_text(&units_to_text(&[])), []);
    }
}
