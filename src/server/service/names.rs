//! People's names by id, read in one query, for pages that list what
//! several people wrote or own.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::domain::AppError;
use crate::domain::dto::PersonRef;
use crate::domain::ids::UserId;
use crate::server::db::internal;
use crate::server::entity::user_account;

/// The names of some people, by account id.
pub struct Names(HashMap<uuid::Uuid, String>);

impl Names {
    pub async fn of(
        db: &impl ConnectionTrait,
        ids: impl IntoIterator<Item = uuid::Uuid>,
    ) -> Result<Names, AppError> {
        let names = user_account::Entity::find()
            .filter(user_account::Column::Id.is_in(ids))
            .all(db)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        Ok(Names(names))
    }

    /// Empty for an id that was not asked for.
    pub fn name(&self, id: uuid::Uuid) -> String {
        self.0.get(&id).cloned().unwrap_or_default()
    }

    pub fn person(&self, id: uuid::Uuid) -> PersonRef {
        PersonRef { id: UserId(id), name: self.name(id) }
    }
}
