//! Documents leaving with the exports (issue 10): the full export and the
//! access export carry each file itself, opened, next to its row.

use futures::StreamExt;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::opened;
use crate::domain::AppError;
use crate::domain::ids::UserId;
use crate::server::crypto::TenantCipher;
use crate::server::db::internal;
use crate::server::entity::{document, goal, review_evaluation};
use crate::server::storage::Storage;

/// Writes the files of `rows`, opened, into `zip` as
/// `documents/{id}/{name}`, piece by piece as they come from the store:
/// how the full export and the access export carry them.
pub async fn into_zip<W: std::io::Write + std::io::Seek>(
    zip: &mut zip::ZipWriter<W>,
    (cipher, storage): (&TenantCipher, &Storage),
    rows: &[document::Model],
) -> Result<(), AppError> {
    fn failed(error: impl std::fmt::Display) -> AppError {
        tracing::error!(%error, "writing documents into a zip failed");
        AppError::Internal
    }
    for row in rows {
        let file = opened(cipher, storage, row).await?;
        let options = zip::write::SimpleFileOptions::default().large_file(file.size > u64::from(u32::MAX));
        zip.start_file(format!("documents/{}/{}", row.id, file.name), options).map_err(failed)?;
        let mut body = file.body;
        while let Some(piece) = body.next().await {
            std::io::Write::write_all(zip, &piece.map_err(failed)?).map_err(failed)?;
        }
    }
    Ok(())
}

/// The documents on `person`, their goals and their evaluations, oldest first.
pub async fn about(db: &impl ConnectionTrait, person: UserId) -> Result<Vec<document::Model>, AppError> {
    let goals =
        goal::Entity::find().filter(goal::Column::OwnerId.eq(person.0)).all(db).await.map_err(internal)?;
    let evaluations = review_evaluation::Entity::find()
        .filter(review_evaluation::Column::EmployeeId.eq(person.0))
        .all(db)
        .await
        .map_err(internal)?;
    let about = Condition::any()
        .add(document::Column::PersonId.eq(person.0))
        .add(document::Column::GoalId.is_in(goals.iter().map(|g| g.id)))
        .add(document::Column::EvaluationId.is_in(evaluations.iter().map(|e| e.id)));
    document::Entity::find()
        .filter(about)
        .order_by_asc(document::Column::UploadedAt)
        .all(db)
        .await
        .map_err(internal)
}
