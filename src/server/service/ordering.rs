//! Moving an item of an ordered list (a form's or a survey's questions)
//! one place up or down: it swaps positions with its neighbour, in one
//! transaction, so the list never holds two items at one position.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};

use crate::domain::AppError;
use crate::server::db::internal;

/// The columns of a list's items that hold their id and their position.
pub struct Ordered<E: EntityTrait> {
    pub id: E::Column,
    pub position: E::Column,
}

impl<E: EntityTrait> Ordered<E> {
    /// Moves `item` within `list` (every item's id and position, in order);
    /// at either end it stays where it is.
    pub async fn move_item(
        &self,
        db: &DatabaseConnection,
        list: &[(uuid::Uuid, i32)],
        item: uuid::Uuid,
        up: bool,
    ) -> Result<(), AppError> {
        let at = list.iter().position(|(id, _)| *id == item).ok_or(AppError::Internal)?;
        let neighbour = if up { at.checked_sub(1) } else { Some(at + 1) };
        let Some(&(other, other_position)) = neighbour.and_then(|n| list.get(n)) else { return Ok(()) };
        let txn = db.begin().await.map_err(internal)?;
        for (id, position) in [(item, other_position), (other, list[at].1)] {
            E::update_many()
                .col_expr(self.position, Expr::value(position))
                .filter(self.id.eq(id))
                .exec(&txn)
                .await
                .map_err(internal)?;
        }
        txn.commit().await.map_err(internal)
    }
}
